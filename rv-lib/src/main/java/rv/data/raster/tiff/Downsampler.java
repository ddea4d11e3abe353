package rv.data.raster.tiff;

import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.data.raster.Resampling;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Computes one overview level from the next finer level, streaming: rows of the finer level arrive
 * top to bottom ({@link #accept}), output rows are computed as soon as the rows they need are present,
 * and full strips of {@code stripRows} output rows (the last one shorter) go to a sink. Only the few
 * source rows still needed are kept, so memory is O(width), whatever the height.
 *
 * <p>Semantics follow GDAL's overview code (checked against {@code gdaladdo} 3.6): the reduction ratio
 * is {@code srcSize / dstSize} per axis (not exactly 2 for odd sizes); {@code AVERAGE} weights each
 * source pixel by the part of it the output pixel covers, with GDAL's 2×2 fast path, working types
 * and rounding; {@code NEAREST} takes source index {@code (int)(i * ratio + 0.5)}; {@code BILINEAR}
 * is a separable tent filter of radius {@code ratio} around the output pixel's centre. Nodata pixels
 * are ignored by the weighted methods; an output with no valid input is nodata, and a computed value
 * that happens to equal nodata is nudged to the next value.
 */
public final class Downsampler {

    /** Receives finished output strips; {@code y0} is the strip's first row in the output level. */
    @FunctionalInterface
    public interface StripSink {
        void accept(Raster strip, int y0);
    }

    private record Taps(int[] first, double[][] weights) {
        int last(int i) { return first[i] + weights[i].length - 1; }
    }

    private final int srcW, srcH, dstW, dstH, bands;
    private final DataType type;
    private final Resampling method;
    private final boolean hasNodata;
    private final double nodata;
    private final Taps colTaps, rowTaps;
    private final Map<Integer, double[][]> rows = new HashMap<>();
    /** Row buffers no longer needed, reused for the next rows (saves allocating one per source row). */
    private final java.util.ArrayDeque<double[][]> spare = new java.util.ArrayDeque<>();
    private final Raster strip;
    private final StripSink sink;
    private final double[] typeRange;
    private final boolean xSpacingIsTwo;
    /**
     * GDAL computes 8/16-bit signed and float32 overviews in float32; so do we, to match it exactly.
     * GDAL 3.6 also uses float32 for 32-bit integers and float64, which loses precision (even for
     * nearest); there we keep double precision instead of copying that loss.
     */
    private final boolean float32Work;
    private int nextSrcRow;
    private int nextDstRow;
    private int stripY0;

    public Downsampler(int srcW, int srcH, int dstW, int dstH, int bands, DataType type, Resampling method,
                       OptionalDouble nodata, int stripRows, StripSink sink) {
        this.srcW = srcW; this.srcH = srcH; this.dstW = dstW; this.dstH = dstH; this.bands = bands;
        this.type = type; this.method = method;
        this.hasNodata = nodata.isPresent();
        this.nodata = hasNodata ? quantize(nodata.getAsDouble(), type) : Double.NaN;
        this.colTaps = taps(srcW, dstW, method);
        this.rowTaps = taps(srcH, dstH, method);
        this.strip = Raster.zeros(dstW, Math.min(stripRows, dstH), bands, type);
        this.sink = sink;
        this.typeRange = new double[] {type.minValue(), type.maxValue()};
        boolean two = true;
        for (int i = 0; i < dstW; i++) {
            if (colTaps.weights[i].length != 2 || colTaps.first[i] != 2 * i) two = false;
        }
        this.xSpacingIsTwo = method == Resampling.AVERAGE && two;
        this.float32Work = type == DataType.INT8 || type == DataType.INT16 || type == DataType.FLOAT32;
    }

    /**
     * Overview size for a reduction {@code factor}: {@code floor(size / factor)} (at least 1), as GDAL's
     * COG driver sizes its overviews ({@code gdaladdo} on a plain GeoTIFF rounds up instead).
     */
    public static int reducedSize(int size, int factor) { return Math.max(1, size / factor); }

    /** The next {@code strip.height()} rows of the finer level (all bands). */
    public void accept(Raster src) {
        if (src.width() != srcW || src.bands() != bands) throw new IllegalArgumentException("strip " + src + " does not match " + srcW + " columns, " + bands + " bands");
        for (int r = 0; r < src.height(); r++) {
            if (nextSrcRow >= srcH) throw new IllegalStateException("more than " + srcH + " rows");
            rows.put(nextSrcRow++, toDoubles(src, r, spare.isEmpty() ? new double[bands][srcW] : spare.pop()));
            produce(); // row by row, so only the few rows a kernel spans are ever held
        }
    }

    public boolean isComplete() { return nextDstRow == dstH; }

    private void produce() {
        while (nextDstRow < dstH && Math.min(srcH - 1, rowTaps.last(nextDstRow)) < nextSrcRow) {
            computeRow(nextDstRow, nextDstRow - stripY0);
            nextDstRow++;
            if (nextDstRow < dstH) {
                int keepFrom = rowTaps.first[nextDstRow];
                for (var it = rows.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (e.getKey() < keepFrom) {
                        spare.push(e.getValue());
                        it.remove();
                    }
                }
            }
            int rowsInStrip = nextDstRow - stripY0;
            if (rowsInStrip == strip.height() || nextDstRow == dstH) {
                Raster out = rowsInStrip == strip.height() ? strip : strip.window(new rv.core.Box(0, 0, dstW, rowsInStrip));
                sink.accept(out, stripY0);
                stripY0 = nextDstRow;
            }
        }
        if (nextDstRow == dstH) rows.clear();
    }

    private void computeRow(int dy, int stripRow) {
        int plane = strip.width() * strip.height();
        int base = stripRow * dstW;
        for (int b = 0; b < bands; b++) {
            int o = b * plane + base;
            switch (method) {
                case NEAREST -> {
                    double[] row = rows.get(rowTaps.first[dy])[b];
                    for (int dx = 0; dx < dstW; dx++) strip.setAt(o + dx, row[colTaps.first[dx]]);
                }
                case AVERAGE -> averageRow(dy, b, o);
                case BILINEAR -> bilinearRow(dy, b, o);
            }
        }
    }

    private boolean valid(double v) {
        return !hasNodata || (Double.isNaN(nodata) ? !Double.isNaN(v) : v != nodata);
    }

    /**
     * GDAL's average: per axis a left/right partial weight and full middle pixels; a 2×2 fast path
     * when both ratios are exactly 2 and there is no nodata (integer (sum+2)/4 for uint8/uint16, float
     * arithmetic otherwise); the mean is computed in GDAL's working type (uint8/uint16 themselves,
     * float64 for float64, float32 for the rest) and then converted to the output type.
     */
    private void averageRow(int dy, int band, int out) {
        int y0 = rowTaps.first[dy], y1 = y0 + rowTaps.weights[dy].length;
        if (!hasNodata && xSpacingIsTwo && y1 - y0 == 2) {
            double[] r0 = rows.get(y0)[band], r1 = rows.get(y0 + 1)[band];
            boolean integerPath = type == DataType.UINT8 || type == DataType.UINT16;
            boolean wide = !float32Work;
            int simd = wide ? 0 : (dstW / 4) * 4; // GDAL's SSE2 loop sums columns first
            for (int dx = 0; dx < dstW; dx++) {
                int x = colTaps.first[dx];
                double a = r0[x], bb = r0[x + 1], c = r1[x], d = r1[x + 1];
                double v;
                if (integerPath) v = Math.floor((a + bb + c + d + 2) / 4);
                else if (wide) v = 0.25 * (a + bb + c + d);
                else if (dx < simd) v = (float) ((float) ((float) (a + c) + (float) (bb + d)) * 0.25f);
                else v = (float) (0.25f * (float) ((float) ((float) (a + bb) + c) + d));
                strip.setAt(out + dx, toOutput(v));
            }
            return;
        }
        double[] wy = rowTaps.weights[dy];
        for (int dx = 0; dx < dstW; dx++) {
            int x0 = colTaps.first[dx];
            double[] wx = colTaps.weights[dx];
            double total = 0, weight = 0;
            boolean any = false;
            for (int ty = 0; ty < wy.length; ty++) {
                double[] row = rows.get(y0 + ty)[band];
                double line = 0, lineWeight = 0;
                for (int tx = 0; tx < wx.length; tx++) {
                    double s = row[x0 + tx];
                    if (!valid(s)) continue;
                    any = true;
                    line += tx == 0 || tx == wx.length - 1 ? s * wx[tx] : s;
                    lineWeight += wx[tx];
                }
                total += line * wy[ty];
                weight += lineWeight * wy[ty];
            }
            if (hasNodata && !any) {
                strip.setAt(out + dx, nodata);
                continue;
            }
            if (!hasNodata) weight = fullWeight(wx) * fullWeight(wy);
            double mean = total / weight;
            double v;
            if (type == DataType.UINT8 || type == DataType.UINT16) v = (long) (mean + 0.5);
            else v = float32Work ? (float) mean : mean;
            strip.setAt(out + dx, toOutput(avoidNodata(v)));
        }
    }

    /**
     * GDAL's bilinear (a convolution with a tent kernel of radius = ratio): separable, each source
     * row first filtered horizontally over its valid pixels and normalised, then rows combined with
     * the vertical weights of the rows that had any valid pixel.
     */
    private void bilinearRow(int dy, int band, int out) {
        int y0 = rowTaps.first[dy];
        double[] wy = rowTaps.weights[dy];
        for (int dx = 0; dx < dstW; dx++) {
            int x0 = colTaps.first[dx];
            double[] wx = colTaps.weights[dx];
            double total = 0, weight = 0;
            for (int ty = 0; ty < wy.length; ty++) {
                if (wy[ty] == 0) continue;
                double[] row = rows.get(y0 + ty)[band];
                double line = 0, lineWeight = 0;
                for (int tx = 0; tx < wx.length; tx++) {
                    double s = row[x0 + tx];
                    if (!valid(s)) continue;
                    line += wx[tx] * s;
                    lineWeight += wx[tx];
                }
                if (lineWeight == 0) continue;
                total += wy[ty] * (line / lineWeight);
                weight += wy[ty];
            }
            if (weight == 0) {
                strip.setAt(out + dx, hasNodata ? nodata : 0);
                continue;
            }
            double v = total / weight;
            v = float32Work || type == DataType.UINT8 || type == DataType.UINT16 ? (float) v : v;
            strip.setAt(out + dx, toOutput(avoidNodata(v)));
        }
    }

    /** Sum of an axis' weights in GDAL's order: left, the full middle ones, right. */
    private static double fullWeight(double[] w) {
        double t = w[0];
        if (w.length > 1) {
            t += w.length - 2;
            t += w[w.length - 1];
        }
        return t;
    }

    /** A computed value that equals nodata is nudged to the next value, as GDAL does, so it stays data. */
    private double avoidNodata(double v) {
        if (!hasNodata || v != nodata) return v;
        if (type.isIntegral()) return v == typeRange[1] ? v - 1 : v + 1;
        if (type == DataType.FLOAT32) return v == Float.MAX_VALUE ? Math.nextDown((float) v) : Math.nextUp((float) v);
        return v == Double.MAX_VALUE ? Math.nextDown(v) : Math.nextUp(v);
    }

    /** Working-type value to the output type: integers rounded half away from zero and clamped (GDALCopyWords). */
    private double toOutput(double v) {
        if (!type.isIntegral()) return type == DataType.FLOAT32 ? (float) v : v;
        if (Double.isNaN(v)) return 0;
        double r = v >= 0 ? Math.floor(v + 0.5) : Math.ceil(v - 0.5);
        return Math.max(typeRange[0], Math.min(typeRange[1], r));
    }

    static double quantize(double v, DataType type) {
        if (type == DataType.FLOAT32) return (float) v;
        return v;
    }

    private static Taps taps(int src, int dst, Resampling method) {
        double r = (double) src / dst;
        int[] first = new int[dst];
        double[][] weights = new double[dst][];
        for (int i = 0; i < dst; i++) {
            switch (method) {
                case NEAREST -> {
                    first[i] = Math.min(src - 1, (int) (i * r + 0.5));
                    weights[i] = new double[] {1};
                }
                case AVERAGE -> {
                    double s0 = i * r, s1 = (i + 1) * r;
                    int x0 = (int) (s0 + 1e-8);
                    int x1 = (int) Math.ceil(s1 - 1e-8);
                    if (x1 == x0) x1++;
                    if (x1 > src) x1 = src;
                    double[] w = new double[x1 - x0];
                    java.util.Arrays.fill(w, 1.0);
                    w[0] = x1 == x0 + 1 ? 1.0 : 1 - (s0 - x0);
                    if (x1 - x0 > 1) w[w.length - 1] = 1 - (x1 - s1);
                    first[i] = x0;
                    weights[i] = w;
                }
                case BILINEAR -> {
                    double radius = Math.max(1, r);
                    double centre = (i + 0.5) * r - 0.5;
                    int x0 = Math.max(0, (int) Math.ceil(centre - radius)), x1 = Math.min(src - 1, (int) Math.floor(centre + radius));
                    double[] w = new double[x1 - x0 + 1];
                    for (int x = x0; x <= x1; x++) w[x - x0] = Math.max(0, 1 - Math.abs(x - centre) / radius);
                    first[i] = x0;
                    weights[i] = w;
                }
            }
        }
        return new Taps(first, weights);
    }

    private static double[][] toDoubles(Raster src, int row, double[][] out) {
        int w = src.width();
        for (int b = 0; b < src.bands(); b++) {
            int o = src.index(b, row, 0);
            double[] d = out[b];
            switch (src.dataType()) {
                case UINT8 -> { byte[] a = (byte[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x] & 0xff; }
                case INT8 -> { byte[] a = (byte[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x]; }
                case UINT16 -> { short[] a = (short[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x] & 0xffff; }
                case INT16 -> { short[] a = (short[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x]; }
                case UINT32 -> { int[] a = (int[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x] & 0xffffffffL; }
                case INT32 -> { int[] a = (int[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x]; }
                case FLOAT32 -> { float[] a = (float[]) src.data(); for (int x = 0; x < w; x++) d[x] = a[o + x]; }
                case FLOAT64 -> { double[] a = (double[]) src.data(); System.arraycopy(a, o, d, 0, w); }
            }
        }
        return out;
    }
}
