package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rv quickstart}: the whole pipeline on the embedded demo scene. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline (analyze, chip, train, predict, eval, bundle) on the embedded demo scene.")
final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "rv-quickstart")
    Path out;

    @Option(names = "--task", description = "semantic_segmentation (default), classification or detection.", defaultValue = "semantic_segmentation")
    String task;

    @Override
    public Integer call() {
        System.out.println("rv quickstart (" + task + ") into " + out.toAbsolutePath());
        System.out.println("The pipeline stages are not built yet. When they are, this command will:");
        System.out.println("  1. generate the demo scenes       (rv demo-data " + out.resolve("data") + ")");
        System.out.println("  2. ANALYZE  channel statistics    -> " + out.resolve("analyze/stats.json"));
        System.out.println("  3. CHIP     training chips        -> " + out.resolve("chip/"));
        System.out.println("  4. TRAIN    a DJL model on CPU    -> " + out.resolve("train/"));
        System.out.println("  5. PREDICT  the validation scene  -> " + out.resolve("predict/"));
        System.out.println("  6. EVAL     precision/recall/F1   -> " + out.resolve("eval/eval.json"));
        System.out.println("  7. BUNDLE   model bundle          -> " + out.resolve("bundle/model-bundle.zip"));
        return 0;
    }
}
