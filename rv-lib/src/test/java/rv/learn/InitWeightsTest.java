package rv.learn;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.RvException;
import rv.io.RangeFileServer;
import rv.learn.model.Models;
import rv.learn.train.ChipData;
import rv.learn.train.InitWeights;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** init_weights / pretrained_uri: whole networks, backbone subsets across tasks, local/file/zip/http URIs, misfits. */
class InitWeightsTest {
    @TempDir
    static Path tmp;
    static Path classifier;
    static ChipData seg;

    /** A trained chip classifier (ResNet-18 x0.25, 3 bands, 2 classes) in {@code tmp/cls}. */
    @BeforeAll
    static void trainClassifier() throws Exception {
        Synthetic.classification(tmp.resolve("cls.zip"), 16, 32, 3);
        ChipData cls = ChipData.load(List.of(tmp.resolve("cls.zip")), LearnerSpec.Task.CLASSIFICATION);
        classifier = tmp.resolve("cls");
        new TrainLoop(TrainLoopTest.spec(LearnerSpec.Task.CLASSIFICATION, 1, 1e-2), cls, cls, classifier, 1, s -> {}).run();
        Synthetic.segmentation(tmp.resolve("seg.zip"), 8, 32, 4);
        seg = ChipData.load(List.of(tmp.resolve("seg.zip")), LearnerSpec.Task.SEGMENTATION);
    }

    private static LearnerSpec noEpochs(LearnerSpec.Task task) {
        LearnerSpec s = TrainLoopTest.spec(task, 0, 1e-3);
        return new LearnerSpec(s.task(), s.backbone(), s.widthMult(), s.classNames(), s.bands(), s.chipSize(), s.mean(), s.std(),
                s.ignoreId(), s.lr(), 0, s.batchSz(), false, s.multiStage(), s.optimizer(), s.augmentors(), s.seed(), false, false, 1, null, 0);
    }

    /** Trains 0 epochs (only the starting weights) and returns the log. */
    private static List<String> start(LearnerSpec spec, ChipData data, Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        new TrainLoop(spec, data, data, dir, 1, log::add).run();
        log.forEach(System.out::println);
        return log;
    }

    private static Map<String, float[]> weights(LearnerSpec spec, Path model, NDManager m) {
        Block b = Models.build(spec);
        TrainLoop.loadParams(b, m, model);
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : InitWeights.named(b, spec).entrySet()) out.put(e.getKey(), e.getValue().getArray().toFloatArray());
        return out;
    }

    @Test
    void wholeModelFromALocalPathOrFileUri() throws Exception {
        LearnerSpec spec = noEpochs(LearnerSpec.Task.CLASSIFICATION);
        ChipData cls = ChipData.load(List.of(tmp.resolve("cls.zip")), LearnerSpec.Task.CLASSIFICATION);
        for (String uri : List.of(classifier.resolve("model").toString(), classifier.resolve("model").toUri().toString())) {
            Path dir = Files.createTempDirectory(tmp, "init");
            List<String> log = start(spec.withWeights(uri, null), cls, dir);
            assertThat(log).anyMatch(l -> l.matches("init_weights .*: loaded (\\d+) of the model's \\1 parameters"));
            assertThat(Files.readAllBytes(dir.resolve("model"))).isEqualTo(Files.readAllBytes(classifier.resolve("model")));
        }
    }

    @Test
    void classifierBackboneStartsAUNetFromAZipEntry() throws Exception {
        Path zip = tmp.resolve("bundle.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String f : List.of("model", "learner.json")) {
                z.putNextEntry(new ZipEntry(f));
                Files.copy(classifier.resolve(f), z);
                z.closeEntry();
            }
        }
        LearnerSpec spec = noEpochs(LearnerSpec.Task.SEGMENTATION).withData(3, 32, new float[3], new float[] {255, 255, 255});
        Path dir = tmp.resolve("unet");
        List<String> log = start(spec.withWeights("zip://" + zip + "!/model", null), seg, dir);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, float[]> unet = weights(spec, dir.resolve("model"), m);
            Map<String, float[]> cls = weights(LearnerSpec.read(classifier.resolve("learner.json")), classifier.resolve("model"), m);
            long backbone = unet.keySet().stream().filter(k -> k.startsWith("backbone.")).count();
            assertThat(backbone).isGreaterThan(50).isLessThan(unet.size());
            assertThat(log).contains("init_weights zip://" + zip + "!/model: loaded " + backbone + " of the model's " + unet.size()
                    + " parameters (the other " + (unet.size() - backbone) + " keep their random initialisation)");
            for (String k : unet.keySet()) {
                if (k.startsWith("backbone.")) assertThat(unet.get(k)).as(k).isEqualTo(cls.get(k));
            }
            String head = unet.keySet().stream().filter(k -> k.startsWith("unet.")).findFirst().orElseThrow();
            assertThat(cls).doesNotContainKey(head);
        }
    }

    @Test
    void backboneOnlyNpzOverHttpAsPretrainedUri() throws Exception {
        LearnerSpec clsSpec = LearnerSpec.read(classifier.resolve("learner.json"));
        Path npz = tmp.resolve("backbone.npz");
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = Models.build(clsSpec);
            TrainLoop.loadParams(b, m, classifier.resolve("model"));
            InitWeights.exportNamed(b, clsSpec, npz, true);
        }
        try (RangeFileServer server = RangeFileServer.start(tmp)) {
            String uri = server.url("backbone.npz");
            LearnerSpec spec = noEpochs(LearnerSpec.Task.SEGMENTATION).withData(3, 32, new float[3], new float[] {255, 255, 255});
            Path dir = tmp.resolve("unet-pretrained");
            List<String> log = start(spec.withWeights(null, uri), seg, dir);
            try (NDManager m = NDManager.newBaseManager()) {
                Map<String, float[]> unet = weights(spec, dir.resolve("model"), m);
                Map<String, float[]> cls = weights(clsSpec, classifier.resolve("model"), m);
                long backbone = unet.keySet().stream().filter(k -> k.startsWith("backbone.")).count();
                assertThat(log).contains("pretrained_uri " + uri + ": loaded " + backbone + " of the model's " + backbone + " backbone parameters");
                String stem = unet.keySet().stream().filter(k -> k.startsWith("backbone.stem")).findFirst().orElseThrow();
                assertThat(unet.get(stem)).isEqualTo(cls.get(stem));
            }
        }
    }

    @Test
    void misfitsNameTheUriAndTheParameter() throws Exception {
        ChipData cls = ChipData.load(List.of(tmp.resolve("cls.zip")), LearnerSpec.Task.CLASSIFICATION);
        String uri = classifier.resolve("model").toString();
        // Three classes instead of two: the head differs.
        LearnerSpec s = noEpochs(LearnerSpec.Task.CLASSIFICATION);
        LearnerSpec three = new LearnerSpec(s.task(), s.backbone(), s.widthMult(), List.of("a", "b", "c"), 3, 32, s.mean(), s.std(),
                -1, 1e-3, 0, 8, false, List.of(), "adam", List.of(), 7, false, false, 1, uri, 0);
        assertThatThrownBy(() -> start(three, cls, tmp.resolve("three"))).isInstanceOf(RvException.class)
                .hasMessageMatching("init_weights " + java.util.regex.Pattern.quote(uri)
                        + " does not fit the model: parameter 'classifier\\.\\w+\\.weight' is \\(2, 128\\) in the file but \\(3, 128\\) in the model.*");
        // Four bands instead of three: the first misfit is the stem convolution.
        Synthetic.classification(tmp.resolve("cls4.zip"), 4, 32, 3);
        LearnerSpec four = s.withData(4, 32, new float[4], new float[] {255, 255, 255, 255}).withWeights(uri, null);
        Path dir4 = tmp.resolve("four");
        assertThatThrownBy(() -> new TrainLoop(four, fourBands(), null, dir4, 1, x -> {}).run()).isInstanceOf(RvException.class)
                .hasMessageContaining("parameter 'backbone.stem.01Conv2d.weight' is (16, 3, 7, 7) in the file but (16, 4, 7, 7)");
        // Named arrays that match nothing, and bytes that are no weights at all.
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThatThrownBy(() -> start(s.withWeights(junk.toString(), null), cls, tmp.resolve("junk")))
                .isInstanceOf(RvException.class).hasMessageContaining("init_weights " + junk + " is not the weights of this model");
        Path other = tmp.resolve("other.npz");
        try (NDManager m = NDManager.newBaseManager()) {
            var a = m.ones(new ai.djl.ndarray.types.Shape(2, 2));
            a.setName("some.other.weight");
            Files.write(other, new ai.djl.ndarray.NDList(a).encode(ai.djl.ndarray.NDList.Encoding.NPZ));
        }
        assertThatThrownBy(() -> start(s.withWeights(null, other.toString()), cls, tmp.resolve("other")))
                .isInstanceOf(RvException.class).hasMessageContaining("pretrained_uri " + other + ": none of its 1 parameters matches");
    }

    /** Four-band float chips (the project's writer only needs a raster per chip). */
    private static ChipData fourBands() throws Exception {
        Path zip = tmp.resolve("four.zip");
        try (var w = rv.task.chips.ChipArchive.create(zip, rv.task.chips.ChipArchive.CHIP_CLASSIFICATION, List.of("empty", "building"), 32)) {
            for (int i = 0; i < 4; i++) w.addClassification("c" + i, rv.data.raster.Raster.zeros(32, 32, 4, rv.data.raster.DataType.UINT8), i % 2);
        }
        return ChipData.load(List.of(zip), LearnerSpec.Task.CLASSIFICATION);
    }
}
