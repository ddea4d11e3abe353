package rv.data.raster.tiff;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import rv.core.Box;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.testutil.GdalOracle;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every committed sample (all codecs, layouts, predictors, dtypes, byte orders, BigTIFF, nodata,
 * rotation, PixelIsPoint, COG, rasterio's test files) against GDAL: metadata and 9 windows each,
 * including edge and out-of-bounds windows, value-exact.
 */
class GeoTiffAgainstGdalTest {
    private static final Set<String> REFUSED = Set.of("zstd", "webp");

    @TempDir
    static Path oracleOut;

    static List<Path> files;

    @BeforeAll
    static void runOracle() throws Exception {
        files = sampleFiles();
        assertThat(files).hasSizeGreaterThan(30);
        GdalOracle.readWindows(oracleOut, files);
    }

    /** The committed sample GeoTIFFs ({@code samples/} next to this class on the test classpath). */
    static List<Path> sampleFiles() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(Path.of(GeoTiffAgainstGdalTest.class.getResource("samples").toURI()))) {
            return s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> samplesMatchGdal() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
        return tests;
    }

    private static void check(Path file) throws Exception {
        JsonNode g = GdalOracle.facts(oracleOut, file);
        try (RasterSource src = RasterSources.open(file.toString())) {
            GeoTiffRasterSource tif = (GeoTiffRasterSource) src;
            assertEquals(g.get("width").asInt(), src.width(), "width");
            assertEquals(g.get("height").asInt(), src.height(), "height");
            assertEquals(g.get("bands").asInt(), src.bandCount(), "bands");
            assertEquals(g.get("dtype").asText(), src.dataType().numpyName(), "dtype");
            assertEquals(g.get("compression").asText(), tif.image().compressionLabel(), "compression");
            assertEquals(g.get("block").get(0).asInt(), tif.image().blockWidth(), "block width");
            assertEquals(g.get("block").get(1).asInt(), tif.image().blockHeight(), "block height");
            double[] gt = src.geoTransform().toGdal();
            for (int i = 0; i < 6; i++) {
                double e = g.get("geotransform").get(i).asDouble();
                assertThat(Math.abs(gt[i] - e)).as("geotransform[%d] %s vs %s", i, gt[i], e)
                        .isLessThanOrEqualTo(1e-9 * Math.max(Math.abs(e), 1e-300));
            }
            if (!g.get("epsg").isNull()) assertEquals(g.get("epsg").asInt(), src.epsg().orElse(-1), "epsg");
            JsonNode nd = g.get("nodata");
            if (nd.isNull()) assertThat(src.nodata()).as("nodata").isEmpty();
            else if (nd.isTextual()) assertThat(src.nodata().getAsDouble()).as("nodata").isNaN();
            else assertEquals(nd.asDouble(), src.nodata().getAsDouble(), "nodata");

            JsonNode wins = g.get("windows");
            if (REFUSED.contains(g.get("compression").asText())) {
                assertThatThrownBy(() -> src.read(new Box(0, 0, 8, 8)))
                        .isInstanceOf(RvException.class)
                        .hasMessage("unsupported compression " + g.get("compression").asText().toUpperCase(java.util.Locale.ROOT)
                                + " in " + file + " (rv reads none, deflate, LZW, PackBits and JPEG; convert with gdal_translate -co COMPRESS=DEFLATE)");
                return;
            }
            for (int i = 0; i < wins.size(); i++) {
                JsonNode w = wins.get(i);
                Box box = new Box(w.get(0).asInt(), w.get(1).asInt(), w.get(2).asInt(), w.get(3).asInt());
                Raster r = src.read(box);
                assertSame(GdalOracle.window(oracleOut, file, i), r, file.getFileName() + " window " + box);
            }
        }
    }

    /** Compares a raster with GDAL's little-endian array; floats compare NaN-equal (Arrays.equals semantics). */
    static void assertSame(ByteBuffer gdal, Raster r, String what) {
        Object d = r.data();
        if (d instanceof byte[] a) {
            byte[] e = new byte[a.length];
            gdal.get(e);
            assertArrayEquals(e, a, what);
        } else if (d instanceof short[] a) {
            short[] e = new short[a.length];
            gdal.asShortBuffer().get(e);
            assertArrayEquals(e, a, what);
        } else if (d instanceof int[] a) {
            int[] e = new int[a.length];
            gdal.asIntBuffer().get(e);
            assertArrayEquals(e, a, what);
        } else if (d instanceof float[] a) {
            float[] e = new float[a.length];
            gdal.asFloatBuffer().get(e);
            assertThat(Arrays.equals(e, a)).as(what).isTrue();
        } else {
            double[] a = (double[]) d;
            double[] e = new double[a.length];
            gdal.asDoubleBuffer().get(e);
            assertThat(Arrays.equals(e, a)).as(what).isTrue();
        }
        assertThat(gdal.remaining() == 0 || gdal.position() == 0).isTrue();
    }
}
