package rv.data.raster;

import rv.core.Box;
import rv.core.Crs;
import rv.core.Reprojection;
import rv.core.GeoTransform;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Raster Vision's {@code x_shift}/{@code y_shift}: every window is read from a place shifted by the
 * given metres. As in Raster Vision's RasterioSource, the window's top-left corner goes to WGS84,
 * moves by {@code x_shift / (111319.5·cos(lat))} degrees of longitude and {@code y_shift / 111319.5}
 * degrees of latitude (both subtracted), comes back to the image CRS (rounded to whole map units, as
 * Raster Vision does) and becomes the pixel offset of the read (rounded to whole pixels).
 */
public final class ShiftedRasterSource implements RasterSource {
    private static final double METERS_PER_DEGREE = 111319.5;
    private final RasterSource inner;
    private final double xShift;
    private final double yShift;
    /** Raster CRS → WGS 84 and back; identities when the raster has no CRS or is in WGS 84. */
    private final Reprojection toWgs84;
    private final Reprojection fromWgs84;

    public ShiftedRasterSource(RasterSource inner, double xShiftMeters, double yShiftMeters) {
        this.inner = inner;
        this.xShift = xShiftMeters;
        this.yShift = yShiftMeters;
        this.toWgs84 = Reprojection.between(new Crs(inner.epsg().orElse(4326)), Crs.WGS84);
        this.fromWgs84 = toWgs84.inverse();
    }

    /** Top-left pixel that a window at (col, row) is read from. */
    public int[] shiftedOrigin(int col, int row) {
        GeoTransform g = inner.geoTransform();
        double[] m = g.pixelToMap(col, row);
        double lon = m[0], lat = m[1];
        if (!toWgs84.isIdentity()) {
            double[] o = toWgs84.apply(m[0], m[1]);
            lon = o[0]; lat = o[1];
        }
        double dlon = xShift / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        double dlat = yShift / METERS_PER_DEGREE;
        lon -= dlon;
        lat -= dlat;
        double mx = lon, my = lat;
        if (!fromWgs84.isIdentity()) {
            double[] o = fromWgs84.apply(lon, lat);
            mx = Math.round(o[0]);
            my = Math.round(o[1]);
        }
        double[] p = g.mapToPixel(mx, my);
        return new int[] {(int) Math.round(p[0]), (int) Math.round(p[1])};
    }

    @Override public int width() { return inner.width(); }
    @Override public int height() { return inner.height(); }
    @Override public int bandCount() { return inner.bandCount(); }
    @Override public DataType dataType() { return inner.dataType(); }
    @Override public GeoTransform geoTransform() { return inner.geoTransform(); }
    @Override public OptionalInt epsg() { return inner.epsg(); }
    @Override public OptionalDouble nodata() { return inner.nodata(); }

    @Override
    public Raster read(Box window, int[] bands) {
        int[] o = shiftedOrigin(window.x(), window.y());
        return inner.read(new Box(o[0], o[1], window.width(), window.height()), bands);
    }

    @Override public void close() { inner.close(); }
}
