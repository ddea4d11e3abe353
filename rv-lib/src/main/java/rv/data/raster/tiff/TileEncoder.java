package rv.data.raster.tiff;

import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        if (tile.dataType() != type) throw new IllegalArgumentException("tile is " + tile.dataType() + ", expected " + type);
        byte[] raw = interleave(tile);
        if (predictor == 3) floatingPointPredictor(raw, tile.width(), tile.bands());
        return deflate ? deflate(raw, level) : raw;
    }

    /** Interleaves samples into little-endian bytes, applying predictor 2 on the fly. */
    private byte[] interleave(Raster t) {
        int w = t.width(), h = t.height(), n = t.bands();
        int plane = w * h;
        int bps = type.bytes();
        byte[] out = new byte[plane * n * bps];
        boolean diff = predictor == 2;
        switch (type) {
            case UINT8, INT8 -> {
                byte[] d = (byte[]) t.data();
                int o = 0;
                for (int y = 0; y < h; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < n; b++) {
                            int i = b * plane + row + x;
                            out[o++] = (byte) (diff && x > 0 ? d[i] - d[i - 1] : d[i]);
                        }
                    }
                }
            }
            case UINT16, INT16 -> {
                short[] d = (short[]) t.data();
                ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < h; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < n; b++) {
                            int i = b * plane + row + x;
                            bb.putShort((short) (diff && x > 0 ? d[i] - d[i - 1] : d[i]));
                        }
                    }
                }
            }
            case UINT32, INT32 -> {
                int[] d = (int[]) t.data();
                ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < h; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < n; b++) {
                            int i = b * plane + row + x;
                            bb.putInt(diff && x > 0 ? d[i] - d[i - 1] : d[i]);
                        }
                    }
                }
            }
            case FLOAT32 -> {
                float[] d = (float[]) t.data();
                ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < n; b++) bb.putInt(Float.floatToRawIntBits(d[b * plane + y * w + x]));
                    }
                }
            }
            case FLOAT64 -> {
                double[] d = (double[]) t.data();
                ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int b = 0; b < n; b++) bb.putLong(Double.doubleToRawLongBits(d[b * plane + y * w + x]));
                    }
                }
            }
        }
        return out;
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

    static byte[] deflate(byte[] in, int level) {
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
