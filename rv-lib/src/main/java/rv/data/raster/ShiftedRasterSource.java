package rv.data.raster;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import rv.core.Box;
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
    private final CoordinateTransform toWgs84;
    private final CoordinateTransform fromWgs84;

    public ShiftedRasterSource(RasterSource inner, double xShiftMeters, double yShiftMeters) {
        this.inner = inner;
        this.xShift = xShiftMeters;
        this.yShift = yShiftMeters;
        int epsg = inner.epsg().orElse(4326);
        if (epsg == 4326) {
            toWgs84 = null;
            fromWgs84 = null;
        } else {
            CRSFactory f = new CRSFactory();
            CoordinateReferenceSystem crs = f.createFromName("EPSG:" + epsg);
            CoordinateReferenceSystem wgs = f.createFromName("EPSG:4326");
            CoordinateTransformFactory tf = new CoordinateTransformFactory();
            toWgs84 = tf.createTransform(crs, wgs);
            fromWgs84 = tf.createTransform(wgs, crs);
        }
    }

    /** Top-left pixel that a window at (col, row) is read from. */
    public int[] shiftedOrigin(int col, int row) {
        GeoTransform g = inner.geoTransform();
        double[] m = g.pixelToMap(col, row);
        double lon = m[0], lat = m[1];
        if (toWgs84 != null) {
            ProjCoordinate o = toWgs84.transform(new ProjCoordinate(m[0], m[1]), new ProjCoordinate());
            lon = o.x; lat = o.y;
        }
        double dlon = xShift / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        double dlat = yShift / METERS_PER_DEGREE;
        lon -= dlon;
        lat -= dlat;
        double mx = lon, my = lat;
        if (fromWgs84 != null) {
            ProjCoordinate o = fromWgs84.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
            mx = Math.round(o.x);
            my = Math.round(o.y);
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
