package rv.task;

import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.learn.Backbone;
import rv.learn.BackendConfig;
import rv.learn.ClassificationModelConfig;
import rv.learn.ObjectDetectionModelConfig;
import rv.learn.PyTorchChipClassificationConfig;
import rv.learn.PyTorchObjectDetectionConfig;
import rv.learn.PyTorchSemanticSegmentationConfig;
import rv.learn.SemanticSegmentationModelConfig;
import rv.learn.SolverConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quickstart pipeline, the one source of truth for {@code rv quickstart} and the notebooks: demo
 * scenes under {@code OUT/data}, a small DJL model per task, and the training settings the quickstart
 * uses (train crop, validation chips). {@link #config} applies those settings to this JVM, so a
 * {@code %rv run inprocess} of its config trains exactly like {@code rv quickstart} with the same seed.
 */
public final class Quickstart {
    private Quickstart() {}

    /**
     * Generates the demo scenes under {@code outDir/data} (unless there), applies {@link #settings} and
     * returns the pipeline config rooted at {@code outDir/<task id>}.
     *
     * @param epochs training epochs, or null for the task's default
     */
    public static RvPipelineConfig config(TaskKind kind, Path outDir, Integer epochs) {
        Path data = demoData(outDir);
        applySettings(kind);
        Path root = outDir.resolve(kind.id()).toAbsolutePath();
        return Examples.forTask(kind, data, root.toString(), backend(kind, epochs));
    }

    /** The demo scenes ({@link DemoOptions#defaults()}) under {@code outDir/data}, generated if missing. */
    public static Path demoData(Path outDir) {
        Path data = outDir.resolve("data").toAbsolutePath();
        if (!Files.isRegularFile(data.resolve("scene_1.tif"))) {
            new DemoSceneGenerator().generate(data, DemoOptions.defaults());
        }
        return data;
    }

    /**
     * The quickstart's training settings as system properties. Small CPU budget: segmentation trains on
     * random 128-px crops, detection on 160-px crops (the cars are ~15 px, so a crop still holds
     * several), and all tasks validate on 16 chips per epoch.
     */
    public static Map<String, String> settings(TaskKind kind) {
        Map<String, String> s = new LinkedHashMap<>();
        if (kind == TaskKind.SEMANTIC_SEGMENTATION) s.put("rv.train_crop", "128");
        if (kind == TaskKind.OBJECT_DETECTION) s.put("rv.train_crop", "160");
        s.put("rv.valid_chips", "16");
        return s;
    }

    /** Sets {@link #settings} as system properties, except those the environment sets ({@code RV_TRAIN_CROP}, …). */
    public static void applySettings(TaskKind kind) {
        // A crop left over from another task's quickstart in the same JVM must not leak into this one.
        if (System.getenv("RV_TRAIN_CROP") == null) System.clearProperty("rv.train_crop");
        settings(kind).forEach((k, v) -> {
            String env = "RV_" + k.substring(3).toUpperCase(java.util.Locale.ROOT);
            if (System.getenv(env) == null) System.setProperty(k, v);
        });
    }

    /** The DJL backend config of the quickstart: a quarter-width ResNet-18, small enough for a 2-core CPU. */
    public static BackendConfig backend(TaskKind kind, Integer epochs) {
        List<String> aug = List.of("HorizontalFlip", "VerticalFlip", "RandomRotate90");
        return switch (kind) {
            case SEMANTIC_SEGMENTATION -> PyTorchSemanticSegmentationConfig.builder()
                    .model(SemanticSegmentationModelConfig.builder().backbone(Backbone.RESNET18).widthMult(0.25).pretrained(false).build())
                    .solver(SolverConfig.builder().lr(5e-3).numEpochs(epochs == null ? 16 : epochs).batchSz(8).oneCycle(true).build())
                    .augmentors(aug).build();
            case CHIP_CLASSIFICATION -> PyTorchChipClassificationConfig.builder()
                    .model(ClassificationModelConfig.builder().backbone(Backbone.RESNET18).widthMult(0.25).pretrained(false).build())
                    .solver(SolverConfig.builder().lr(3e-3).numEpochs(epochs == null ? 8 : epochs).batchSz(16).oneCycle(true).build())
                    .augmentors(aug).build();
            case OBJECT_DETECTION -> PyTorchObjectDetectionConfig.builder()
                    .model(ObjectDetectionModelConfig.builder().backbone(Backbone.RESNET18).widthMult(0.25).pretrained(false).build())
                    .solver(SolverConfig.builder().lr(1e-2).numEpochs(epochs == null ? 20 : epochs).batchSz(16).oneCycle(true).build())
                    .augmentors(aug).build();
        };
    }
}
