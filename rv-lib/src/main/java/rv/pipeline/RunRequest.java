package rv.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link Runner} gets: the updated config and where it was written, the pipeline, the plan
 * (which commands run), the number of splits for split commands, and the run context.
 */
public record RunRequest(PipelineConfig config, Path configFile, Pipeline pipeline, List<PipelineEngine.Step> steps,
                         int splits, PipelineContext context) {
    public RunRequest {
        steps = List.copyOf(steps);
        if (splits < 1) throw new IllegalArgumentException("splits must be >= 1");
    }
}
