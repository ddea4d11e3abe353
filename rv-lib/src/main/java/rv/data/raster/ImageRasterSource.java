package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;
import rv.core.RvException;
import rv.io.FileSystems;
import rv.io.RangeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A non-georeferenced PNG or JPEG image (identity transform, no CRS), decoded once into memory with
 * ImageIO; such images are small compared with GeoTIFF scenes.
 */
public final class ImageRasterSource implements RasterSource {
    private final String uri;
    private final Raster pixels;

    private ImageRasterSource(String uri, Raster pixels) { this.uri = uri; this.pixels = pixels; }

    public static ImageRasterSource open(String uri) {
        byte[] bytes;
        try (RangeReader in = FileSystems.open(uri)) {
            if (in.size() > Integer.MAX_VALUE - 16) throw new RvException(uri + ": image larger than 2 GB; convert it to a tiled GeoTIFF");
            bytes = in.read(0, (int) in.size());
        } catch (IOException e) {
            throw new RvException("cannot read " + uri + ": " + e.getMessage(), e);
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new RvException(uri + ": corrupt image: " + e.getMessage(), e);
        }
        if (img == null) throw new RvException(uri + ": not an image rv can read (GeoTIFF, PNG or JPEG)");
        java.awt.image.Raster r = img.getRaster();
        int w = r.getWidth(), h = r.getHeight(), nb = r.getNumBands();
        boolean wide = r.getTransferType() == DataBuffer.TYPE_USHORT;
        Raster out = Raster.zeros(w, h, nb, wide ? DataType.UINT16 : DataType.UINT8);
        int[] row = new int[w];
        for (int b = 0; b < nb; b++) {
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, b, row);
                int base = out.index(b, y, 0);
                if (wide) { short[] d = (short[]) out.data(); for (int x = 0; x < w; x++) d[base + x] = (short) row[x]; }
                else { byte[] d = (byte[]) out.data(); for (int x = 0; x < w; x++) d[base + x] = (byte) row[x]; }
            }
        }
        return new ImageRasterSource(uri, out);
    }

    @Override public int width() { return pixels.width(); }
    @Override public int height() { return pixels.height(); }
    @Override public int bandCount() { return pixels.bands(); }
    @Override public DataType dataType() { return pixels.dataType(); }
    @Override public GeoTransform geoTransform() { return GeoTransform.IDENTITY; }
    @Override public OptionalInt epsg() { return OptionalInt.empty(); }
    @Override public OptionalDouble nodata() { return OptionalDouble.empty(); }

    @Override
    public Raster read(Box window, int[] bands) {
        Raster sel = pixels.selectBands(bands);
        Raster out = Raster.zeros(window.width(), window.height(), bands.length, pixels.dataType());
        out.paste(sel, -window.x(), -window.y());
        return out;
    }

    @Override public void close() {}

    @Override public String toString() { return "ImageRasterSource[" + uri + "]"; }
}
