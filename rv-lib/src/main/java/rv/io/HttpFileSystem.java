package rv.io;

import rv.core.RvException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Set;

/**
 * Read-only {@code http(s)} files through HTTP/1.1 Range requests: every {@link RangeReader#readFully}
 * is one {@code GET} with {@code Range: bytes=a-b}, so a cloud-optimised GeoTIFF window fetches only
 * its header and the tiles it covers. The server must answer ranges with 206. Uses
 * {@link HttpURLConnection}, whose pooled keep-alive connections read straight into the caller's
 * array (the {@code java.net.http} client cost about twice the CPU per byte here).
 */
public final class HttpFileSystem implements FileSystemProvider {
    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    @Override public Set<String> schemes() { return Set.of("http", "https"); }

    @Override
    public RangeReader open(URI uri) {
        return new Reader(uri, contentLength(uri));
    }

    @Override
    public boolean exists(URI uri) {
        try {
            HttpURLConnection c = connect(uri, "HEAD", null);
            int code = c.getResponseCode();
            c.disconnect();
            return code / 100 == 2;
        } catch (IOException | RvException e) {
            return false;
        }
    }

    private static HttpURLConnection connect(URI uri, String method, String range) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout(READ_TIMEOUT_MS);
        c.setInstanceFollowRedirects(true);
        c.setUseCaches(false);
        if (range != null) c.setRequestProperty("Range", range);
        return c;
    }

    private static long contentLength(URI uri) {
        int code;
        long len;
        try {
            HttpURLConnection c = connect(uri, "HEAD", null);
            code = c.getResponseCode();
            len = c.getContentLengthLong();
            c.getHeaderFields();
            try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) in.readAllBytes();
            }
        } catch (IOException e) {
            throw new RvException("cannot reach " + uri + ": " + e, e);
        }
        if (code == 404) throw new RvException("file not found: " + uri + " (HTTP 404)");
        if (code / 100 != 2) throw new RvException("HTTP " + code + " for " + uri);
        if (len < 0) throw new RvException("server gave no Content-Length for " + uri + "; range reads need it");
        return len;
    }

    private static final class Reader implements RangeReader {
        private final URI uri;
        private final long size;
        private final IoStats stats = IoStats.create();

        Reader(URI uri, long size) { this.uri = uri; this.size = size; }

        @Override public String uri() { return uri.toString(); }
        @Override public long size() { return size; }
        @Override public IoStats stats() { return stats; }

        @Override
        public void readFully(long position, byte[] dst, int off, int len) throws IOException {
            if (len == 0) return;
            if (position < 0 || position + len > size) {
                throw new EOFException("range " + position + "+" + len + " is past the end of " + uri + " (" + size + " bytes)");
            }
            HttpURLConnection c = connect(uri, "GET", "bytes=" + position + "-" + (position + len - 1));
            int code = c.getResponseCode();
            if (code != 206 && !(code == 200 && position == 0 && len == size)) {
                try (InputStream err = c.getErrorStream()) {
                    if (err != null) err.readAllBytes();
                }
                throw new RvException("HTTP " + code + " for a range request to " + uri
                        + (code == 200 ? " (the server ignores Range; rv needs range support)" : ""));
            }
            try (InputStream in = c.getInputStream()) {
                int n = in.readNBytes(dst, off, len);
                if (n != len) throw new EOFException("short HTTP body from " + uri + ": got " + n + " of " + len + " bytes");
            }
            stats.record(len);
        }

        @Override public void close() { /* connections stay in the JDK's keep-alive pool */ }
    }
}
