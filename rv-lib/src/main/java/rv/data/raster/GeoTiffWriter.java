package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One-call GeoTIFF writing on top of {@link TiledGeoTiffWriter}: an in-memory {@link Raster}, or a
 * whole {@link RasterSource} streamed one tile row at a time. Both write atomically.
 */
public final class GeoTiffWriter {
    private GeoTiffWriter() {}

    /** Writes {@code raster} with the given georeferencing ({@code epsg}, {@code nodata} may be null). */
    public static void write(Path path, Raster raster, GeoTransform geoTransform, Integer epsg, Double nodata,
                             GeoTiffWriteOptions options) {
        RasterProfile p = new RasterProfile(raster.width(), raster.height(), raster.bands(), raster.dataType(), geoTransform,
                epsg == null ? OptionalInt.empty() : OptionalInt.of(epsg),
                nodata == null ? OptionalDouble.empty() : OptionalDouble.of(nodata));
        write(path, raster, p, options);
    }

    /** Writes {@code raster}, whose size, bands and type must match {@code profile}. */
    public static void write(Path path, Raster raster, RasterProfile profile, GeoTiffWriteOptions options) {
        try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(path, profile, options)) {
            w.writeWindow(new Box(0, 0, raster.width(), raster.height()), raster);
        }
    }

    /** Copies all of {@code src} into a new GeoTIFF, reading one tile row of full width at a time. */
    public static void copy(RasterSource src, Path path, GeoTiffWriteOptions options) {
        RasterProfile p = RasterProfile.of(src);
        try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(path, p, options)) {
            int rows = options.tileSize();
            for (int y = 0; y < p.height(); y += rows) {
                Box strip = new Box(0, y, p.width(), Math.min(rows, p.height() - y));
                w.writeWindow(strip, src.read(strip));
            }
        }
    }
}
