package rv.data.raster.tiff;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * JPEG-in-TIFF (compression 7) through the JDK's JPEG decoder. The tile's abbreviated stream is
 * joined with the shared JPEGTables; YCbCr data is converted to RGB by the decoder, as GDAL does.
 */
final class JpegCodec {
    private JpegCodec() {}

    static { ImageIO.setUseCache(false); }

    private static final ThreadLocal<ImageReader> READER = ThreadLocal.withInitial(() -> {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        if (!it.hasNext()) throw new IllegalStateException("the JDK has no JPEG ImageIO reader");
        return it.next();
    });

    /**
     * Decodes one chunk into pixel-interleaved 8-bit samples {@code dst} of {@code width × rows × bands}.
     * @param ycbcr whether the TIFF says the data is YCbCr (then the decoder's RGB conversion is wanted)
     */
    static void decode(byte[] src, int srcLen, byte[] tables, byte[] dst, int width, int rows, int bands, boolean ycbcr)
            throws IOException {
        byte[] stream = join(tables, src, srcLen);
        ImageReader r = READER.get();
        try (ImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            r.setInput(iis, true, true);
            Raster ras;
            if (ycbcr) {
                BufferedImage img = r.read(0);
                ras = img.getRaster();
            } else {
                ras = r.readRaster(0, null);
            }
            int w = Math.min(width, ras.getWidth()), h = Math.min(rows, ras.getHeight());
            int nb = Math.min(bands, ras.getNumBands());
            int[] px = ras.getPixels(ras.getMinX(), ras.getMinY(), w, h, (int[]) null);
            int srcBands = ras.getNumBands();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int si = (y * w + x) * srcBands, di = (y * width + x) * bands;
                    for (int b = 0; b < nb; b++) dst[di + b] = (byte) px[si + b];
                }
            }
        } finally {
            r.reset();
        }
    }

    /** Tables stream (SOI … EOI) + tile stream (SOI … EOI) → one stream: tables without EOI, tile without SOI. */
    private static byte[] join(byte[] tables, byte[] src, int srcLen) {
        if (tables == null || tables.length < 4) {
            byte[] s = new byte[srcLen];
            System.arraycopy(src, 0, s, 0, srcLen);
            return s;
        }
        int tl = tables.length - 2; // drop EOI
        byte[] out = new byte[tl + srcLen - 2];
        System.arraycopy(tables, 0, out, 0, tl);
        System.arraycopy(src, 2, out, tl, srcLen - 2);
        return out;
    }
}
