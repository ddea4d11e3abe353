package rv.analyze;

import rv.core.Box;
import rv.core.GeoTransform;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Maps each channel to uint8 from {@link RasterStats} the way Raster Vision's {@code StatsTransformer}
 * does: z = (v − mean) / std; (z + 3) / 6 clipped to [0, 1], × 255, truncated to uint8; values that
 * were 0 stay 0 (Raster Vision's NODATA).
 */
public final class StatsTransformer {
    private final double[] means;
    private final double[] stds;

    public StatsTransformer(RasterStats stats) {
        this.means = stats.means();
        this.stds = stats.stds();
    }

    /** Transforms a raster whose bands are the stats' channels {@code channels} (in that order). */
    public Raster transform(Raster r, int[] channels) {
        if (channels.length != r.bands()) throw new IllegalArgumentException("need one channel index per band");
        int plane = r.width() * r.height();
        byte[] out = new byte[plane * r.bands()];
        for (int b = 0; b < r.bands(); b++) {
            int c = channels[b];
            if (c < 0 || c >= means.length) throw new IllegalArgumentException("stats have " + means.length + " channels, asked for channel " + c);
            double mean = means[c], std = stds[c];
            if (r.dataType() == DataType.UINT16 || r.dataType() == DataType.UINT8) {
                // integer input: one table lookup per pixel (same arithmetic, done once per value)
                byte[] lut = lut(c, r.dataType() == DataType.UINT8 ? 256 : 65536);
                int mask = r.dataType() == DataType.UINT8 ? 0xff : 0xffff;
                int base = b * plane;
                if (r.data() instanceof short[] d) {
                    for (int i = base, end = base + plane; i < end; i++) out[i] = lut[d[i] & mask];
                } else {
                    byte[] d = (byte[]) r.data();
                    for (int i = base, end = base + plane; i < end; i++) out[i] = lut[d[i] & mask];
                }
                continue;
            }
            for (int i = b * plane, end = i + plane; i < end; i++) {
                double v = r.getAt(i);
                if (v == 0) continue;
                double z = (v - mean) / std;
                z += 3;
                z /= 6;
                if (!(z > 0)) z = 0; // NaN → 0, like numpy's clip then astype
                else if (z > 1) z = 1;
                out[i] = (byte) (int) (z * 255);
            }
        }
        return new Raster(r.width(), r.height(), r.bands(), DataType.UINT8, out);
    }

    private final java.util.Map<Long, byte[]> luts = new java.util.concurrent.ConcurrentHashMap<>();

    /** uint8 output of every integer value 0..n-1 of channel c. */
    private byte[] lut(int c, int n) {
        return luts.computeIfAbsent(((long) c << 32) | n, k -> {
            byte[] t = new byte[n];
            double mean = means[c], std = stds[c];
            for (int v = 1; v < n; v++) {
                double z = (v - mean) / std;
                z += 3;
                z /= 6;
                if (!(z > 0)) z = 0;
                else if (z > 1) z = 1;
                t[v] = (byte) (int) (z * 255);
            }
            return t;
        });
    }

    /** Transforms all bands, channel i = band i. */
    public Raster transform(Raster r) {
        int[] ch = new int[r.bands()];
        for (int i = 0; i < ch.length; i++) ch[i] = i;
        return transform(r, ch);
    }

    /** A uint8 view of {@code source} (band i uses the stats' channel i). */
    public RasterSource apply(RasterSource source) {
        return new RasterSource() {
            @Override public int width() { return source.width(); }
            @Override public int height() { return source.height(); }
            @Override public int bandCount() { return source.bandCount(); }
            @Override public DataType dataType() { return DataType.UINT8; }
            @Override public GeoTransform geoTransform() { return source.geoTransform(); }
            @Override public OptionalInt epsg() { return source.epsg(); }
            @Override public OptionalDouble nodata() { return OptionalDouble.empty(); }
            @Override public Raster read(Box window, int[] bands) { return transform(source.read(window, bands), bands); }
            @Override public void close() { source.close(); }
        };
    }
}
