package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.CrsTransformer;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.GeoTiffWriter;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.RasterizedSource;
import rv.data.raster.RasterizerOptions;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.VectorSourceOptions;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rv rasterize VECTOR --like IMAGE OUT.tif}: GeoJSON labels → uint8 class GeoTIFF on IMAGE's grid. */
@Command(name = "rasterize", mixinStandardHelpOptions = true,
        description = {"Burn GeoJSON labels into a georeferenced uint8 class GeoTIFF on the grid of IMAGE,",
                "with gdal_rasterize's rules (pixel centre inside; later features win)."})
final class RasterizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VECTOR", description = "GeoJSON FeatureCollection (any CRS; legacy crs member honoured).")
    Path vector;

    @Parameters(index = "1", paramLabel = "OUT.tif", description = "Output GeoTIFF (tiled, deflate; written atomically).")
    Path out;

    @Option(names = "--like", required = true, paramLabel = "IMAGE", description = "Image whose size, geotransform and CRS the output takes.")
    String like;

    @Option(names = "--all-touched", description = "Burn every pixel a polygon touches, not only those whose centre is inside.")
    boolean allTouched;

    @Option(names = "--background", defaultValue = "0", paramLabel = "N", description = "Class id of pixels no polygon covers (default: ${DEFAULT-VALUE}).")
    int background;

    @Option(names = "--class-property", paramLabel = "P",
            description = "Read each feature's class from property P (number or numeric string) instead of Raster Vision's inference (class_id, label, class_name).")
    String classProperty;

    @Option(names = "--default-class", paramLabel = "N", defaultValue = "1",
            description = "Class of features whose class cannot be inferred (default: ${DEFAULT-VALUE}); 'none' drops them.")
    String defaultClass;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "N",
            description = "Benchmark: repeat the whole command N times in this JVM and print the median time (last line: RESULT).")
    int runs;

    @Override
    public Integer call() {
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        if (runs == 1) {
            once(); // a plain call: no timing beans (loading java.lang.management costs a cold start ~20 ms)
            return 0;
        }
        double[] times = new double[runs], cpu = new double[runs];
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
            times[i] = once();
            cpu[i] = os instanceof com.sun.management.OperatingSystemMXBean s ? (s.getProcessCpuTime() - c0) / 1e9 : Double.NaN;
        }
        double[] warm = java.util.Arrays.copyOfRange(times, 1, runs), warmCpu = java.util.Arrays.copyOfRange(cpu, 1, runs);
        java.util.Arrays.sort(warm);
        java.util.Arrays.sort(warmCpu);
        System.out.printf(java.util.Locale.ROOT, "RESULT rv rasterize median of %d warm runs: %.4f s [cpu %.4f s] (first run %.4f s)%n",
                warm.length, warm[warm.length / 2], warmCpu[warmCpu.length / 2], times[0]);
        return 0;
    }

    private double once() {
        long t0 = System.nanoTime();
        Integer def;
        if (defaultClass.equalsIgnoreCase("none") || defaultClass.equalsIgnoreCase("null")) def = null;
        else {
            try {
                def = Integer.valueOf(defaultClass);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--default-class must be a class id (0-255) or 'none', got '" + defaultClass + "'");
            }
        }
        VectorSourceOptions opts = VectorSourceOptions.defaults().withDefaultClassId(def).withClassProperty(classProperty);
        try (RasterSource image = RasterSources.open(like)) {
            GeoJsonVectorSource vectors = new GeoJsonVectorSource(vector, opts, CrsTransformer.of(image));
            RasterizedSource rs = RasterizedSource.like(image, vectors, new RasterizerOptions(background, allTouched));
            GeoTiffWriter.copy(rs, out, GeoTiffWriteOptions.DEFAULT);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d features burned into %dx%d (%s) in %.3f s%n", out, vectors.pixelFeatures().size(),
                    rs.width(), rs.height(), vectors.transformer().crs(), seconds);
            return seconds;
        }
    }
}
