package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A {@link RasterSource} over a {@link Raster} held in memory (tests, small results, notebooks). */
public final class InMemoryRasterSource implements RasterSource {
    private final Raster raster;
    private final RasterProfile profile;

    public InMemoryRasterSource(Raster raster, GeoTransform geoTransform, OptionalInt epsg, OptionalDouble nodata) {
        this.raster = raster;
        this.profile = new RasterProfile(raster.width(), raster.height(), raster.bands(), raster.dataType(), geoTransform, epsg, nodata);
    }

    public InMemoryRasterSource(Raster raster, RasterProfile profile) {
        this(raster, profile.geoTransform(), profile.epsg(), profile.nodata());
    }

    @Override public int width() { return raster.width(); }
    @Override public int height() { return raster.height(); }
    @Override public int bandCount() { return raster.bands(); }
    @Override public DataType dataType() { return raster.dataType(); }
    @Override public GeoTransform geoTransform() { return profile.geoTransform(); }
    @Override public OptionalInt epsg() { return profile.epsg(); }
    @Override public OptionalDouble nodata() { return profile.nodata(); }

    @Override
    public Raster read(Box window, int[] bands) {
        Raster out = Raster.filled(window.width(), window.height(), raster.bands(), raster.dataType(), profile.nodata().orElse(0));
        Box inside = window.intersection(extent());
        if (!inside.isEmpty()) raster.copyTo(inside, out, inside.x() - window.x(), inside.y() - window.y());
        return out.selectBands(bands);
    }

    @Override public void close() {}
}
