package rv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.raster.DataType;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.GeoTiffWriter;
import rv.data.raster.RasterProfile;
import rv.testutil.Cli;
import rv.testutil.GdalOracle;
import rv.testutil.PythonOracle;
import rv.testutil.TestRasters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code rv crop} against {@code gdal_translate -srcwin}, {@code rv cogify} against GDAL's COG validator; bad input. */
class CropCogifyCommandTest {
    @TempDir Path dir;
    private final List<Path> sources = new ArrayList<>();

    @BeforeEach
    void sources() throws Exception {
        for (String name : new String[] {"RGBA.uint16.tif", "rotated.tif", "float_nan.tif", "byte.tif"}) {
            Path p = dir.resolve(name);
            try (InputStream in = getClass().getResourceAsStream("/rv/data/raster/tiff/samples/rasterio_" + name)) {
                Files.write(p, in.readAllBytes());
            }
            sources.add(p);
        }
        // rv-written: rotated float32 with nodata, and a 3-band int16
        Path f = dir.resolve("gen_float32.tif");
        GeoTiffWriter.write(f, TestRasters.random(301, 199, 3, DataType.FLOAT32, 5),
                new RasterProfile(301, 199, 3, DataType.FLOAT32, TestRasters.transformFor(32611, true), OptionalInt.of(32611), OptionalDouble.of(-9999)),
                GeoTiffWriteOptions.DEFAULT.withTileSize(64));
        sources.add(f);
        Path s = dir.resolve("gen_int16.tif");
        GeoTiffWriter.write(s, TestRasters.random(700, 530, 3, DataType.INT16, 6),
                new RasterProfile(700, 530, 3, DataType.INT16, TestRasters.transformFor(4326, false), OptionalInt.of(4326), OptionalDouble.empty()),
                GeoTiffWriteOptions.DEFAULT);
        sources.add(s);
    }

    private static int rv(String... args) {
        return Main.execute(args);
    }

    @Test
    void cropMatchesGdalTranslateSrcwin() throws Exception {
        GdalOracle gdal = new GdalOracle(dir);
        List<String> names = new ArrayList<>();
        int n = 0;
        for (Path src : sources) {
            int sw, sh;
            try (var in = rv.data.raster.RasterSources.open(src.toString())) {
                sw = in.width();
                sh = in.height();
            }
            // inside; over the top-left corner; from the middle past the bottom-right corner
            int[][] boxes = {{1, 1, Math.max(1, sw / 2), Math.max(1, sh / 2)}, {-3, -2, sw / 2 + 3, sh / 2 + 2}, {sw / 3, sh / 3, sw, sh}};
            for (int[] b : boxes) {
                String[] w = {"" + b[0], "" + b[1], "" + b[2], "" + b[3]};
                boolean twoBands = n % 2 == 1 && !src.getFileName().toString().matches("(rotated|float_nan|byte).tif");
                Path ours = dir.resolve("crop" + n + ".tif"), ref = dir.resolve("crop" + n + "_gdal.tif");
                List<String> args = new ArrayList<>(List.of("crop", src.toString(), ours.toString(), "--window", w[0], w[1], w[2], w[3]));
                List<String> gdalArgs = new ArrayList<>(List.of("gdal_translate", "-q", "-srcwin", w[0], w[1], w[2], w[3]));
                if (twoBands) {
                    args.addAll(List.of("--bands", "3,1"));
                    gdalArgs.addAll(List.of("-b", "3", "-b", "1"));
                }
                gdalArgs.addAll(List.of(src.toString(), ref.toString()));
                assertThat(rv(args.toArray(String[]::new))).as(args.toString()).isZero();
                PythonOracle.exec(gdalArgs);
                gdal.add(ours, null).put("same_pixels_as", ref.toString());
                gdal.add(ref, null);
                names.add(args.toString());
                n++;
            }
        }
        List<JsonNode> r = gdal.run();
        for (int i = 0; i < names.size(); i++) {
            JsonNode ours = r.get(2 * i), ref = r.get(2 * i + 1);
            String what = names.get(i);
            assertThat(ours.has("error")).as(what + ours.path("error")).isFalse();
            assertThat(ours.get("same_pixels").asBoolean()).as(what + " pixels").isTrue();
            for (String k : new String[] {"width", "height", "bands", "gdal_type", "epsg", "nodata"}) {
                assertThat(ours.get(k)).as(what + " " + k).isEqualTo(ref.get(k));
            }
            for (int k = 0; k < 6; k++) {
                double want = ref.get("geotransform").get(k).asDouble();
                assertThat(ours.get("geotransform").get(k).asDouble()).as(what + " gt").isCloseTo(want, within(Math.abs(want) * 1e-12 + 1e-12));
            }
        }
    }

    @Test
    void cogifyPassesValidatorAndKeepsPixelsAndGeoreferencing() throws Exception {
        GdalOracle gdal = new GdalOracle(dir);
        List<String> names = new ArrayList<>();
        int n = 0;
        for (Path src : sources) {
            Path cog = dir.resolve("cog" + n + ".tif");
            String[] resample = {"average", "near", "bilinear"};
            List<String> args = new ArrayList<>(List.of("cogify", src.toString(), cog.toString(), "--block-size", n % 2 == 0 ? "128" : "256",
                    "--resample", resample[n % 3], "--compression", n == 2 ? "none" : "deflate"));
            if (n == 5) args.addAll(List.of("--overviews", "2,4,8,16"));
            assertThat(rv(args.toArray(String[]::new))).as(args.toString()).isZero();
            gdal.add(cog, null).put("validate_cog", true).put("same_pixels_as", src.toString());
            gdal.add(src, null);
            names.add(args.toString());
            n++;
        }
        List<JsonNode> r = gdal.run();
        for (int i = 0; i < names.size(); i++) {
            JsonNode cog = r.get(2 * i), src = r.get(2 * i + 1);
            String what = names.get(i);
            assertThat(cog.has("error")).as(what + cog.path("error")).isFalse();
            assertThat(cog.get("cog_errors")).as(what + " validator errors").isEmpty();
            assertThat(cog.get("cog_warnings")).as(what + " validator warnings").isEmpty();
            assertThat(cog.get("same_pixels").asBoolean()).as(what + " pixels").isTrue();
            for (String k : new String[] {"width", "height", "bands", "gdal_type", "epsg", "nodata", "geotransform"}) {
                assertThat(cog.get(k)).as(what + " " + k).isEqualTo(src.get(k));
            }
            int w = cog.get("width").asInt(), h = cog.get("height").asInt();
            int expectedOverviews = i == 5 ? 4 : 0;
            if (i != 5) for (int f = 2, bs = i % 2 == 0 ? 128 : 256; Math.max((w + f / 2 - 1) / (f / 2), (h + f / 2 - 1) / (f / 2)) > bs; f *= 2) expectedOverviews++;
            assertThat(cog.get("overview_sizes").size()).as(what + " overviews").isEqualTo(expectedOverviews);
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path src = sources.get(0);
        assertError(List.of("crop", src.toString(), dir.resolve("o.tif").toString(), "--window", "0", "0", "-5", "10"), "--window width must be positive, got -5");
        assertError(List.of("crop", src.toString(), dir.resolve("o.tif").toString(), "--window", "5000", "0", "5", "10"), "lies outside " + src);
        assertError(List.of("crop", src.toString(), dir.resolve("o.tif").toString(), "--window", "0", "0", "5", "10", "--bands", "1,9"), "--bands: band 9 does not exist in " + src + " (bands are 1..4)");
        assertError(List.of("cogify", src.toString(), dir.resolve("c.tif").toString(), "--resample", "cubic"), "unknown resampling 'cubic' (use near, average or bilinear)");
        assertError(List.of("cogify", src.toString(), dir.resolve("c.tif").toString(), "--compression", "zstd"), "unknown compression 'zstd' (use deflate or none)");
        assertError(List.of("cogify", src.toString(), dir.resolve("c.tif").toString(), "--overviews", "4,2"), "overview factors must be increasing");
        assertError(List.of("cogify", dir.resolve("missing.tif").toString(), dir.resolve("c.tif").toString()), "missing.tif");
        assertThat(dir.resolve("o.tif")).doesNotExist();
        assertThat(dir.resolve("c.tif")).doesNotExist();
    }

    private void assertError(List<String> args, String message) {
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        int code = r.code();
        String err = r.err();
        assertThat(code).as(args.toString()).isEqualTo(2);
        assertThat(err).as(args.toString()).contains(message);
        assertThat(err.strip().lines().count()).as(args + ": " + err).isEqualTo(1);
    }
}
