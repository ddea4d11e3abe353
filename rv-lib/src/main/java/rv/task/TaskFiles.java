package rv.task;

import rv.core.RvException;

import java.net.URI;
import java.nio.file.Path;

/** Where task commands read and write: local paths and {@code file:} URIs. */
public final class TaskFiles {
    private TaskFiles() {}

    /** The local path of a plain path or {@code file:} URI; other schemes are refused with a clear message. */
    public static Path localPath(String uri) {
        if (uri == null) throw new RvException("missing file location");
        if (uri.startsWith("file:")) return Path.of(URI.create(uri));
        if (uri.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new RvException(uri + ": rv's task commands write and read labels on the local file system only; copy the file locally");
        }
        return Path.of(uri);
    }
}
