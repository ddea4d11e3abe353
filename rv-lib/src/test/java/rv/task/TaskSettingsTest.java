package rv.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.progress.Progress;
import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.eval.Evaluation;
import rv.learn.PyTorchSemanticSegmentationConfig;
import rv.learn.SemanticSegmentationModelConfig;
import rv.learn.SolverConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.RvSettings;
import rv.task.gt.GroundTruthBackend;
import rv.task.segmentation.SemanticSegmentationWindowMethod;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings that steer the task commands: debug chips, the forced backend, predict stride and crop. */
class TaskSettingsTest {
    @TempDir Path tmp;

    PipelineContext context(Map<String, String> env) {
        return new PipelineContext(tmp, System.out, RvSettings.load(null, null, env, tmp.resolve("home")), Progress.silent());
    }

    @Test
    void debugChipsForcedBackendAndOverlappingPredictions() throws Exception {
        Path data = tmp.resolve("data");
        new DemoSceneGenerator().generate(data, new DemoOptions(600, 42, 2));
        var backend = PyTorchSemanticSegmentationConfig.builder().model(SemanticSegmentationModelConfig.builder().build())
                .solver(SolverConfig.builder().build()).build();
        RvPipelineConfig cfg = Examples.semanticSegmentation(data, tmp.resolve("out").toString(), backend,
                SemanticSegmentationWindowMethod.SLIDING).update();
        TaskCommands commands = new TaskCommands();
        PipelineContext ctx = context(Map.of("CHIP_DEBUG_CHIPS", "2", "RV_BACKEND", "ground_truth",
                "PREDICT_STRIDE", "150", "PREDICT_CROP_SZ", "20"));
        for (String c : new String[] {"analyze", "chip", "train", "predict", "eval"}) commands.run(cfg, c, 0, 1, ctx);

        var png = ImageIO.read(tmp.resolve("out/chip/debug/train-0/scene_0-1.png").toFile());
        assertThat(png.getWidth()).isEqualTo(300);
        assertThat(tmp.resolve("out/chip/debug/train-0/scene_0-2.png")).doesNotExist();
        assertThat(TaskCommands.backend(cfg, ctx)).isInstanceOf(GroundTruthBackend.class);
        // overlapping windows (stride 150) with 20-px borders ignored still give the labels back exactly
        var eval = new ObjectMapper().readTree(tmp.resolve("out/eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(eval.get("overall"), "building")).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(eval.get("overall"), "background")).isEqualTo(1.0);

        // without the setting the pytorch config needs a backend plugin (the DJL one, from another module)
        if (Backends.all().stream().noneMatch(b -> b.supports(backend))) {
            assertThatThrownBy(() -> TaskCommands.backend(cfg, context(Map.of())))
                    .hasMessageContaining("no rv backend runs PyTorchSemanticSegmentationConfig");
        }
        assertThatThrownBy(() -> new rv.task.commands.PredictCommand(cfg, context(Map.of("PREDICT_CROP_SZ", "200"))))
                .hasMessageContaining("crop_sz must be >= 0 and < half the chip size");
    }
}
