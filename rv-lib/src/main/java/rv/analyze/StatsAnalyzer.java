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
 * nodata are ignored (per band, as GDAL does); for images without a nodata value, zeros are ignored
 * unless {@link StatsAnalyzerOptions#zeroIsNodata()} is off (Raster Vision treats 0 as NODATA). Sliding mode visits every pixel exactly once (300×300
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
                Double nodata = src.nodata().isPresent() ? Double.valueOf(src.nodata().getAsDouble()) : options.zeroIsNodata() ? Double.valueOf(0) : null;
                acc.add(src.read(clipped), nodata);
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

        private double[] buffer = new double[0];

        void add(Raster r, Double nodata) {
            int plane = r.width() * r.height();
            if (buffer.length < plane) buffer = new double[plane];
            double[] v = buffer;
            boolean hasNodata = nodata != null;
            double nd = hasNodata ? nodata : 0;
            for (int b = 0; b < n.length; b++) {
                copyBand(r, b, plane, v);
                long cn = 0;
                double sum = 0;
                double lo = min[b], hi = max[b];
                long[] h = hist == null ? null : hist[b];
                for (int i = 0; i < plane; i++) {
                    double x = v[i];
                    if (x != x || (hasNodata && x == nd)) continue;
                    cn++;
                    sum += x;
                    if (x < lo) lo = x;
                    if (x > hi) hi = x;
                    if (h != null) h[(int) x + offset]++;
                }
                min[b] = lo;
                max[b] = hi;
                if (cn == 0) continue;
                double cmean = sum / cn;
                double cm2 = 0, comp = 0;
                for (int i = 0; i < plane; i++) {
                    double x = v[i];
                    if (x != x || (hasNodata && x == nd)) continue;
                    double d = x - cmean;
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

        /** One band as doubles (unsigned types converted), without a per-value type switch. */
        private static void copyBand(Raster r, int band, int plane, double[] out) {
            int off = band * plane;
            switch (r.dataType()) {
                case UINT8 -> { byte[] a = (byte[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i] & 0xff; }
                case INT8 -> { byte[] a = (byte[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i]; }
                case UINT16 -> { short[] a = (short[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i] & 0xffff; }
                case INT16 -> { short[] a = (short[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i]; }
                case UINT32 -> { int[] a = (int[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i] & 0xffffffffL; }
                case INT32 -> { int[] a = (int[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i]; }
                case FLOAT32 -> { float[] a = (float[]) r.data(); for (int i = 0; i < plane; i++) out[i] = a[off + i]; }
                case FLOAT64 -> System.arraycopy(r.data(), off, out, 0, plane);
            }
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
