package rv.analyze;

/**
 * Options of {@link StatsAnalyzer} (Raster Vision's {@code StatsAnalyzerConfig} minus the output URI).
 *
 * @param sampleProb null for sliding windows over every pixel; otherwise the share of the scene to
 *                   sample with random windows: {@code max(1, round(sampleProb · W·H / chipSize²))} windows
 * @param chipSize   window size (Raster Vision uses 300)
 * @param seed       seed of the random windows
 * @param zeroIsNodata for images that declare no nodata value, ignore zeros as Raster Vision does
 *                   (its StatsAnalyzer and StatsTransformer treat 0 as NODATA)
 */
public record StatsAnalyzerOptions(Double sampleProb, int chipSize, long seed, boolean zeroIsNodata) {
    public StatsAnalyzerOptions {
        if (sampleProb != null && (sampleProb <= 0 || sampleProb > 1)) {
            throw new IllegalArgumentException("sample_prob must be in (0, 1], got " + sampleProb);
        }
        if (chipSize <= 0) throw new IllegalArgumentException("chip size must be positive, got " + chipSize);
    }

    /** Sliding windows over every pixel. */
    public static StatsAnalyzerOptions sliding() { return new StatsAnalyzerOptions(null, 300, 0, true); }

    /** Raster Vision's default: random windows covering about 10% of each scene. */
    public static StatsAnalyzerOptions sampled(double prob, long seed) { return new StatsAnalyzerOptions(prob, 300, seed, true); }

    public StatsAnalyzerOptions withZeroIsNodata(boolean z) { return new StatsAnalyzerOptions(sampleProb, chipSize, seed, z); }
}
