package rv.pipeline;

import rv.core.RvException;

/**
 * A config that is invalid or cannot be read. The message starts with the field path
 * ({@code dataset.train_scenes[0].raster_source.uris}) so a user knows exactly what to fix.
 */
public class ConfigException extends RvException {
    private final String path;

    public ConfigException(String path, String message) {
        super(path == null || path.isEmpty() ? message : path + ": " + message);
        this.path = path == null ? "" : path;
    }

    public ConfigException(String path, String message, Throwable cause) {
        super(path == null || path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path == null ? "" : path;
    }

    private ConfigException(String path, String fullMessage, boolean raw) {
        super(fullMessage);
        this.path = path == null ? "" : path;
    }

    /** An exception whose message is given whole (it already names the paths); {@code path} is the first one. */
    public static ConfigException withMessage(String path, String fullMessage) {
        return new ConfigException(path, fullMessage, true);
    }

    /** The field path of the first problem ("" for the whole document). */
    public String path() { return path; }
}
