package rv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rv.core.RvException;
import rv.pipeline.ConfigCodec;
import rv.task.Quickstart;
import rv.task.RvPipelineConfig;
import rv.task.TaskKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rv quickstart}: demo scenes → ANALYZE → CHIP → TRAIN (a small DJL model on the CPU) →
 * PREDICT → EVAL → BUNDLE, then the evaluation table and where everything went.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline (analyze, chip, train, predict, eval, bundle) with a small DJL model on generated demo scenes.")
final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "rv-quickstart")
    Path out;

    @Option(names = "--task", description = "semantic_segmentation (default), classification or detection.", defaultValue = "semantic_segmentation")
    String task;

    @Option(names = "--epochs", description = "Training epochs (default: per task).")
    Integer epochs;

    @Option(names = "--config-only", description = "Write the pipeline config (OUT/TASK-config.json) and the demo scenes, then stop.")
    boolean configOnly;

    @Override
    public Integer call() throws Exception {
        TaskKind kind = switch (task) {
            case "classification", "chip_classification" -> TaskKind.CHIP_CLASSIFICATION;
            case "detection", "object_detection" -> TaskKind.OBJECT_DETECTION;
            case "segmentation", "semantic_segmentation" -> TaskKind.SEMANTIC_SEGMENTATION;
            default -> throw new RvException("--task must be semantic_segmentation, classification or detection, got '" + task + "'");
        };
        long t0 = System.nanoTime();
        if (!Files.isRegularFile(out.resolve("data/scene_1.tif"))) {
            System.out.println("rv quickstart: generating demo scenes in " + out.resolve("data").toAbsolutePath());
        }
        // One source of truth with the notebooks: Quickstart.config also applies the training settings.
        RvPipelineConfig cfg = Quickstart.config(kind, out, epochs);
        Path root = Path.of(cfg.rootUri());
        Path cfgFile = out.resolve(kind.id() + "-config.json").toAbsolutePath();
        Files.writeString(cfgFile, ConfigCodec.create().write(cfg));
        System.out.println("rv quickstart: " + kind.id() + " pipeline " + cfgFile);
        if (configOnly) return 0;
        int rc = Main.execute("run", "inprocess", cfgFile.toString());
        if (rc != 0) return rc;
        printEval(root.resolve("eval/eval.json"));
        System.out.printf("%nrv quickstart finished in %.0f s. Outputs under %s:%n", (System.nanoTime() - t0) / 1e9, root);
        System.out.println("  analyze/stats.json  chip/*.zip  train/{model,log.csv,history.json}  predict/  eval/eval.json  bundle/model-bundle.zip");
        System.out.println("Predict new imagery with the bundle:  rv predict " + root.resolve("bundle/model-bundle.zip") + " IMAGE.tif OUT");
        return 0;
    }

    static void printEval(Path evalJson) throws Exception {
        JsonNode eval = new ObjectMapper().readTree(evalJson.toFile());
        System.out.println();
        System.out.println("Evaluation of the validation scene (" + evalJson + "):");
        System.out.printf("  %-12s %10s %10s %10s %10s%n", "class", "precision", "recall", "f1", "gt_count");
        for (JsonNode item : eval.path("overall")) {
            System.out.printf("  %-12s %10.3f %10.3f %10.3f %10d%n", item.path("class_name").asText(),
                    item.path("precision").asDouble(), item.path("recall").asDouble(), item.path("f1").asDouble(),
                    item.path("gt_count").asLong());
        }
    }
}
