package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.PixelFeature;
import rv.data.vector.Rasterizer;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A one-band uint8 class raster made on demand from vector labels, on the grid of the scene's image
 * (Raster Vision's {@code RasterizedSource}). Any window can be read, including windows that extend
 * past the image; pixels are burned in feature order (later features win) over the background class,
 * following GDAL's rules (see {@link Rasterizer}).
 */
public final class RasterizedSource implements RasterSource {
    private final GeoJsonVectorSource vectors;
    private final RasterizerOptions options;
    private final int width;
    private final int height;
    private final Rasterizer rasterizer;

    public RasterizedSource(GeoJsonVectorSource vectors, RasterizerOptions options, int width, int height) {
        this.vectors = vectors;
        this.options = options;
        this.width = width;
        this.height = height;
        GeoTransform gt = vectors.transformer().geoTransform();
        this.rasterizer = new Rasterizer(width, height, gt.c1() * gt.c5() - gt.c2() * gt.c4() < 0);
    }

    /** On the grid of {@code like} (size, geotransform, CRS). */
    public static RasterizedSource like(RasterSource like, GeoJsonVectorSource vectors, RasterizerOptions options) {
        return new RasterizedSource(vectors, options, like.width(), like.height());
    }

    public GeoJsonVectorSource vectorSource() { return vectors; }

    public RasterizerOptions options() { return options; }

    @Override public int width() { return width; }

    @Override public int height() { return height; }

    @Override public int bandCount() { return 1; }

    @Override public DataType dataType() { return DataType.UINT8; }

    @Override public GeoTransform geoTransform() { return vectors.transformer().geoTransform(); }

    @Override public OptionalInt epsg() { return OptionalInt.of(vectors.transformer().crs().epsg()); }

    @Override public OptionalDouble nodata() { return OptionalDouble.empty(); }

    @Override
    public Raster read(Box window, int[] bands) {
        for (int b : bands) {
            if (b != 0) throw new IllegalArgumentException("a rasterized source has one band (index 0), asked for " + b);
        }
        byte[] data = new byte[Math.multiplyExact(Math.multiplyExact(window.width(), window.height()), bands.length)];
        byte[] plane = bands.length == 1 ? data : new byte[window.width() * window.height()];
        if (options.backgroundClassId() != 0) java.util.Arrays.fill(plane, (byte) options.backgroundClassId());
        checkClassIds();
        for (PixelFeature f : vectors.pixelFeaturesNear(window, options.allTouched() ? 1 : 0.5)) {
            rasterizer.burn(f.geometry(), f.classId(), options.allTouched(), plane, window);
        }
        if (plane != data) for (int i = 0; i < bands.length; i++) System.arraycopy(plane, 0, data, i * plane.length, plane.length);
        return new Raster(window.width(), window.height(), bands.length, DataType.UINT8, data);
    }

    private volatile boolean checked;

    /** Every class id must fit the uint8 raster; checked once over all features so errors come early. */
    private void checkClassIds() {
        if (checked) return;
        for (PixelFeature f : vectors.pixelFeatures()) {
            if (f.classId() < 0 || f.classId() > 255) {
                throw new rv.core.RvException(vectors.name() + ": class_id " + f.classId() + " (feature "
                        + (f.source().id() == null ? f.source().properties() : "id " + f.source().id())
                        + ") does not fit a uint8 class raster; use class ids 0-255");
            }
        }
        checked = true;
    }

    @Override public void close() {}
}
