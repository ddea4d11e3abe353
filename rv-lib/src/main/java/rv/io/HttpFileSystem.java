package rv.io;

import rv.core.RvException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only {@code http(s)} files through HTTP/1.1 Range requests: every {@link RangeReader#readFully}
 * is one {@code GET} with {@code Range: bytes=a-b}, so a cloud-optimised GeoTIFF window fetches only
 * its header and the tiles it covers. The server must answer ranges with 206.
 */
public final class HttpFileSystem implements FileSystemProvider {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static volatile HttpClient client;

    @Override public Set<String> schemes() { return Set.of("http", "https"); }

    static HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (HttpFileSystem.class) {
                if (client == null) {
                    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public RangeReader open(URI uri) {
        return new Reader(uri, contentLength(uri));
    }

    @Override
    public boolean exists(URI uri) {
        try {
            return head(uri).statusCode() / 100 == 2;
        } catch (RvException e) {
            return false;
        }
    }

    private static HttpResponse<Void> head(URI uri) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            return client().send(req, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new RvException("cannot reach " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RvException("interrupted while reading " + uri, e);
        }
    }

    private static long contentLength(URI uri) {
        HttpResponse<Void> r = head(uri);
        int code = r.statusCode();
        if (code == 404) throw new RvException("file not found: " + uri + " (HTTP 404)");
        if (code / 100 != 2) throw new RvException("HTTP " + code + " for " + uri);
        Optional<String> len = r.headers().firstValue("content-length");
        if (len.isEmpty()) throw new RvException("server gave no Content-Length for " + uri + "; range reads need it");
        return Long.parseLong(len.get().trim());
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
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Range", "bytes=" + position + "-" + (position + len - 1)).GET().build();
            HttpResponse<InputStream> r;
            try {
                r = client().send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + uri, e);
            }
            try (InputStream in = r.body()) {
                int code = r.statusCode();
                if (code == 200 && position == 0 && len == size) {
                    readN(in, dst, off, len);
                } else if (code != 206) {
                    throw new RvException("HTTP " + code + " for a range request to " + uri
                            + (code == 200 ? " (the server ignores Range; rv needs range support)" : ""));
                } else {
                    readN(in, dst, off, len);
                }
            }
            stats.record(len);
        }

        private void readN(InputStream in, byte[] dst, int off, int len) throws IOException {
            int n = in.readNBytes(dst, off, len);
            if (n != len) throw new EOFException("short HTTP body from " + uri + ": got " + n + " of " + len + " bytes");
        }

        @Override public void close() { /* the shared client keeps its connection pool */ }
    }
}
