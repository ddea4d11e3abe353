package rv.io;

import java.net.URI;
import java.util.Set;

/**
 * A storage back end for one or more URI schemes, found with {@link java.util.ServiceLoader}
 * (register the class in {@code META-INF/services/rv.io.FileSystemProvider}). Plugins add schemes
 * such as {@code s3} by shipping a jar with their own provider.
 */
public interface FileSystemProvider {

    /** Lower-case URI schemes handled, e.g. {@code file}, {@code http}. */
    Set<String> schemes();

    /** Opens {@code uri} for positional reads; throws {@link rv.core.RvException} naming the URI if it cannot. */
    RangeReader open(URI uri);

    /** Whether the resource exists (may cost a request for remote schemes). */
    boolean exists(URI uri);
}
