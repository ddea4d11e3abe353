package rv.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fixture: a loopback HTTP server for the files of one folder, with HEAD and Range (206) support,
 * that records every range it sends (offset, length) and the bytes sent.
 */
public final class RangeFileServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    private final List<long[]> ranges = new CopyOnWriteArrayList<>();
    private final AtomicLong bytes = new AtomicLong();

    private RangeFileServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts serving {@code root}'s files at {@link #url}. */
    public static RangeFileServer start(Path root) throws IOException {
        return new RangeFileServer(root);
    }

    /** The http:// URL of a file in the folder. */
    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** Ranges sent since the last {@link #resetCounts}, as {offset, length}. */
    public List<long[]> ranges() {
        return ranges;
    }

    /** Body bytes sent since the last {@link #resetCounts}. */
    public long bytesSent() {
        return bytes.get();
    }

    public void resetCounts() {
        ranges.clear();
        bytes.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        Path f = root.resolve(ex.getRequestURI().getPath().substring(1));
        if (!Files.isRegularFile(f)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] all = Files.readAllBytes(f);
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", String.valueOf(all.length));
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int start = 0, end = all.length - 1, code = 200;
        if (range != null && range.startsWith("bytes=")) {
            String[] p = range.substring(6).split("-");
            start = Integer.parseInt(p[0]);
            end = Math.min(all.length - 1, Integer.parseInt(p[1]));
            code = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + all.length);
        }
        int n = end - start + 1;
        ranges.add(new long[] {start, n});
        bytes.addAndGet(n);
        ex.sendResponseHeaders(code, n);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(all, start, n);
        }
    }
}
