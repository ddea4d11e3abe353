package rv.analyze;

import rv.core.Box;
import rv.core.Windows;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-channel mean, standard deviation, min, max and histogram over one or more scenes (Raster Vision's
 * {@code StatsAnalyzer}). Streams: one window is in memory at a time. Values equal to the source's
 * nodata are ignored (per band, as GDAL does). Sliding mode visits every pixel exactly once (300×300
 * windows clipped to the image); sampled mode reads {@code max(1, round(p·W·H/300²))} random windows per
 * scene. Each window's mean and squared deviations are computed in two passes and merged with Chan et
 * al.'s parallel update, which keeps the result within rounding of numpy's.
 */
public final class StatsAnalyzer {
    private static final int BINS = 256;

    private StatsAnalyzer() {}

    public static RasterStats compute(List<? extends RasterSource> sources, StatsAnalyzerOptions options) {
        if (sources.isEmpty()) throw new IllegalArgumentException("no scenes to compute statistics on");
        int channels = sources.get(0).bandCount();
        DataType type = sources.get(0).dataType();
        // Integer types up to 16 bits keep exact per-value counts, rebinned to 256 bins at the end.
        int offset = switch (type) {
            case INT8 -> 128;
            case INT16 -> 32768;
            default -> 0;
        };
        int values = switch (type) {
            case UINT8, INT8 -> 256;
            case UINT16, INT16 -> 65536;
            default -> 0;
        };
        Accumulator acc = new Accumulator(channels, offset, values);
        int scene = 0;
        for (RasterSource src : sources) {
            if (src.bandCount() != channels) {
                throw new IllegalArgumentException("all scenes need the same number of channels: " + channels + " vs " + src.bandCount());
            }
            for (Box w : windows(src, options, scene++)) {
                Box clipped = w.intersection(src.extent());
                if (clipped.isEmpty()) continue;
                acc.add(src.read(clipped), src.nodata().isPresent() ? src.nodata().getAsDouble() : null);
            }
        }
        return acc.result();
    }

    /** The windows a scene is read with. */
    static List<Box> windows(RasterSource src, StatsAnalyzerOptions o, int sceneIndex) {
        Box extent = src.extent();
        if (o.sampleProb() == null) return Windows.sliding(extent, o.chipSize(), o.chipSize(), Windows.Edge.PAD);
        long count = Math.max(1, Math.round(o.sampleProb() * ((double) extent.area() / ((long) o.chipSize() * o.chipSize()))));
        return new ArrayList<>(Windows.random(extent, o.chipSize(), (int) Math.min(count, Integer.MAX_VALUE), o.seed() * 31 + sceneIndex));
    }

    /** Running per-channel moments. */
    static final class Accumulator {
        final long[] n;
        final double[] mean, m2, min, max;
        final long[][] hist;
        final int offset;

        Accumulator(int channels, int offset, int values) {
            n = new long[channels];
            mean = new double[channels];
            m2 = new double[channels];
            min = new double[channels];
            max = new double[channels];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            hist = values > 0 ? new long[channels][values] : null;
            this.offset = offset;
        }

        void add(Raster r, Double nodata) {
            int plane = r.width() * r.height();
            for (int b = 0; b < n.length; b++) {
                int off = b * plane;
                long cn = 0;
                double sum = 0;
                double lo = min[b], hi = max[b];
                for (int i = 0; i < plane; i++) {
                    double v = r.getAt(off + i);
                    if (skip(v, nodata)) continue;
                    cn++;
                    sum += v;
                    if (v < lo) lo = v;
                    if (v > hi) hi = v;
                    if (hist != null) hist[b][(int) v + offset]++;
                }
                min[b] = lo;
                max[b] = hi;
                if (cn == 0) continue;
                double cmean = sum / cn;
                double cm2 = 0, comp = 0;
                for (int i = 0; i < plane; i++) {
                    double v = r.getAt(off + i);
                    if (skip(v, nodata)) continue;
                    double d = v - cmean;
                    cm2 += d * d;
                    comp += d;
                }
                cm2 -= comp * comp / cn; // corrects the rounding of cmean
                long total = n[b] + cn;
                double delta = cmean - mean[b];
                mean[b] += delta * cn / total;
                m2[b] += cm2 + delta * delta * ((double) n[b] * cn / total);
                n[b] = total;
            }
        }

        private static boolean skip(double v, Double nodata) {
            if (Double.isNaN(v)) return true;
            return nodata != null && v == nodata;
        }

        RasterStats result() {
            int c = n.length;
            double[] stds = new double[c], means = mean.clone(), mins = min.clone(), maxs = max.clone();
            for (int b = 0; b < c; b++) {
                stds[b] = n[b] == 0 ? Double.NaN : Math.sqrt(m2[b] / n[b]);
                if (n[b] == 0) { means[b] = Double.NaN; mins[b] = Double.NaN; maxs[b] = Double.NaN; }
            }
            java.util.List<RasterStats.Histogram> hs = null;
            if (hist != null) {
                hs = new ArrayList<>();
                for (int b = 0; b < c; b++) hs.add(rebin(hist[b], n[b] == 0 ? 0 : (long) min[b], n[b] == 0 ? 0 : (long) max[b]));
            }
            return new RasterStats(means, stds, mins, maxs, n.clone(), hs);
        }

        /** 256 bins of equal integer width starting at the channel's minimum. */
        private RasterStats.Histogram rebin(long[] exact, long lo, long hi) {
            long width = Math.max(1, (hi - lo + BINS) / BINS);
            long[] bins = new long[BINS];
            for (long v = lo; v <= hi; v++) bins[(int) ((v - lo) / width)] += exact[(int) (v + offset)];
            return new RasterStats.Histogram(lo, lo + width * BINS, bins);
        }
    }
}
