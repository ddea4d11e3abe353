package rv.pipeline;

import java.util.List;

/**
 * One command of a {@link Pipeline}.
 *
 * @param name    command name ({@code save_messages}, {@code chip} …)
 * @param split   whether it can run as {@code numSplits} independent parts
 * @param gpu     whether it prefers a GPU
 * @param inputs  files or folders it reads (folders end with {@code /})
 * @param outputs files or folders it writes (folders end with {@code /}; a folder counts as written
 *                when the engine has put its {@value PipelineEngine#DONE_MARKER} marker in it)
 * @param action  the work; {@code splitInd} is 0-based
 */
public record PipelineCommand(String name, boolean split, boolean gpu, List<String> inputs, List<String> outputs, Action action) {

    public PipelineCommand {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The work of a command (or of one split of it). */
    @FunctionalInterface
    public interface Action {
        void run(int splitInd, int numSplits) throws Exception;
    }

    /** A command that is neither split nor GPU. */
    public static PipelineCommand of(String name, List<String> inputs, List<String> outputs, Action action) {
        return new PipelineCommand(name, false, false, inputs, outputs, action);
    }
}
