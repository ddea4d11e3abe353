package rv.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.eval.Evaluation;
import rv.pipeline.ConfigCodec;
import rv.pipeline.PipelineConfig;
import rv.task.chips.ChipArchive;
import rv.task.segmentation.SemanticSegmentationWindowMethod;
import rv.testutil.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The three task pipelines end to end on demo scenes, with the ground-truth backend. */
class TaskPipelineTest {
    @TempDir static Path tmp;
    static Path data;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void demo() {
        data = tmp.resolve("data");
        new DemoSceneGenerator().generate(data, DemoOptions.defaults());
    }

    static Path writeConfig(PipelineConfig c, String name) throws Exception {
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, ConfigCodec.create().write(c));
        return f;
    }

    static Cli.Result run(Path cfg, String... commands) {
        String[] args = new String[3 + commands.length];
        args[0] = "run"; args[1] = "inprocess"; args[2] = cfg.toString();
        System.arraycopy(commands, 0, args, 3, commands.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    static int chips(Path zip) throws Exception {
        try (ChipArchive.Reader r = ChipArchive.open(zip)) {
            assertThat(r.chips()).hasSize(r.info().count());
            return r.info().count();
        }
    }

    @Test
    void segmentationSlidingMakes64ChipsPerSceneAndGroundTruthScoresF1One() throws Exception {
        Path root = tmp.resolve("seg-sliding");
        Path cfg = writeConfig(Examples.semanticSegmentation(data, root.toString(), null, SemanticSegmentationWindowMethod.SLIDING), "seg-sliding");
        run(cfg, "analyze", "chip");
        // 1200 px, chip 300, stride round(300/2) = 150: windows start at 0, 150, …, 1050 → 8 × 8
        assertThat(chips(root.resolve("chip/train-0.zip"))).isEqualTo(64);
        assertThat(chips(root.resolve("chip/valid-0.zip"))).isEqualTo(64);
        try (ChipArchive.Reader r = ChipArchive.open(root.resolve("chip/train-0.zip"))) {
            assertThat(r.info().bands()).isEqualTo(3);
            assertThat(r.info().dtype()).isEqualTo("uint8");
            assertThat(r.info().classNames()).containsExactly("background", "building", "null");
            var c = r.chips().get(0);
            assertThat(r.image(c).width()).isEqualTo(300);
            assertThat(r.labels(c).height()).isEqualTo(300);
        }
        run(cfg, "train", "predict", "eval");
        JsonNode eval = JSON.readTree(root.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(eval.get("overall"), "background")).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(eval.get("overall"), "building")).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(eval.get("per_scene").get("scene_1"), "building")).isEqualTo(1.0);
        JsonNode vec = JSON.readTree(root.resolve("eval/vector-eval.json").toFile());
        assertThat(vec.get("overall").get(0).path("class_name").asText()).isEqualTo("building");
        assertThat(root.resolve("predict/scene_1.tif")).exists();
        assertThat(root.resolve("predict/scene_1-1-polygons.json")).exists();
    }

    @Test
    void segmentationRandomSampleMakesChipsPerScene() throws Exception {
        Path root = tmp.resolve("seg-random");
        Path cfg = writeConfig(Examples.semanticSegmentation(data, root.toString(), null, SemanticSegmentationWindowMethod.RANDOM_SAMPLE), "seg-random");
        run(cfg, "analyze", "chip");
        assertThat(chips(root.resolve("chip/train-0.zip"))).isEqualTo(Examples.CHIPS_PER_SCENE);
        assertThat(chips(root.resolve("chip/valid-0.zip"))).isEqualTo(Examples.CHIPS_PER_SCENE);
    }

    @Test
    void chipClassificationAndDetectionWithGroundTruthScoreF1One() throws Exception {
        Path ccRoot = tmp.resolve("cc");
        run(writeConfig(Examples.chipClassification(data, ccRoot.toString(), null), "cc"));
        JsonNode cc = JSON.readTree(ccRoot.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(cc.get("overall"), "building")).as(cc.toString()).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(cc.get("overall"), "background")).as(cc.toString()).isEqualTo(1.0);
        assertThat(chips(ccRoot.resolve("chip/train-0.zip"))).isEqualTo(144);

        Path odRoot = tmp.resolve("od");
        run(writeConfig(Examples.objectDetection(data, odRoot.toString(), null), "od"));
        JsonNode od = JSON.readTree(odRoot.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(od.get("overall"), "car")).isEqualTo(1.0);
        assertThat(chips(odRoot.resolve("chip/train-0.zip"))).isGreaterThan(0);
    }
}
