package rv.data.raster.tiff;

import rv.core.Box;
import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Turns one tile (a band-sequential {@link Raster} of exactly tile size) into the bytes stored in a
 * pixel-interleaved (PlanarConfiguration 1) little-endian TIFF: samples interleaved, the TIFF predictor
 * applied per row (2 = horizontal differencing, 3 = floating-point byte planes + differencing, as
 * libtiff does), then zlib-deflated when asked. Thread-safe: each call uses its own buffers.
 */
public final class TileEncoder {
    private final DataType type;
    private final int predictor;
    private final boolean deflate;
    private final int level;

    public TileEncoder(DataType type, int predictor, boolean deflate, int level) {
        this.type = type;
        this.predictor = predictor;
        this.deflate = deflate;
        this.level = level;
    }

    public byte[] encode(Raster tile) {
        return encode(tile, new Box(0, 0, tile.width(), tile.height()), tile.width(), tile.height());
    }

    /**
     * Encodes the pixels of {@code region} of {@code src} as one {@code tileWidth × tileHeight} tile
     * (region at the tile's top-left, the rest zero), without copying the region first.
     */
    public byte[] encode(Raster src, Box region, int tileWidth, int tileHeight) {
        if (src.dataType() != type) throw new IllegalArgumentException("tile is " + src.dataType() + ", expected " + type);
        byte[] raw = interleave(src, region, tileWidth, tileHeight);
        if (predictor == 3) floatingPointPredictor(raw, tileWidth, src.bands());
        return deflate ? deflate(raw, level) : raw;
    }

    /** Interleaves samples into little-endian bytes, applying predictor 2 on the fly; padding is zero. */
    private byte[] interleave(Raster t, Box region, int tw, int th) {
        int n = t.bands();
        int bps = type.bytes();
        int w = region.width(), h = region.height();
        if (w > tw || h > th) throw new IllegalArgumentException(region + " does not fit a " + tw + "x" + th + " tile");
        byte[] out = new byte[tw * th * n * bps];
        boolean diff = predictor == 2;
        int rowBytes = tw * n * bps;
        int plane = t.width() * t.height();
        Object data = t.data();
        for (int y = 0; y < h; y++) {
            int o = y * rowBytes;
            int rowStart = t.index(0, region.y() + y, region.x());
            for (int b = 0; b < n; b++) {
                int i0 = rowStart + b * plane;
                int oo = o + b * bps;
                int stride = n * bps;
                switch (type) {
                    case UINT8, INT8 -> {
                        byte[] d = (byte[]) data;
                        byte prev = 0;
                        for (int x = 0; x < w; x++, oo += stride) {
                            byte v = d[i0 + x];
                            out[oo] = diff ? (byte) (v - prev) : v;
                            prev = v;
                        }
                        if (diff && w < tw) out[oo] = (byte) -prev;
                    }
                    case UINT16, INT16 -> {
                        short[] d = (short[]) data;
                        int prev = 0;
                        for (int x = 0; x < w; x++, oo += stride) {
                            int v = d[i0 + x];
                            int e = diff ? v - prev : v;
                            out[oo] = (byte) e;
                            out[oo + 1] = (byte) (e >> 8);
                            prev = v;
                        }
                        if (diff && w < tw) {
                            out[oo] = (byte) -prev;
                            out[oo + 1] = (byte) (-prev >> 8);
                        }
                    }
                    case UINT32, INT32 -> {
                        int[] d = (int[]) data;
                        int prev = 0;
                        for (int x = 0; x < w; x++, oo += stride) {
                            int v = d[i0 + x];
                            putInt(out, oo, diff ? v - prev : v);
                            prev = v;
                        }
                        if (diff && w < tw) putInt(out, oo, -prev);
                    }
                    case FLOAT32 -> {
                        float[] d = (float[]) data;
                        for (int x = 0; x < w; x++, oo += stride) putInt(out, oo, Float.floatToRawIntBits(d[i0 + x]));
                    }
                    case FLOAT64 -> {
                        double[] d = (double[]) data;
                        for (int x = 0; x < w; x++, oo += stride) {
                            long v = Double.doubleToRawLongBits(d[i0 + x]);
                            putInt(out, oo, (int) v);
                            putInt(out, oo + 4, (int) (v >>> 32));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void putInt(byte[] out, int o, int v) {
        out[o] = (byte) v;
        out[o + 1] = (byte) (v >> 8);
        out[o + 2] = (byte) (v >> 16);
        out[o + 3] = (byte) (v >> 24);
    }

    /** libtiff's fpDiff per row: split samples into byte planes (most significant first), then byte differencing with stride = samples per pixel. */
    private void floatingPointPredictor(byte[] data, int width, int spp) {
        int bps = type.bytes();
        int wc = width * spp;
        int rowBytes = wc * bps;
        byte[] tmp = new byte[rowBytes];
        for (int r = 0; r < data.length; r += rowBytes) {
            System.arraycopy(data, r, tmp, 0, rowBytes);
            for (int i = 0; i < wc; i++) {
                for (int k = 0; k < bps; k++) {
                    data[r + (bps - 1 - k) * wc + i] = tmp[i * bps + k];
                }
            }
            for (int j = r + rowBytes - 1; j >= r + spp; j--) data[j] = (byte) (data[j] - data[j - spp]);
        }
    }

    /** Whether tiles are compressed with libdeflate (see {@link LibDeflateCompressor}) rather than {@link Deflater}. */
    public static final boolean NATIVE_DEFLATE = NativeDeflate.compressUsable();

    static byte[] deflate(byte[] in, int level) {
        return NATIVE_DEFLATE ? LibDeflateCompressor.compress(in, level) : deflateJdk(in, level);
    }

    /** {@link #deflate} with {@link Deflater} only. */
    static byte[] deflateJdk(byte[] in, int level) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(in);
            d.finish();
            byte[] out = new byte[in.length + in.length / 500 + 64];
            int n = 0;
            while (!d.finished()) {
                if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }
}
