package rv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** rv info / read / bench read in-process through {@link Main#execute}, including every bad-input case. */
class RasterCommandsTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int rv(String... args) {
        out.reset();
        err.reset();
        return Main.execute(args);
    }

    private String stderr() { return err.toString(StandardCharsets.UTF_8); }

    /** Asserts exit code 2 and exactly one stderr line, returned without the "rv: " prefix. */
    private String badInput(String... args) {
        assertThat(rv(args)).as("exit code of rv %s; stderr: %s", Arrays.toString(args), stderr()).isEqualTo(2);
        String[] lines = stderr().strip().split("\\R");
        assertThat(lines).as("stderr lines").hasSize(1);
        assertThat(lines[0]).startsWith("rv: ");
        return lines[0].substring(4);
    }

    static Path sample(String name) throws Exception {
        return Path.of(RasterCommandsTest.class.getResource("/rv/data/raster/tiff/samples/" + name).toURI());
    }

    @Test
    void infoJsonHasTheIssueFields() throws Exception {
        Path f = sample("i16_1b_tiled_deflate_pred2_nodata.tif");
        assertThat(rv("info", "--json", f.toString())).isZero();
        JsonNode o = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(o.get("width").asInt()).isEqualTo(97);
        assertThat(o.get("height").asInt()).isEqualTo(83);
        assertThat(o.get("bands").asInt()).isEqualTo(1);
        assertThat(o.get("dtype").asText()).isEqualTo("int16");
        assertThat(o.get("geotransform").size()).isEqualTo(6);
        assertThat(o.get("geotransform").get(1).asDouble()).isEqualTo(1e-5);
        assertThat(o.get("epsg").asInt()).isEqualTo(4326);
        assertThat(o.get("nodata").asDouble()).isEqualTo(-9999);
        assertThat(o.get("block").toString()).isEqualTo("[32,32]");
        assertThat(o.get("compression").asText()).isEqualTo("deflate");

        assertThat(rv("info", "--json", sample("u8_1b_no_georef.tif").toString())).isZero();
        JsonNode plain = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(plain.get("epsg").isNull()).isTrue();
        assertThat(plain.get("nodata").isNull()).isTrue();
        assertThat(plain.get("geotransform").toString()).isEqualTo("[0.0,1.0,0.0,0.0,0.0,1.0]");

        assertThat(rv("info", f.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("97 x 83, 1 band(s) of int16", "epsg:        4326", "nodata:      -9999.0");
    }

    @Test
    void readWritesNpyWithPadding() throws Exception {
        Path f = sample("u8_1b_strip_none.tif");
        Path npy = tmp.resolve("w.npy");
        assertThat(rv("read", f.toString(), "--window", "95", "81", "4", "3", "--out", npy.toString())).isZero();
        byte[] b = Files.readAllBytes(npy);
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        assertThat(header).contains("'descr': '|u1'", "'shape': (1, 3, 4)");
        assertThat(b.length).isEqualTo(128 + 12);
        // column 2.. and row 2.. of the window lie outside the 97x83 image: zero (no nodata)
        assertThat(b[128 + 2]).isZero();
        assertThat(b[128 + 8]).isZero();
        try (var s = rv.data.raster.RasterSources.open(f.toString())) {
            assertThat(b[128] & 0xff).isEqualTo((int) s.read(new rv.core.Box(95, 81, 1, 1)).get(0, 0, 0));
        }
    }

    @Test
    void benchReadPrintsRunsAndResult() throws Exception {
        Path f = sample("u16_4b_tiled_deflate_pred2.tif");
        Path wins = tmp.resolve("w.txt");
        Files.writeString(wins, "0 0 30 30\n50 40 40 40\n");
        assertThat(rv("bench", "read", f.toString(), "--windows", wins.toString(), "--runs", "2")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("rv bench read: 2 windows, reader_threads=").contains("decode_threads=", "tile_cache_MB=");
        assertThat(lines[1]).startsWith("rv run0 ").contains("windows/s=", "MB/s=", "peak_rss=", "requests=", "tiles_decoded=");
        assertThat(lines[1]).contains("tiles_decoded=5"); // 32-px tiles: 1 for the first window, 2x2 for the second
        assertThat(lines[3]).matches("RESULT rv windows/s=[0-9.]+ MB/s=[0-9.]+");
        assertThat(rv("bench", "read", f.toString(), "--n", "5", "--size", "20", "--runs", "1")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT rv windows/s=");
    }

    @Test
    void missingFile() {
        Path f = tmp.resolve("missing.tif");
        assertThat(badInput("info", f.toString())).isEqualTo("file not found: " + f);
        assertThat(badInput("bench", "read", f.toString(), "--runs", "1")).isEqualTo("file not found: " + f);
    }

    @Test
    void notATiff() throws Exception {
        Path f = tmp.resolve("notes.tif");
        Files.writeString(f, "hello, this is text");
        assertThat(badInput("info", f.toString()))
                .isEqualTo(f + ": not a TIFF file (nor PNG/JPEG); rv reads GeoTIFF, PNG and JPEG");
        Path empty = tmp.resolve("empty.tif");
        Files.write(empty, new byte[0]);
        assertThat(badInput("info", empty.toString())).isEqualTo(empty + ": empty file, not a GeoTIFF");
    }

    @Test
    void truncatedTiff() throws Exception {
        byte[] whole = Files.readAllBytes(sample("u8_3b_tiled_deflate_band.tif"));
        // cut inside the image directory's tag data: info fails
        Path head = tmp.resolve("head.tif");
        Files.write(head, Arrays.copyOf(whole, 120));
        assertThat(badInput("info", head.toString()))
                .startsWith(head + ": corrupt or truncated TIFF: ").contains("past the end of the file");
        // cut inside the tile data: info works, reading the lost tiles fails
        Path cut = tmp.resolve("cut.tif");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 2000));
        assertThat(rv("info", cut.toString())).isZero();
        assertThat(badInput("read", cut.toString(), "--window", "0", "0", "97", "83", "--out", tmp.resolve("x.npy").toString()))
                .startsWith(cut + ": corrupt or truncated TIFF: tile ").endsWith("is past the end of the file (" + (whole.length - 2000) + " bytes)");
    }

    @Test
    void corruptTiff() throws Exception {
        byte[] b = Files.readAllBytes(sample("u8_1b_strip_none.tif"));
        // point the first directory far past the end of the file
        b[4] = (byte) 0xff; b[5] = (byte) 0xff; b[6] = (byte) 0xff; b[7] = (byte) 0x7f;
        Path f = tmp.resolve("corrupt.tif");
        Files.write(f, b);
        assertThat(badInput("info", f.toString()))
                .isEqualTo(f + ": corrupt or truncated TIFF: image directory at byte 2147483647 is past the end of the file (truncated?)");
        // garbage where the deflate stream should be
        byte[] d = Files.readAllBytes(sample("u8_3b_tiled_deflate_band.tif"));
        for (int i = d.length - 3000; i < d.length - 100; i++) d[i] = (byte) (i * 7);
        Path g = tmp.resolve("garbage.tif");
        Files.write(g, d);
        String msg = badInput("read", g.toString(), "--window", "0", "0", "97", "83", "--out", tmp.resolve("y.npy").toString());
        assertThat(msg).startsWith(g + ": corrupt deflate data in chunk ");
    }

    @Test
    void negativeWindow() throws Exception {
        Path f = sample("u8_1b_strip_none.tif");
        assertThat(badInput("read", f.toString(), "--window", "0", "0", "-5", "10", "--out", tmp.resolve("n.npy").toString()))
                .isEqualTo("window of negative size -5x10 for " + f);
        Path wins = tmp.resolve("neg.txt");
        Files.writeString(wins, "0 0 10 10\n3 4 10 -2\n");
        assertThat(badInput("bench", "read", f.toString(), "--windows", wins.toString()))
                .isEqualTo(wins + " line 2: window of negative size 10x-2");
    }

    @Test
    void unsupportedCompression() throws Exception {
        Path f = sample("u8_3b_tiled_webp.tif");
        assertThat(rv("info", f.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("webp — not supported by rv");
        assertThat(badInput("read", f.toString(), "--window", "0", "0", "5", "5", "--out", tmp.resolve("z.npy").toString()))
                .startsWith("unsupported compression WEBP in " + f);
    }
}
