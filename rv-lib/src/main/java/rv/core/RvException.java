package rv.core;

/**
 * An error caused by the user's input (file, option, config) rather than a bug in rv.
 * The CLI prints only its message (no stack trace unless {@code -v}) and exits with code 2.
 * Messages name the file or field and say what to do.
 */
public class RvException extends RuntimeException {
    public RvException(String message) { super(message); }
    public RvException(String message, Throwable cause) { super(message, cause); }
}
