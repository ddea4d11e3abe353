package rv.io;

import rv.core.RvException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Entry point of the FileSystem SPI: turns a user-given location into a {@link RangeReader}.
 * Accepted forms: a local path ({@code /data/a.tif}, {@code a.tif}), {@code file:///data/a.tif},
 * {@code http(s)://host/a.tif} (read with HTTP Range requests) and
 * {@code zip:///abs/bundle.zip!/path/in/zip.tif} (an entry of a local zip file).
 */
public final class FileSystems {
    private static volatile Map<String, FileSystemProvider> providers;

    private FileSystems() {}

    /** Opens a location for positional reads. */
    public static RangeReader open(String location) {
        URI uri = toUri(location);
        return provider(uri).open(uri);
    }

    /** Whether the location exists. */
    public static boolean exists(String location) {
        URI uri = toUri(location);
        return provider(uri).exists(uri);
    }

    /** The URI for a location; plain paths (no scheme, or a Windows drive letter) become {@code file:} URIs. */
    public static URI toUri(String location) {
        if (location == null || location.isBlank()) throw new RvException("empty file location");
        int colon = location.indexOf(':');
        boolean hasScheme = colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (!hasScheme) return Path.of(location).toAbsolutePath().normalize().toUri();
        if (location.regionMatches(true, 0, "zip:", 0, 4)) {
            // zip URIs carry a '!' and may contain characters URI() rejects; keep them opaque.
            return URI.create("zip:" + encodeOpaque(location.substring(4)));
        }
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            throw new RvException("invalid URI '" + location + "': " + e.getMessage());
        }
    }

    private static String encodeOpaque(String s) {
        return s.replace("%", "%25").replace(" ", "%20");
    }

    /** The provider for a URI's scheme. */
    public static FileSystemProvider provider(URI uri) {
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
        FileSystemProvider p = providers().get(scheme);
        if (p == null) {
            throw new RvException("no file system for URI scheme '" + scheme + "' in " + uri
                    + " (known: " + String.join(", ", providers().keySet()) + ")");
        }
        return p;
    }

    private static Map<String, FileSystemProvider> providers() {
        Map<String, FileSystemProvider> m = providers;
        if (m == null) {
            synchronized (FileSystems.class) {
                m = providers;
                if (m == null) {
                    m = new TreeMap<>();
                    for (FileSystemProvider p : ServiceLoader.load(FileSystemProvider.class, FileSystems.class.getClassLoader())) {
                        for (String s : p.schemes()) m.putIfAbsent(s.toLowerCase(Locale.ROOT), p);
                    }
                    providers = m;
                }
            }
        }
        return m;
    }
}
