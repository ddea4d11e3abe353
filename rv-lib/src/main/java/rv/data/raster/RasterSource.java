package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A lazily read, georeferenced raster: the JVM counterpart of Raster Vision's {@code RasterSource}
 * and of a rasterio dataset. Reads return only the window asked for; windows partly or wholly outside
 * the image are padded with nodata (or 0 when there is none).
 */
public interface RasterSource extends AutoCloseable {

    int width();

    int height();

    /** Number of bands (after any channel order / band selection of this source). */
    int bandCount();

    DataType dataType();

    GeoTransform geoTransform();

    /** EPSG code of the CRS where one applies; empty for non-georeferenced images or custom CRSs. */
    OptionalInt epsg();

    OptionalDouble nodata();

    /** Reads all bands of {@code window}. */
    default Raster read(Box window) {
        int[] all = new int[bandCount()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return read(window, all);
    }

    /** Reads the given 0-based bands of {@code window}, in the order given. */
    Raster read(Box window, int[] bands);

    /** The whole image as a window. */
    default Box extent() { return new Box(0, 0, width(), height()); }

    @Override
    void close();
}
