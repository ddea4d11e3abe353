package rv.pipeline;

/**
 * A pipeline command (or one of its splits) failed while running. The CLI prints the message (which
 * carries the failed split's log tail) and exits with code 1.
 */
public class CommandFailedException extends RuntimeException {
    public CommandFailedException(String message) { super(message); }
}
