package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.io.AtomicFiles;
import rv.pipeline.ConfigCodec;
import rv.task.Examples;
import rv.task.RvPipelineConfig;
import rv.task.TaskKind;
import rv.task.segmentation.SemanticSegmentationWindowMethod;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rv example-config TASK DATA_DIR ROOT_URI}: the demo pipeline config of a task as JSON. */
@Command(name = "example-config", mixinStandardHelpOptions = true,
        description = {"Print (or write) a ready pipeline config for a task on the scenes of 'rv demo-data DATA_DIR',",
                "using the ground-truth backend (predictions = labels) unless a learner backend is added to it."})
final class ExampleConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "semantic_segmentation, chip_classification or object_detection.")
    String task;

    @Parameters(index = "1", paramLabel = "DATA_DIR", description = "Folder written by 'rv demo-data'.")
    Path data;

    @Parameters(index = "2", paramLabel = "ROOT_URI", description = "Output root of the pipeline.")
    String root;

    @Option(names = "--window-method", defaultValue = "sliding", description = "Segmentation chips: sliding or random_sample (default: ${DEFAULT-VALUE}).")
    String windowMethod;

    @Option(names = "--out", paramLabel = "cfg.json", description = "Write here (atomically) instead of printing.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TaskKind kind = TaskKind.parse(task);
        if (!windowMethod.equalsIgnoreCase("sliding") && !windowMethod.equalsIgnoreCase("random_sample")) {
            throw new rv.core.RvException("--window-method must be sliding or random_sample, got '" + windowMethod + "'");
        }
        RvPipelineConfig cfg = kind == TaskKind.SEMANTIC_SEGMENTATION
                ? Examples.semanticSegmentation(data, root, null, SemanticSegmentationWindowMethod.valueOf(windowMethod.toUpperCase(java.util.Locale.ROOT)))
                : Examples.forTask(kind, data, root, null);
        String json = ConfigCodec.create().write(cfg);
        if (out == null) System.out.println(json);
        else AtomicFiles.writeString(out, json + "\n");
        return 0;
    }
}
