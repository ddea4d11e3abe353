package rv.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.RvException;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.RareClassSampler;
import rv.learn.train.TrainLoop;
import rv.task.chips.ChipArchive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** rare_classes / desired_prob: the share of drawn chips with a rare class follows desired_prob. */
class RareClassSamplingTest {

    private static final List<String> CLASSES = List.of("background", "building", "pool");

    /** 400 small chips, 20 of class "pool" (5 %). */
    private static ChipData classification(Path tmp) throws Exception {
        Path zip = tmp.resolve("train-0.zip");
        Random rnd = new Random(1);
        try (ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.CHIP_CLASSIFICATION, CLASSES, 8)) {
            for (int i = 0; i < 400; i++) w.addClassification("c" + i, Synthetic.chip(rnd, 8, false, null), i % 20 == 7 ? 2 : i % 2);
        }
        return ChipData.load(List.of(zip), LearnerSpec.Task.CLASSIFICATION);
    }

    private static double share(ChipData data, List<Integer> drawn, Set<Integer> rare) {
        return drawn.stream().filter(i -> data.contains(i, rare)).count() / (double) drawn.size();
    }

    @Test
    void chipClassificationEpochHasTheDesiredShareOfRareChips(@TempDir Path tmp) throws Exception {
        ChipData data = classification(tmp);
        List<Integer> all = IntStream.range(0, data.size()).boxed().toList();
        assertThat(share(data, all, Set.of(2))).isEqualTo(0.05);
        RareClassSampler s = new RareClassSampler(data, all, Set.of(2), 0.5);
        assertThat(s.rareCount()).isEqualTo(20);
        assertThat(s.commonCount()).isEqualTo(380);

        List<Integer> epoch0 = s.epoch(7, 0, data.size());
        double one = share(data, epoch0, Set.of(2));
        System.out.printf("rare share in one epoch of %d draws: %.4f (desired 0.5, natural 0.05)%n", epoch0.size(), one);
        assertThat(one).isCloseTo(0.5, within(0.1)); // 4 standard deviations of 400 draws
        double sum = 0;
        for (int e = 0; e < 20; e++) sum += share(data, s.epoch(7, e, data.size()), Set.of(2));
        System.out.printf("rare share over 20 epochs: %.4f%n", sum / 20);
        assertThat(sum / 20).isCloseTo(0.5, within(0.03));

        // Reproducible per (seed, epoch), different across epochs and seeds.
        assertThat(s.epoch(7, 0, data.size())).isEqualTo(epoch0);
        assertThat(s.epoch(7, 1, data.size())).isNotEqualTo(epoch0);
        assertThat(s.epoch(8, 0, data.size())).isNotEqualTo(epoch0);

        // Another target probability, and 0 (never a rare chip).
        double sum2 = 0;
        RareClassSampler s2 = new RareClassSampler(data, all, Set.of(2), 0.2);
        for (int e = 0; e < 20; e++) sum2 += share(data, s2.epoch(3, e, data.size()), Set.of(2));
        assertThat(sum2 / 20).isCloseTo(0.2, within(0.03));
        assertThat(share(data, new RareClassSampler(data, all, Set.of(2), 0).epoch(3, 0, 400), Set.of(2))).isZero();
    }

    @Test
    void segmentationChipsCountAsRareWhenAnyPixelIsRare(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("train-0.zip");
        Random rnd = new Random(2);
        try (ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.SEMANTIC_SEGMENTATION, CLASSES, 16)) {
            for (int i = 0; i < 200; i++) {
                Raster lab = Raster.zeros(16, 16, 1, DataType.UINT8);
                Raster img = Synthetic.chip(rnd, 16, true, (byte[]) lab.data());
                if (i % 10 == 0) ((byte[]) lab.data())[5 * 16 + 5] = 2; // one pool pixel
                w.addSegmentation("c" + i, img, lab);
            }
        }
        ChipData data = ChipData.load(List.of(zip), LearnerSpec.Task.SEGMENTATION);
        List<Integer> all = IntStream.range(0, data.size()).boxed().toList();
        RareClassSampler s = new RareClassSampler(data, all, Set.of(2), 0.3);
        assertThat(s.rareCount()).isEqualTo(20);
        double sum = 0;
        for (int e = 0; e < 20; e++) sum += share(data, s.epoch(1, e, data.size()), Set.of(2));
        assertThat(sum / 20).isCloseTo(0.3, within(0.03));
        assertThatThrownBy(() -> new RareClassSampler(data, all, Set.of(1, 2), 1.5)).isInstanceOf(RvException.class)
                .hasMessageContaining("desired_prob must be between 0 and 1");
        // No chip has class 2 among the first nine: a clear error, not a silent no-op.
        assertThatThrownBy(() -> new RareClassSampler(data, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), Set.of(2), 0.5))
                .isInstanceOf(RvException.class).hasMessageContaining("none of the 9 training chips");
    }

    @Test
    void configNamesOrIdsResolveToClassIds() {
        assertThat(rv.learn.djl.DjlBackendAccess.classIds(List.of("pool", 1), CLASSES)).containsExactly(2, 1);
        assertThatThrownBy(() -> rv.learn.djl.DjlBackendAccess.classIds(List.of("lake"), CLASSES)).isInstanceOf(RvException.class)
                .hasMessageContaining("rare_classes entry 'lake' is neither a class id nor one of the class names [background, building, pool]");
        assertThatThrownBy(() -> rv.learn.djl.DjlBackendAccess.classIds(List.of(3), CLASSES)).isInstanceOf(RvException.class)
                .hasMessageContaining("ids run from 0 to 2");
        var bad = PyTorchChipClassificationConfig.builder().rareClasses("pool");
        assertThatThrownBy(() -> bad.model(ClassificationModelConfig.builder().build()).solver(SolverConfig.builder().build()).build())
                .hasMessageContaining("desired_prob");
    }

    @Test
    void trainingOversamplesAndSaysSo(@TempDir Path tmp) throws Exception {
        ChipData data = classification(tmp);
        LearnerSpec spec = new LearnerSpec(LearnerSpec.Task.CLASSIFICATION, Backbone.RESNET18, 0.25, CLASSES, 3, 8,
                new float[3], new float[] {255, 255, 255}, -1, 1e-3, 1, 16, false, List.of(), "adam", List.of(), 7,
                false, false, 1, null, 0).withOversampling(List.of(2), 0.5);
        List<String> log = new ArrayList<>();
        new TrainLoop(spec, data, data, tmp.resolve("train"), 1, log::add).run();
        assertThat(log).contains("oversampling rare classes [2]: 20 of 400 training chips contain one; a drawn chip does with probability 0.50");
        assertThat(LearnerSpec.read(tmp.resolve("train/learner.json")).rareClasses()).containsExactly(2);
    }
}
