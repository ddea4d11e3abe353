package rv.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.GeoTransform;
import rv.core.RvException;
import rv.data.raster.DataType;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.GeoTiffWriter;
import rv.data.raster.InMemoryRasterSource;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.testutil.Cli;
import rv.testutil.PythonOracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Acceptance 3: rv stats agrees with numpy over the same pixels (sliding mode). */
class StatsTest {
    @TempDir static Path dir;
    static Path demo;
    static Path withNodata;
    static Path withZeros;

    @BeforeAll
    static void data() {
        assertThat(Cli.run("demo-data", dir.resolve("demo").toString(), "--size", "700", "--scenes", "1").code()).isZero();
        demo = dir.resolve("demo/scene_0.tif");
        // 1001 x 777 int16 with nodata -9999 in a few blocks and odd values: windows do not divide the size.
        int w = 1001, h = 777;
        Raster r = Raster.zeros(w, h, 2, DataType.INT16);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < w * h * 2; i++) r.setAt(i, rnd.nextInt(-3000, 20000));
        for (int y = 100; y < 300; y++) for (int x = 50; x < 400; x++) r.set(0, y, x, -9999);
        withNodata = dir.resolve("nodata.tif");
        GeoTiffWriter.write(withNodata, r, new GeoTransform(0, 1, 0, 0, 0, -1), 32611, -9999.0, GeoTiffWriteOptions.DEFAULT);
        // uint8, no nodata declared, a zero border: Raster Vision ignores the zeros.
        Raster z = Raster.zeros(640, 480, 3, DataType.UINT8);
        for (int b = 0; b < 3; b++) for (int y = 20; y < 460; y++) for (int x = 30; x < 600; x++) z.set(b, y, x, 1 + rnd.nextInt(255));
        withZeros = dir.resolve("zeros.tif");
        GeoTiffWriter.write(withZeros, z, new GeoTransform(0, 1, 0, 0, 0, -1), 32611, null, GeoTiffWriteOptions.DEFAULT);
    }

    private static final String NUMPY = """
            import sys, json
            import numpy as np
            from osgeo import gdal
            ds = gdal.Open(sys.argv[1])
            out = {'means': [], 'stds': [], 'mins': [], 'maxs': [], 'counts': []}
            for b in range(1, ds.RasterCount + 1):
                band = ds.GetRasterBand(b)
                a = band.ReadAsArray().astype(np.float64).ravel()
                nd = band.GetNoDataValue()
                if nd is None and sys.argv[2] == 'zeros':
                    nd = 0
                if nd is not None:
                    a = a[a != nd]
                out['means'].append(float(a.mean())); out['stds'].append(float(a.std()))
                out['mins'].append(float(a.min())); out['maxs'].append(float(a.max())); out['counts'].append(int(a.size))
            print(json.dumps(out))
            """;

    private static void assertAgreesWithNumpy(Path image) throws IOException {
        assertAgreesWithNumpy(image, false);
    }

    private static void assertAgreesWithNumpy(Path image, boolean countZeros) throws IOException {
        Path out = dir.resolve(image.getFileName() + (countZeros ? ".all" : "") + ".stats.json");
        Cli.Result r = countZeros ? Cli.run("stats", image.toString(), "--out", out.toString(), "--count-zeros")
                : Cli.run("stats", image.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        JsonNode ours = m.readTree(Files.readString(out));
        JsonNode numpy = m.readTree(PythonOracle.run(NUMPY, image.toString(), countZeros ? "all" : "zeros"));
        double worst = 0;
        for (String key : List.of("means", "stds")) {
            for (int b = 0; b < numpy.get(key).size(); b++) {
                double want = numpy.get(key).get(b).asDouble(), got = ours.get(key).get(b).asDouble();
                worst = Math.max(worst, Math.abs(got - want) / Math.abs(want));
                assertThat(Math.abs(got - want) / Math.abs(want)).as("%s[%d] of %s: %s vs numpy %s", key, b, image, got, want).isLessThan(1e-6);
            }
        }
        System.out.printf("%s%s: worst relative difference to numpy %.3g%n", image.getFileName(), countZeros ? " (zeros counted)" : "", worst);
        assertThat(ours.get("mins")).isEqualTo(numpy.get("mins"));
        assertThat(ours.get("maxs")).isEqualTo(numpy.get("maxs"));
        assertThat(ours.get("counts")).isEqualTo(numpy.get("counts"));
        long histTotal = 0;
        for (JsonNode c : ours.get("histograms").get(0).get("counts")) histTotal += c.asLong();
        assertThat(histTotal).isEqualTo(numpy.get("counts").get(0).asLong());
        RasterStats loaded = RasterStats.load(out);
        assertThat(loaded.means()).hasSize(numpy.get("means").size());
    }

    @Test
    void slidingStatsAgreeWithNumpyOnTheDemoScene() throws IOException {
        assertAgreesWithNumpy(demo);
    }

    @Test
    void nodataIsIgnoredAndPartialWindowsCountOnce() throws IOException {
        assertAgreesWithNumpy(withNodata);
    }

    @Test
    void zerosAreNodataUnlessCounted() throws IOException {
        assertAgreesWithNumpy(withZeros);
        assertAgreesWithNumpy(withZeros, true);
    }

    @Test
    void sampledModeReadsRasterVisionsWindowCount() {
        try (RasterSource src = RasterSources.open(demo.toString())) {
            // 700 x 700 at p = 0.5: round(0.5 · 490000 / 90000) = 3 windows; tiny p still reads one.
            assertThat(StatsAnalyzer.windows(src, StatsAnalyzerOptions.sampled(0.5, 1), 0)).hasSize(3);
            assertThat(StatsAnalyzer.windows(src, StatsAnalyzerOptions.sampled(0.001, 1), 0)).hasSize(1);
            assertThat(StatsAnalyzer.windows(src, StatsAnalyzerOptions.sliding(), 0)).hasSize(9);
            RasterStats sampled = StatsAnalyzer.compute(List.of(src), StatsAnalyzerOptions.sampled(0.5, 1));
            RasterStats full = StatsAnalyzer.compute(List.of(src), StatsAnalyzerOptions.sliding());
            assertThat(sampled.counts()[0]).isEqualTo(3 * 300 * 300);
            assertThat(sampled.means()[0]).isCloseTo(full.means()[0], org.assertj.core.data.Percentage.withPercentage(15));
        }
    }

    @Test
    void transformerMapsMeanPlusMinusThreeStdToUint8LikeRasterVision() {
        RasterStats stats = new RasterStats(new double[] {100}, new double[] {10}, null, null, null, null);
        Raster r = new Raster(6, 1, 1, DataType.UINT16, new short[] {0, 70, 85, 100, 130, 1000});
        Raster out = new StatsTransformer(stats).transform(r);
        assertThat(out.dataType()).isEqualTo(DataType.UINT8);
        // z = -3 → 0; z = -1.5 → 0.25·255 = 63.75 → 63; z = 0 → 127.5 → 127; z ≥ 3 → 255; 0 stays 0 (NODATA)
        assertThat((byte[]) out.data()).containsExactly(0, 0, 63, 127, (byte) 255, (byte) 255);
        InMemoryRasterSource src = new InMemoryRasterSource(r, GeoTransform.IDENTITY, OptionalInt.empty(), OptionalDouble.empty());
        assertThat(new StatsTransformer(stats).apply(src).read(src.extent()).contentEquals(out)).isTrue();
    }

    @Test
    void statsJsonErrorsNameTheFile() throws IOException {
        Path bad = dir.resolve("bad-stats.json");
        Files.writeString(bad, "{\"means\": [1, 2]}");
        assertThatThrownBy(() -> RasterStats.load(bad)).isInstanceOf(RvException.class).hasMessage(bad + ": 'stds' is missing or not an array of numbers");
        Cli.Result r = Cli.run("stats", dir.resolve("nope.tif").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.tif");
    }
}
