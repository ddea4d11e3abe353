package rv.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Window sampling over a raster extent: sliding, random, and the NODATA share of a window. */
public final class Windows {
    private Windows() {}

    /**
     * What to do where the last window in a row or column would run past the extent.
     * <ul>
     *   <li>{@link #PAD}: Raster Vision's rule: windows start at 0, stride, 2·stride … while the start
     *       is inside the extent, so edge windows stick out and are read padded (nodata or 0);</li>
     *   <li>{@link #SHIFT}: as PAD, but a window that sticks out is moved back to end at the edge (it
     *       overlaps its neighbour more; every window is full); an extent smaller than the window gives
     *       one window at the origin;</li>
     *   <li>{@link #DROP}: only windows that fit entirely; the remainder at the edge is not covered.</li>
     * </ul>
     */
    public enum Edge { PAD, SHIFT, DROP }

    /** Square windows of {@code size} every {@code stride} pixels over {@code extent}, row by row. */
    public static List<Box> sliding(Box extent, int size, int stride, Edge edge) {
        if (size <= 0 || stride <= 0) throw new IllegalArgumentException("window size and stride must be positive, got " + size + " and " + stride);
        List<Integer> xs = starts(extent.x(), extent.width(), size, stride, edge);
        List<Integer> ys = starts(extent.y(), extent.height(), size, stride, edge);
        List<Box> out = new ArrayList<>(xs.size() * ys.size());
        for (int y : ys) for (int x : xs) out.add(new Box(x, y, size, size));
        return out;
    }

    private static List<Integer> starts(int origin, int length, int size, int stride, Edge edge) {
        List<Integer> s = new ArrayList<>();
        for (int off = 0; off < length; off += stride) {
            if (off + size <= length) {
                s.add(origin + off);
                continue;
            }
            switch (edge) {
                case PAD -> s.add(origin + off);
                case SHIFT -> {
                    int shifted = origin + Math.max(0, length - size);
                    if (s.isEmpty() || s.get(s.size() - 1) != shifted) s.add(shifted);
                }
                case DROP -> { }
            }
            if (edge != Edge.PAD) break;
        }
        return s;
    }

    /** {@code count} random squares of {@code size} inside {@code extent}, reproducible from {@code seed}. */
    public static List<Box> random(Box extent, int size, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Box> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(extent.randomSquare(size, rnd));
        return out;
    }

    /** Windows whose overlap with the AOI is at least {@code minShare} of their area (1 = wholly inside). */
    public static List<Box> inAoi(List<Box> windows, Aoi aoi, double minShare) {
        List<Box> out = new ArrayList<>();
        for (Box w : windows) if (aoi.overlapShare(w) >= minShare) out.add(w);
        return out;
    }

    /**
     * Share of pixels of {@code raster} that are NODATA: every band equals {@code nodata} (NaN matches
     * NaN). Raster Vision treats pixels that are 0 in all bands as NODATA when the image declares none;
     * pass 0 for that.
     */
    public static double nodataShare(rv.data.raster.Raster raster, double nodata) {
        int plane = raster.width() * raster.height();
        if (plane == 0) return 0;
        boolean nan = Double.isNaN(nodata);
        int count = 0;
        for (int i = 0; i < plane; i++) {
            boolean all = true;
            for (int b = 0; b < raster.bands() && all; b++) {
                double v = raster.getAt(b * plane + i);
                all = nan ? Double.isNaN(v) : v == nodata;
            }
            if (all) count++;
        }
        return (double) count / plane;
    }
}
