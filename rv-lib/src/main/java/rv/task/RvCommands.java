package rv.task;

import rv.pipeline.PipelineContext;

/**
 * The implementation of RV pipeline commands (ANALYZE, CHIP, TRAIN, PREDICT, EVAL, BUNDLE), found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/rv.task.RvCommands}). The task
 * packages register one when their stage exists; until then a command reports that it is not
 * implemented yet.
 */
public interface RvCommands {

    /** Whether this implementation runs {@code command} of pipelines like {@code config}. */
    boolean supports(RvPipelineConfig config, String command);

    /** Runs split {@code splitInd} (0-based) of {@code numSplits} of {@code command}. */
    void run(RvPipelineConfig config, String command, int splitInd, int numSplits, PipelineContext context) throws Exception;
}
