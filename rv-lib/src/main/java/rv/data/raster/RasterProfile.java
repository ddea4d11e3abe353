package rv.data.raster;

import rv.core.GeoTransform;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a writer needs to know about a raster besides its pixels (like rasterio's profile): size,
 * band count, data type and georeferencing.
 *
 * @param geoTransform pixel→map affine in GDAL order ({@link GeoTransform#IDENTITY} when not georeferenced)
 * @param epsg         EPSG code of the CRS, empty when unknown
 * @param nodata       nodata value, empty when none
 */
public record RasterProfile(int width, int height, int bands, DataType dataType,
                            GeoTransform geoTransform, OptionalInt epsg, OptionalDouble nodata) {

    public RasterProfile {
        if (width <= 0 || height <= 0 || bands <= 0) {
            throw new IllegalArgumentException("raster size must be positive: " + width + "x" + height + "x" + bands);
        }
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(geoTransform, "geoTransform");
        Objects.requireNonNull(epsg, "epsg");
        Objects.requireNonNull(nodata, "nodata");
    }

    /** A profile for the given size and type, not georeferenced, without nodata. */
    public static RasterProfile of(int width, int height, int bands, DataType dataType) {
        return new RasterProfile(width, height, bands, dataType, GeoTransform.IDENTITY, OptionalInt.empty(), OptionalDouble.empty());
    }

    /** The profile of a source (all its bands). */
    public static RasterProfile of(RasterSource src) {
        return new RasterProfile(src.width(), src.height(), src.bandCount(), src.dataType(), src.geoTransform(), src.epsg(), src.nodata());
    }

    public RasterProfile withGeoTransform(GeoTransform gt) { return new RasterProfile(width, height, bands, dataType, gt, epsg, nodata); }

    public RasterProfile withEpsg(int code) { return new RasterProfile(width, height, bands, dataType, geoTransform, OptionalInt.of(code), nodata); }

    public RasterProfile withNodata(double v) { return new RasterProfile(width, height, bands, dataType, geoTransform, epsg, OptionalDouble.of(v)); }

    public RasterProfile withSize(int w, int h) { return new RasterProfile(w, h, bands, dataType, geoTransform, epsg, nodata); }

    public RasterProfile withBands(int n) { return new RasterProfile(width, height, n, dataType, geoTransform, epsg, nodata); }
}
