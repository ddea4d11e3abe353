package rv.viz;

import rv.data.raster.Raster;

import java.util.Arrays;

/**
 * Per-band linear stretch from the {@code low}–{@code high} percentiles of the band's valid values to
 * 0–255, as image viewers do for satellite imagery whose values fill a small part of the type's range.
 */
public record Stretch(double lowPercentile, double highPercentile) {
    /** 2 %–98 %, QGIS's default cumulative-count cut. */
    public static final Stretch DEFAULT = new Stretch(2, 98);
    /** Values taken as they are (0–255 clamped), for uint8 images already in display range. */
    public static final Stretch NONE = new Stretch(-1, -1);

    public Stretch {
        if (lowPercentile >= 0 && !(lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("need 0 <= low < high <= 100 percentiles, got " + lowPercentile + ", " + highPercentile);
        }
    }

    /** The {@code [lo, hi]} of band {@code b}, skipping {@code nodata} (NaN: none) and NaNs. */
    public double[] range(Raster r, int band, double nodata) {
        if (lowPercentile < 0) return new double[]{0, 255};
        int n = r.width() * r.height();
        int step = Math.max(1, n / 200_000); // a sample is enough for percentiles of a display
        double[] v = new double[(n + step - 1) / step];
        int k = 0;
        int base = band * n;
        for (int i = 0; i < n; i += step) {
            double x = r.getAt(base + i);
            if (Double.isNaN(x) || x == nodata) continue;
            v[k++] = x;
        }
        if (k == 0) return new double[]{0, 1};
        Arrays.sort(v, 0, k);
        double lo = v[(int) Math.floor((k - 1) * lowPercentile / 100)];
        double hi = v[(int) Math.ceil((k - 1) * highPercentile / 100)];
        if (hi <= lo) hi = lo + 1;
        return new double[]{lo, hi};
    }
}
