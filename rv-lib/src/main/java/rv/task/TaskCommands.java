package rv.task;

import rv.data.SceneConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.Uris;
import rv.task.commands.AnalyzeCommand;
import rv.task.commands.ChipCommand;
import rv.task.commands.EvalCommand;
import rv.task.commands.PredictCommand;
import rv.task.gt.GroundTruthBackend;

import java.util.ArrayList;
import java.util.List;

/**
 * rv's implementation of the RV pipeline commands for chip classification, semantic segmentation
 * and object detection. TRAIN, PREDICT's model and BUNDLE go through the {@link Backend} SPI; the
 * setting {@code [rv] backend = ground_truth} ({@code RV_BACKEND=ground_truth}) swaps in the
 * ground-truth backend whatever the config says.
 */
public final class TaskCommands implements RvCommands {

    @Override
    public boolean supports(RvPipelineConfig config, String command) {
        try {
            TaskKind.of(config);
        } catch (RuntimeException e) {
            return false;
        }
        return List.of("analyze", "chip", "train", "predict", "eval", "bundle").contains(command);
    }

    @Override
    public void run(RvPipelineConfig config, String command, int splitInd, int numSplits, PipelineContext context) throws Exception {
        switch (command) {
            case "analyze" -> new AnalyzeCommand(config).run(splitInd);
            case "chip" -> new ChipCommand(config, context).run(splitInd, numSplits);
            case "train" -> backend(config, context).train(config, context);
            case "predict" -> {
                List<SceneConfig> scenes = predictScenes(config);
                List<SceneConfig> mine = new ArrayList<>();
                for (int i = 0; i < scenes.size(); i++) if (i % Math.max(1, numSplits) == splitInd) mine.add(scenes.get(i));
                if (mine.isEmpty()) return;
                try (ChipModel model = backend(config, context).load(config, context)) {
                    new PredictCommand(config, context).run(model, mine);
                }
            }
            case "eval" -> new EvalCommand(config).run(predictScenes(config));
            case "bundle" -> backend(config, context).bundle(config,
                    TaskFiles.localPath(Uris.join(config.bundleUri(), "model-bundle.zip")), context);
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    /** The backend for the pipeline, or the ground-truth backend when the settings ask for it. */
    public static Backend backend(RvPipelineConfig config, PipelineContext context) {
        String forced = context == null || context.settings() == null ? null : context.settings().get("rv", "backend").orElse(null);
        if (forced != null && forced.equalsIgnoreCase("ground_truth")) return new GroundTruthBackend();
        return Backends.forConfig(config.backend());
    }

    static List<SceneConfig> predictScenes(RvPipelineConfig config) {
        List<SceneConfig> out = new ArrayList<>(config.dataset().validationScenes());
        out.addAll(config.dataset().testScenes());
        return out;
    }
}
