package rv.io;

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

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A COG over HTTP from a loopback server: same pixels as the local file, and only the needed ranges. */
class HttpRangeReadTest {
    private static RangeFileServer server;
    private static Path cog;

    @BeforeAll
    static void start() throws Exception {
        cog = Path.of(HttpRangeReadTest.class.getResource("/rv/data/raster/tiff/samples/u8_1b_1024_cog_deflate.tif").toURI());
        server = RangeFileServer.start(cog.getParent());
    }

    @AfterAll
    static void stop() { server.close(); }

    @BeforeEach
    void reset() { server.resetCounts(); }

    private String url(String name) { return server.url(name); }

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
            long afterHeader = server.bytesSent();
            int headerRequests = server.ranges().size();
            Raster remote = s.read(window);
            assertThat(remote.contentEquals(local)).isTrue();
            // exactly one more request: the one tile the window lies in
            assertThat(server.ranges().size()).isEqualTo(headerRequests + 1);
            long tileBytes = server.bytesSent() - afterHeader;
            assertThat(tileBytes).isLessThan(fileSize / 10);
            assertThat(((GeoTiffRasterSource) s).ioStats().bytes()).isEqualTo(server.bytesSent());
            // the header costs a few 16 KB blocks, not the file
            assertThat(afterHeader).isLessThanOrEqualTo(3 * 16384L);
            assertThat(server.bytesSent()).isLessThan(fileSize / 4);
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
            int headerRequests = server.ranges().size();
            long before = server.bytesSent();
            Raster remote = s.read(window);
            assertThat(remote.contentEquals(local)).isTrue();
            // the four tiles (3.4 KB each) lie within 20 KB of the file, rows 6 KB apart: one request
            assertThat(server.ranges().size()).isEqualTo(headerRequests + 1);
            assertThat(server.bytesSent() - before).isBetween(4 * 3300L, 62046 + 3440 - 45474L);
            assertThat(((GeoTiffRasterSource) s).decodedChunks()).isEqualTo(4);
            assertThat(((GeoTiffRasterSource) s).ioStats().requests()).isEqualTo(server.ranges().size());
            // tiles 2 and 3 of tile row 2, back to back in the file: one request for both
            int n = server.ranges().size();
            assertThat(s.read(new Box(600, 700, 300, 50)).contentEquals(localRead(new Box(600, 700, 300, 50)))).isTrue();
            assertThat(server.ranges().size() - n).isEqualTo(1);
            assertThat(server.ranges().get(n)).containsExactly(78651L, 81830L + 3191 - 78651); // offsets from gdalinfo
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
