package rv.data.raster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.Box;
import rv.core.GeoTransform;
import rv.testutil.GdalOracle;
import rv.testutil.TestRasters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** rv's GeoTIFF writer checked against GDAL: pixels, georeferencing, EPSG, nodata, layout. */
class GeoTiffWriterGdalTest {
    static final int[] EPSGS = {4326, 3857, 32611, 2154, 26711, 32618};
    @TempDir Path dir;

    record Case(Path tif, RasterProfile profile, GeoTiffWriteOptions options) {}

    /** The test matrix: every type × compression × {1,3,4} bands × nodata or not × rotated or not, 301×199 in 64² tiles. */
    static List<Case> writeMatrix(Path dir, GdalOracle gdal, List<Raster> pixels) throws Exception {
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (DataType type : DataType.values()) {
            for (GeoTiffWriteOptions.Compression comp : GeoTiffWriteOptions.Compression.values()) {
                for (int bands : new int[] {1, 3, 4}) {
                    for (boolean nodata : new boolean[] {false, true}) {
                        for (boolean rotated : new boolean[] {false, true}) {
                            int epsg = EPSGS[n % EPSGS.length];
                            RasterProfile p = new RasterProfile(301, 199, bands, type, TestRasters.transformFor(epsg, rotated),
                                    OptionalInt.of(epsg), nodata ? OptionalDouble.of(TestRasters.nodataFor(type)) : OptionalDouble.empty());
                            GeoTiffWriteOptions o = GeoTiffWriteOptions.DEFAULT.withTileSize(64).withCompression(comp);
                            Raster r = TestRasters.random(301, 199, bands, type, n);
                            Path tif = dir.resolve("c" + n + "_" + type.numpyName() + "_" + comp + "_" + bands + (nodata ? "_nd" : "") + (rotated ? "_rot" : "") + ".tif");
                            GeoTiffWriter.write(tif, r, p, o);
                            if (gdal != null) gdal.add(tif, r);
                            if (pixels != null) pixels.add(r);
                            cases.add(new Case(tif, p, o));
                            n++;
                        }
                    }
                }
            }
        }
        return cases;
    }

    @Test
    void gdalReadsEveryTypeCompressionBandCountNodataAndRotation() throws Exception {
        GdalOracle gdal = new GdalOracle(dir);
        List<Case> cases = writeMatrix(dir, gdal, null);
        assertThat(cases).hasSize(192);
        List<JsonNode> results = gdal.run();
        for (int i = 0; i < cases.size(); i++) assertMatches(cases.get(i), results.get(i));
    }

    static void assertMatches(Case c, JsonNode g) {
        String what = c.tif.getFileName().toString();
        assertThat(g.has("error")).as(what + " " + g.path("error").asText()).isFalse();
        RasterProfile p = c.profile;
        assertThat(g.get("pixels_equal").asBoolean()).as(what + " pixels").isTrue();
        assertThat(g.get("width").asInt()).as(what).isEqualTo(p.width());
        assertThat(g.get("height").asInt()).as(what).isEqualTo(p.height());
        assertThat(g.get("bands").asInt()).as(what).isEqualTo(p.bands());
        String expectedType = p.dataType() == DataType.INT8 ? "Byte" : p.dataType().gdalName();
        assertThat(g.get("gdal_type").asText()).as(what).isEqualTo(expectedType);
        if (p.dataType() == DataType.INT8) assertThat(g.get("pixeltype").asText()).as(what).isEqualTo("SIGNEDBYTE");
        double[] gt = p.geoTransform().toGdal();
        for (int k = 0; k < 6; k++) {
            assertThat(g.get("geotransform").get(k).asDouble()).as(what + " gt[" + k + "]").isCloseTo(gt[k], within(Math.abs(gt[k]) * 1e-12 + 1e-12));
        }
        if (p.epsg().isPresent()) assertThat(g.get("epsg").asInt()).as(what + " epsg").isEqualTo(p.epsg().getAsInt());
        else assertThat(g.get("epsg").isNull()).as(what + " epsg").isTrue();
        if (p.nodata().isEmpty()) {
            assertThat(g.get("nodata").isNull()).as(what + " nodata").isTrue();
        } else if (Double.isNaN(p.nodata().getAsDouble())) {
            assertThat(g.get("nodata").asText()).as(what + " nodata").isEqualTo("nan");
        } else {
            assertThat(g.get("nodata").asDouble()).as(what + " nodata").isEqualTo(p.nodata().getAsDouble());
        }
        assertThat(g.get("block").get(0).asInt()).as(what).isEqualTo(c.options.tileSize());
        boolean deflate = c.options.compression() == GeoTiffWriteOptions.Compression.DEFLATE;
        if (deflate) {
            assertThat(g.get("compression").asText()).as(what).isEqualTo("DEFLATE");
            assertThat(g.get("predictor").asText()).as(what).isEqualTo(p.dataType().isIntegral() ? "2" : "3");
        } else {
            assertThat(g.get("compression").isNull()).as(what).isTrue();
        }
    }

    @Test
    void streamingWindowsInAnyOrderAndBigTiffMatchGdal() throws Exception {
        GdalOracle gdal = new GdalOracle(dir);
        List<Case> cases = new ArrayList<>();
        Raster full = TestRasters.random(1001, 999, 3, DataType.UINT16, 7);
        RasterProfile p = new RasterProfile(1001, 999, 3, DataType.UINT16, TestRasters.transformFor(32611, false), OptionalInt.of(32611), OptionalDouble.of(0));
        for (GeoTiffWriteOptions.BigTiff big : new GeoTiffWriteOptions.BigTiff[] {GeoTiffWriteOptions.BigTiff.NO, GeoTiffWriteOptions.BigTiff.YES}) {
            GeoTiffWriteOptions o = GeoTiffWriteOptions.DEFAULT.withTileSize(256).withBigTiff(big);
            Path tif = dir.resolve("windows_" + big + ".tif");
            // odd-sized windows, bottom-up and right-to-left, so tiles complete out of order
            try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(tif, p, o)) {
                assertThat(w.isBigTiff()).isEqualTo(big == GeoTiffWriteOptions.BigTiff.YES);
                for (int y = 999; y > 0; y -= 173) {
                    int y0 = Math.max(0, y - 173);
                    for (int x = 1001; x > 0; x -= 311) {
                        int x0 = Math.max(0, x - 311);
                        Box b = new Box(x0, y0, x - x0, y - y0);
                        w.writeWindow(b, full.window(b));
                    }
                }
                assertThat(w.tilesWritten()).isEqualTo(w.tileCount());
            }
            gdal.add(tif, full);
            cases.add(new Case(tif, p, o));
        }
        // untouched tiles are filled with nodata by finish()
        Path sparse = dir.resolve("sparse.tif");
        try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(sparse, p, GeoTiffWriteOptions.DEFAULT)) {
            w.writeWindow(new Box(10, 20, 300, 40), full.window(new Box(10, 20, 300, 40)));
            w.finish();
        }
        Raster expected = Raster.zeros(1001, 999, 3, DataType.UINT16);
        expected.paste(full.window(new Box(10, 20, 300, 40)), 10, 20);
        gdal.add(sparse, expected);
        cases.add(new Case(sparse, p, GeoTiffWriteOptions.DEFAULT));
        List<JsonNode> results = gdal.run();
        for (int i = 0; i < cases.size(); i++) assertMatches(cases.get(i), results.get(i));
    }

    @Test
    void incompleteWriterLeavesNoFile() {
        Path tif = dir.resolve("partial.tif");
        RasterProfile p = RasterProfile.of(100, 100, 1, DataType.UINT8);
        try {
            try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(tif, p, GeoTiffWriteOptions.DEFAULT.withTileSize(32))) {
                w.writeWindow(new Box(0, 0, 100, 50), Raster.zeros(100, 50, 1, DataType.UINT8));
                throw new IllegalStateException("source failed");
            }
        } catch (IllegalStateException e) {
            assertThat(e).hasMessage("source failed");
            assertThat(e.getSuppressed()[0]).hasMessageContaining("were never written");
        }
        assertThat(tif).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void identityTransformWithoutEpsgWritesNoGeoTags() throws Exception {
        Path tif = dir.resolve("plain.tif");
        Raster r = TestRasters.random(40, 30, 1, DataType.FLOAT32, 1);
        GeoTiffWriter.write(tif, r, GeoTransform.IDENTITY, null, null, GeoTiffWriteOptions.DEFAULT.withCompression(GeoTiffWriteOptions.Compression.NONE));
        GdalOracle gdal = new GdalOracle(dir);
        gdal.add(tif, r);
        JsonNode g = gdal.run().get(0);
        assertThat(g.get("pixels_equal").asBoolean()).isTrue();
        assertThat(g.get("epsg").isNull()).isTrue();
        assertThat(Files.size(tif)).isGreaterThan(40 * 30 * 4);
    }
}
