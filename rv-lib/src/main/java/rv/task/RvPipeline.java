package rv.task;

import rv.analyze.AnalyzerConfig;
import rv.core.RvException;
import rv.data.SceneConfig;
import rv.eval.EvaluatorConfig;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineCommand;
import rv.pipeline.PipelineContext;
import rv.pipeline.Uris;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The command DAG of an RV pipeline: ANALYZE → CHIP → TRAIN → PREDICT → EVAL → BUNDLE, with the
 * inputs and outputs Raster Vision 0.12 uses. ANALYZE, CHIP and PREDICT split; TRAIN and PREDICT use
 * a GPU. The work itself comes from an {@link RvCommands} plugin.
 */
public final class RvPipeline implements Pipeline {
    private final RvPipelineConfig config;
    private final PipelineContext context;
    private final List<PipelineCommand> commands;

    public RvPipeline(RvPipelineConfig config, PipelineContext context) {
        this.config = config;
        this.context = context;
        List<String> analyzeOut = new ArrayList<>();
        for (AnalyzerConfig a : config.analyzers()) analyzeOut.addAll(a.outputUris());
        List<String> predictOut = new ArrayList<>();
        for (SceneConfig s : predictScenes()) {
            if (s.labelStore() != null) predictOut.addAll(s.labelStore().outputUris());
        }
        List<String> evalOut = new ArrayList<>();
        for (EvaluatorConfig e : config.evaluators()) evalOut.addAll(e.outputUris());
        String chipDir = dir(config.chipUri());
        String trainDir = dir(config.trainUri());
        List<String> trainIn = concat(analyzeOut, List.of(trainDir));
        this.commands = List.of(
                new PipelineCommand("analyze", true, false, List.of(), analyzeOut, action("analyze")),
                new PipelineCommand("chip", true, false, analyzeOut, List.of(chipDir), action("chip")),
                new PipelineCommand("train", false, true, List.of(chipDir), List.of(trainDir), action("train")),
                new PipelineCommand("predict", true, true, trainIn, predictOut, action("predict")),
                new PipelineCommand("eval", false, false, predictOut, evalOut, action("eval")),
                new PipelineCommand("bundle", false, false, trainIn,
                        List.of(Uris.join(config.bundleUri(), "model-bundle.zip")), action("bundle")));
    }

    /** Validation and test scenes: the ones PREDICT and EVAL work on. */
    public List<SceneConfig> predictScenes() {
        List<SceneConfig> out = new ArrayList<>(config.dataset().validationScenes());
        out.addAll(config.dataset().testScenes());
        return out;
    }

    @Override
    public List<PipelineCommand> commands() { return commands; }

    private PipelineCommand.Action action(String command) {
        return (splitInd, numSplits) -> {
            for (RvCommands impl : ServiceLoader.load(RvCommands.class, RvPipeline.class.getClassLoader())) {
                if (impl.supports(config, command)) {
                    impl.run(config, command, splitInd, numSplits, context);
                    return;
                }
            }
            throw new RvException(command.toUpperCase() + " of the " + config.typeHint()
                    + " pipeline is not implemented yet in rv (no rv.task.RvCommands plugin provides it)");
        };
    }

    private static String dir(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
