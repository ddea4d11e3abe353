package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.analyze.RasterStats;
import rv.analyze.StatsAnalyzer;
import rv.analyze.StatsAnalyzerOptions;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rv stats IMAGE… [--sample-prob p] [--out stats.json]}: Raster Vision's StatsAnalyzer. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Per-channel mean, std, min, max and histogram over one or more images (Raster Vision's StatsAnalyzer);",
                "writes stats.json (means/stds as Raster Vision reads them) or prints it."})
final class StatsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images (all with the same bands).")
    List<String> images;

    @Option(names = "--sample-prob", paramLabel = "p",
            description = "Sample random 300x300 windows covering this share of each image (Raster Vision's default is 0.1); default: every pixel (sliding windows).")
    Double sampleProb;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random windows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count-zeros", description = "Count zeros in images that declare no nodata value (Raster Vision ignores them as NODATA).")
    boolean countZeros;

    @Option(names = "--out", paramLabel = "stats.json", description = "Write here (atomically) instead of printing.")
    Path out;

    @Override
    public Integer call() {
        List<RasterSource> sources = new ArrayList<>();
        try {
            for (String uri : images) sources.add(RasterSources.open(uri));
            StatsAnalyzerOptions o = sampleProb == null ? StatsAnalyzerOptions.sliding() : StatsAnalyzerOptions.sampled(sampleProb, seed);
            o = o.withZeroIsNodata(!countZeros);
            RasterStats stats = StatsAnalyzer.compute(sources, o);
            if (out == null) {
                System.out.print(stats.toJson());
            } else {
                stats.save(out);
                for (int b = 0; b < stats.channels(); b++) {
                    System.out.printf("band %d: mean %.4f std %.4f min %s max %s (%d values)%n", b + 1, stats.means()[b], stats.stds()[b],
                            fmt(stats.mins()[b]), fmt(stats.maxs()[b]), stats.counts()[b]);
                }
                System.out.println("wrote " + out);
            }
        } finally {
            for (RasterSource s : sources) s.close();
        }
        return 0;
    }

    private static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
