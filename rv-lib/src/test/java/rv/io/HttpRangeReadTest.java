package rv.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rv.core.Box;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.tiff.GeoTiffRasterSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A COG over HTTP from a loopback server: same pixels as the local file, and only the needed ranges. */
class HttpRangeReadTest {
    private static HttpServer server;
    private static Path cog;
    private static final AtomicLong BYTES = new AtomicLong();
    private static final List<long[]> RANGES = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cog = Path.of(HttpRangeReadTest.class.getResource("/rv/data/raster/tiff/samples/u8_1b_1024_cog_deflate.tif").toURI());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", HttpRangeReadTest::serve);
        server.start();
    }

    @AfterAll
    static void stop() { server.stop(0); }

    @BeforeEach
    void reset() { BYTES.set(0); RANGES.clear(); }

    /** Serves files next to the COG with Range support (206), counting bytes sent. */
    private static void serve(HttpExchange ex) throws IOException {
        Path f = cog.getParent().resolve(ex.getRequestURI().getPath().substring(1));
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
        RANGES.add(new long[] {start, n});
        BYTES.addAndGet(n);
        ex.sendResponseHeaders(code, n);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(all, start, n);
        }
    }

    private String url(String name) { return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name; }

    @Test
    void cogWindowOverHttpMatchesLocalAndFetchesOnlyItsTile() throws Exception {
        Box window = new Box(300, 290, 100, 60); // inside tile (1,1) of 256x256 tiles
        Raster local;
        try (RasterSource s = RasterSources.open(cog.toString())) {
            local = s.read(window);
        }
        long fileSize = Files.size(cog);
        try (RasterSource s = RasterSources.open(url(cog.getFileName().toString()))) {
            assertThat(s.width()).isEqualTo(1024);
            long afterHeader = BYTES.get();
            int headerRequests = RANGES.size();
            Raster remote = s.read(window);
            assertThat(remote.contentEquals(local)).isTrue();
            // exactly one more request: the one tile the window lies in
            assertThat(RANGES.size()).isEqualTo(headerRequests + 1);
            long tileBytes = BYTES.get() - afterHeader;
            assertThat(tileBytes).isLessThan(fileSize / 10);
            assertThat(((GeoTiffRasterSource) s).ioStats().bytes()).isEqualTo(BYTES.get());
            // the header costs a few 16 KB blocks, not the file
            assertThat(afterHeader).isLessThanOrEqualTo(3 * 16384L);
            assertThat(BYTES.get()).isLessThan(fileSize / 4);
        }
    }

    @Test
    void tilesCloseTogetherInTheFileComeInOneRequest() throws Exception {
        Box window = new Box(200, 200, 200, 120); // tiles (0..1, 0..1) of 256x256 tiles: 2 rows of 2
        Raster local;
        try (RasterSource s = RasterSources.open(cog.toString())) {
            local = s.read(window);
        }
        try (RasterSource s = RasterSources.open(url(cog.getFileName().toString()))) {
            int headerRequests = RANGES.size();
            long before = BYTES.get();
            Raster remote = s.read(window);
            assertThat(remote.contentEquals(local)).isTrue();
            // the four tiles (3.4 KB each) lie within 20 KB of the file, rows 6 KB apart: one request
            assertThat(RANGES.size()).isEqualTo(headerRequests + 1);
            assertThat(BYTES.get() - before).isBetween(4 * 3300L, 62046 + 3440 - 45474L);
            assertThat(((GeoTiffRasterSource) s).decodedChunks()).isEqualTo(4);
            assertThat(((GeoTiffRasterSource) s).ioStats().requests()).isEqualTo(RANGES.size());
            // tiles 2 and 3 of tile row 2, back to back in the file: one request for both
            int n = RANGES.size();
            assertThat(s.read(new Box(600, 700, 300, 50)).contentEquals(localRead(new Box(600, 700, 300, 50)))).isTrue();
            assertThat(RANGES.size() - n).isEqualTo(1);
            assertThat(RANGES.get(n)).containsExactly(78651L, 81830L + 3191 - 78651); // offsets from gdalinfo
        }
    }

    private static Raster localRead(Box window) {
        try (RasterSource s = RasterSources.open(cog.toString())) {
            return s.read(window);
        }
    }

    @Test
    void missingUrlNamesTheUri() {
        assertThatThrownBy(() -> RasterSources.open(url("nope.tif")))
                .isInstanceOf(RvException.class)
                .hasMessage("file not found: " + url("nope.tif") + " (HTTP 404)");
    }
}
