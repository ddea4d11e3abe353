package rv.data.raster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.testutil.GdalOracle;
import rv.testutil.PythonOracle;
import rv.testutil.TestRasters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COGs written by rv: GDAL's validator accepts them, GDAL reads their pixels, and their overviews have
 * the sizes and pixels of {@code gdal_translate -of COG} with the same resampling.
 */
class CogWriterGdalTest {
    @TempDir Path dir;

    record Case(String name, Raster pixels, RasterProfile profile, CogOptions options) {}

    @Test
    void validatorAcceptsAndOverviewsMatchGdalCogDriver() throws Exception {
        List<Case> cases = new ArrayList<>();
        // sizes with odd dimensions so reduction ratios are not exactly 2
        int[][] sizes = {{515, 389}, {300, 240}};
        int n = 0;
        for (DataType type : new DataType[] {DataType.UINT8, DataType.INT8, DataType.UINT16, DataType.INT16, DataType.INT32, DataType.FLOAT32, DataType.FLOAT64}) {
            for (Resampling rs : Resampling.values()) {
                for (boolean nodata : new boolean[] {false, true}) {
                    int[] sz = sizes[n % sizes.length];
                    int bands = n % 3 == 0 ? 1 : 3;
                    Raster r = TestRasters.random(sz[0], sz[1], bands, type, n);
                    if (type == DataType.FLOAT64) {
                        // GDAL 3.6 works in float32 here: keep values where float32 sums stay finite
                        for (int i = 0; i < r.width() * r.height() * bands; i++) r.setAt(i, Math.max(-1e6, Math.min(1e6, r.getAt(i))));
                    }
                    RasterProfile p = new RasterProfile(sz[0], sz[1], bands, type, TestRasters.transformFor(32618, false), OptionalInt.of(32618),
                            nodata ? OptionalDouble.of(TestRasters.nodataFor(type)) : OptionalDouble.empty());
                    if (nodata) sprinkleNodata(r, p.nodata().getAsDouble());
                    CogOptions o = CogOptions.DEFAULT.withBlockSize(64).withResampling(rs)
                            .withCompression(n % 2 == 0 ? GeoTiffWriteOptions.Compression.DEFLATE : GeoTiffWriteOptions.Compression.NONE);
                    cases.add(new Case("cog" + n + "_" + type.numpyName() + "_" + rs + (nodata ? "_nd" : ""), r, p, o));
                    n++;
                }
            }
        }
        GdalOracle gdal = new GdalOracle(dir);
        for (Case c : cases) {
            Path cog = dir.resolve(c.name + ".tif");
            CogWriter.write(new InMemoryRasterSource(c.pixels, c.profile), cog, c.options);
            gdal.add(cog, c.pixels).put("validate_cog", true).put("overviews", true);
            Path plain = dir.resolve(c.name + "_plain.tif");
            GeoTiffWriter.write(plain, c.pixels, c.profile, GeoTiffWriteOptions.DEFAULT.withCompression(GeoTiffWriteOptions.Compression.NONE));
            Path ref = dir.resolve(c.name + "_gdal_cog.tif");
            PythonOracle.exec(List.of("gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=" + c.options.blockSize(), "-co", "COMPRESS=NONE",
                    "-co", "OVERVIEW_RESAMPLING=" + (c.options.resampling() == Resampling.NEAREST ? "NEAREST" : c.options.resampling().gdalName().toUpperCase()),
                    plain.toString(), ref.toString()));
            gdal.add(ref, null).put("overviews", true);
        }
        List<JsonNode> results = gdal.run();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode cog = results.get(2 * i), ref = results.get(2 * i + 1);
            assertThat(cog.has("error")).as(c.name + cog.path("error")).isFalse();
            assertThat(ref.has("error")).as(c.name + ref.path("error")).isFalse();
            assertThat(cog.get("cog_errors")).as(c.name + " validator errors").isEmpty();
            assertThat(cog.get("cog_warnings")).as(c.name + " validator warnings").isEmpty();
            assertThat(cog.get("pixels_equal").asBoolean()).as(c.name + " full-resolution pixels").isTrue();
            assertThat(cog.get("overview_sizes")).as(c.name + " overview sizes").isEqualTo(ref.get("overview_sizes"));
            assertThat(cog.get("overview_sizes").size()).isEqualTo(3);
            for (int k = 0; k < cog.get("overview_sizes").size(); k++) {
                int w = cog.get("overview_sizes").get(k).get(0).asInt(), h = cog.get("overview_sizes").get(k).get(1).asInt();
                Raster ours = GdalOracle.fromRaw(Files.readAllBytes(Path.of(cog.get("tif").asText() + ".ovr" + k + ".raw")), w, h, c.profile.bands(), c.profile.dataType());
                Raster theirs = GdalOracle.fromRaw(Files.readAllBytes(Path.of(ref.get("tif").asText() + ".ovr" + k + ".raw")), w, h, c.profile.bands(), c.profile.dataType());
                compare(c, k, ours, theirs);
            }
        }
    }

    /**
     * Where GDAL 3.6 computes in a type that holds the data exactly (uint8, uint16 and — in float32 —
     * int8, int16, float32) every overview sample must be identical. For int32 and float64 GDAL 3.6
     * works in float32 (losing precision, even for nearest) while rv keeps full precision: there the
     * samples must agree to float32 precision. GDAL's bilinear propagates NaN nodata instead of
     * ignoring it; those samples are skipped. GDAL 3.6 reads int8 as unsigned bytes when averaging, so
     * only nearest is compared for int8.
     */
    private static void compare(Case c, int level, Raster ours, Raster theirs) {
        DataType t = c.profile.dataType();
        boolean exact = t != DataType.INT32 && t != DataType.FLOAT64;
        boolean nanNodata = c.profile.nodata().isPresent() && Double.isNaN(c.profile.nodata().getAsDouble());
        long differ = 0, beyondTolerance = 0, compared = 0;
        double maxRel = 0;
        for (int i = 0; i < ours.width() * ours.height() * ours.bands(); i++) {
            double a = ours.getAt(i), b = theirs.getAt(i);
            if (Double.isNaN(a) && Double.isNaN(b)) continue;
            if (Double.isNaN(b) && nanNodata && c.options.resampling() == Resampling.BILINEAR) continue;
            compared++;
            if (Double.compare(a, b) == 0) continue;
            differ++;
            if (Double.isInfinite(b) && Math.abs(a) > Float.MAX_VALUE) continue; // float32 overflow in GDAL
            // float32 arithmetic on inputs up to ~2^31 (int32) or ~1e7 (the float test data) errs by ~1e-7 of that
            double scale = t == DataType.INT32 ? 2.2e9 : 1e7;
            double rel = Math.abs(a - b) / Math.max(scale, Math.max(Math.abs(a), Math.abs(b)));
            maxRel = Math.max(maxRel, rel);
            if (rel > 1e-6) beyondTolerance++;
        }
        System.out.println(String.format("%s level %d: %d of %d compared samples differ from GDAL's COG driver (max diff relative to data scale %.3g)",
                c.name, level, differ, compared, maxRel));
        String what = c.name + " overview " + level;
        if (nanNodata && c.options.resampling() == Resampling.BILINEAR && level > 0) {
            return; // GDAL's coarser levels start from its NaN-propagated first level
        }
        assertThat(compared).as(what).isGreaterThan(0);
        boolean floatBilinear = t == DataType.FLOAT32 && c.options.resampling() == Resampling.BILINEAR;
        if (t == DataType.INT8 && c.options.resampling() != Resampling.NEAREST) {
            return; // GDAL 3.6 has no Int8: it averages signed bytes as unsigned ones
        }

        if (exact && !floatBilinear) assertThat(differ).as(what + " differing samples").isZero();
        else if (!floatBilinear) assertThat(beyondTolerance).as(what + " samples beyond float32 precision").isZero();
        // bilinear taps at the kernel's edge get ~1e-16 weights from rounding, in GDAL and here alike;
        // times the ±3e38 values in the float test data that noise shows up in a few samples
        else assertThat(beyondTolerance).as(what + " samples beyond float32 precision").isLessThanOrEqualTo(compared / 500);
    }

    private static void sprinkleNodata(Raster r, double nodata) {
        // a block of nodata (whole 2x2 groups become nodata) plus scattered single pixels
        for (int b = 0; b < r.bands(); b++) {
            for (int y = 40; y < 90; y++) for (int x = 100; x < 180; x++) r.set(b, y, x, nodata);
            for (int i = 0; i < r.width() * r.height() / 7; i++) {
                int x = (int) ((i * 7919L) % r.width()), y = (int) ((i * 104729L / 13) % r.height());
                r.set(b, y, x, nodata);
            }
        }
    }
}
