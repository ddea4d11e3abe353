package rv.data.raster.tiff;

import rv.core.RvException;
import rv.data.raster.DataType;
import rv.io.RangeReader;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * Turns one strip or tile of a {@link TiffImage} into pixels: reads its bytes, decompresses, undoes
 * the predictor and returns a band-sequential primitive array ({@code bandsPerChunk × blockHeight ×
 * blockWidth}, the array type of {@link rv.data.raster.Raster}). Safe to call from several threads;
 * scratch buffers are per thread.
 */
public final class ChunkDecoder {
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[3][]);

    private final TiffImage img;
    private final RangeReader in;
    private final int bytesPerSample;
    private final double fill;

    public ChunkDecoder(TiffImage img, RangeReader in) {
        this.img = img;
        this.in = in;
        this.bytesPerSample = img.dataType.bytes();
        this.fill = img.nodata.orElse(0);
    }

    public TiffImage image() { return img; }

    /** Throws the "unsupported compression" error if this file's codec cannot be decoded. */
    public void checkSupported() {
        if (!img.compression.isSupported()) {
            String n = img.compression == Compression.UNKNOWN ? "code " + img.compressionCode : img.compression.name();
            throw new RvException("unsupported compression " + n + " in " + img.name
                    + " (rv reads none, deflate, LZW, PackBits and JPEG; convert with gdal_translate -co COMPRESS=DEFLATE)");
        }
        if (img.predictor != 1 && img.predictor != 2 && img.predictor != 3) {
            throw new RvException("unsupported predictor " + img.predictor + " in " + img.name);
        }
        if (img.compression == Compression.JPEG && img.dataType != DataType.UINT8) {
            throw new RvException("unsupported JPEG with " + img.dataType.numpyName() + " samples in " + img.name);
        }
    }

    /** Number of array elements of one decoded chunk. */
    public int chunkLength() { return img.bandsPerChunk() * img.blockWidth * img.blockHeight; }

    /** Decodes chunk {@code index} (see {@link TiffImage}). */
    public Object decode(int index) throws IOException {
        checkSupported();
        int bw = img.blockWidth, nb = img.bandsPerChunk();
        int blockRow = (index % img.chunksPerBand()) / img.blocksAcross;
        int rows = img.rowsInChunk(blockRow);
        Object out = rv.data.raster.Raster.allocate(img.dataType, chunkLength());
        long off = img.offsets[index], count = img.byteCounts[index];
        if (count == 0 || off == 0) { // sparse chunk: GDAL fills it with nodata (or 0)
            if (fill != 0) new rv.data.raster.Raster(bw, img.blockHeight, nb, img.dataType, out).fill(fill);
            return out;
        }
        if (count > Integer.MAX_VALUE - 16) throw new RvException(img.name + ": chunk " + index + " is larger than 2 GB");
        if (off + count > in.size()) {
            throw new RvException(img.name + ": corrupt or truncated TIFF: " + (img.tiled ? "tile " : "strip ") + index
                    + " at bytes " + off + ".." + (off + count) + " is past the end of the file (" + in.size() + " bytes)");
        }
        byte[][] scratch = SCRATCH.get();
        int expected = bw * rows * nb * bytesPerSample;
        byte[] raw = scratch[0] = grow(scratch[0], (int) count);
        try {
            in.readFully(off, raw, 0, (int) count);
        } catch (EOFException e) {
            throw new RvException(img.name + ": corrupt or truncated TIFF: " + e.getMessage(), e);
        }
        byte[] plain;
        int n;
        switch (img.compression) {
            case NONE -> { plain = raw; n = (int) Math.min(count, expected); }
            case DEFLATE, ADOBE_DEFLATE -> {
                plain = scratch[1] = grow(scratch[1], expected);
                try {
                    n = Codecs.inflate(raw, (int) count, plain, expected);
                } catch (DataFormatException e) {
                    throw new RvException(img.name + ": corrupt deflate data in chunk " + index + ": " + e.getMessage(), e);
                }
            }
            case LZW -> { plain = scratch[1] = grow(scratch[1], expected); n = Codecs.unLzw(raw, (int) count, plain, expected); }
            case PACKBITS -> { plain = scratch[1] = grow(scratch[1], expected); n = Codecs.unpackBits(raw, (int) count, plain, expected); }
            case JPEG -> {
                plain = scratch[1] = grow(scratch[1], expected);
                Arrays.fill(plain, 0, expected, (byte) 0);
                try {
                    JpegCodec.decode(raw, (int) count, img.jpegTables, plain, bw, rows, nb, img.photometric == TiffTag.PHOTOMETRIC_YCBCR);
                } catch (IOException | RuntimeException e) {
                    throw new RvException(img.name + ": corrupt JPEG data in chunk " + index + ": " + e.getMessage(), e);
                }
                n = expected;
            }
            default -> throw new IllegalStateException("unreachable: " + img.compression);
        }
        if (n < expected) {
            if (plain == raw) { plain = scratch[1] = grow(scratch[1], expected); System.arraycopy(raw, 0, plain, 0, n); }
            Arrays.fill(plain, n, expected, (byte) 0);
        }
        ByteOrder order = img.order;
        if (img.predictor == 3) {
            byte[] tmp = scratch[2] = grow(scratch[2], expected);
            undoFloatPredictor(plain, tmp, bw * nb, rows, nb, bytesPerSample);
            plain = tmp;
            order = ByteOrder.BIG_ENDIAN;
        }
        toBandSequential(plain, order, img.predictor == 2, out, bw, rows, nb, img.blockHeight);
        return out;
    }

    private static byte[] grow(byte[] b, int n) {
        return b != null && b.length >= n ? b : new byte[Math.max(n, b == null ? 0 : b.length + b.length / 2)];
    }

    /**
     * Floating-point predictor (TIFF Technical Note 3): each row is byte-differenced with stride
     * {@code nb}, then its bytes are grouped by significance (most significant first). Writes the
     * row's samples as big-endian values into {@code dst}.
     */
    static void undoFloatPredictor(byte[] src, byte[] dst, int valuesPerRow, int rows, int stride, int bps) {
        int rowBytes = valuesPerRow * bps;
        for (int r = 0; r < rows; r++) {
            int base = r * rowBytes;
            for (int i = base + stride; i < base + rowBytes; i++) src[i] += src[i - stride];
            for (int v = 0; v < valuesPerRow; v++) {
                for (int k = 0; k < bps; k++) dst[base + v * bps + k] = src[base + k * valuesPerRow + v];
            }
        }
    }

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Pixel-interleaved bytes → band-sequential array, undoing horizontal differencing (predictor 2)
     * on the way. {@code plane} uses the full block height so every chunk has the same shape.
     */
    private void toBandSequential(byte[] src, ByteOrder order, boolean pred2, Object out, int w, int rows, int nb, int blockH) {
        int plane = w * blockH;
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        switch (bytesPerSample) {
            case 1 -> {
                byte[] o = (byte[]) out;
                if (nb == 1 && !pred2) { System.arraycopy(src, 0, o, 0, w * rows); return; }
                for (int r = 0; r < rows; r++) {
                    int si = r * w * nb, ro = r * w;
                    for (int s = 0; s < nb; s++) {
                        byte acc = 0;
                        int d = s * plane + ro;
                        for (int x = 0, i = si + s; x < w; x++, i += nb) {
                            byte v = src[i];
                            if (pred2) { acc += v; v = acc; }
                            o[d + x] = v;
                        }
                    }
                }
            }
            case 2 -> {
                short[] o = (short[]) out;
                VarHandle vh = le ? SHORT_LE : SHORT_BE;
                for (int r = 0; r < rows; r++) {
                    int si = r * w * nb, ro = r * w;
                    for (int s = 0; s < nb; s++) {
                        short acc = 0;
                        int d = s * plane + ro;
                        for (int x = 0, i = (si + s) * 2, step = nb * 2; x < w; x++, i += step) {
                            short v = (short) vh.get(src, i);
                            if (pred2) { acc += v; v = acc; }
                            o[d + x] = v;
                        }
                    }
                }
            }
            case 4 -> {
                VarHandle vh = le ? INT_LE : INT_BE;
                int[] ints = out instanceof int[] a ? a : null;
                float[] floats = out instanceof float[] f ? f : null;
                for (int r = 0; r < rows; r++) {
                    int si = r * w * nb, ro = r * w;
                    for (int s = 0; s < nb; s++) {
                        int acc = 0;
                        int d = s * plane + ro;
                        for (int x = 0, i = (si + s) * 4, step = nb * 4; x < w; x++, i += step) {
                            int v = (int) vh.get(src, i);
                            if (pred2) { acc += v; v = acc; }
                            if (ints != null) ints[d + x] = v; else floats[d + x] = Float.intBitsToFloat(v);
                        }
                    }
                }
            }
            case 8 -> {
                VarHandle vh = le ? LONG_LE : LONG_BE;
                double[] o = (double[]) out;
                for (int r = 0; r < rows; r++) {
                    int si = r * w * nb, ro = r * w;
                    for (int s = 0; s < nb; s++) {
                        long acc = 0;
                        int d = s * plane + ro;
                        for (int x = 0, i = (si + s) * 8, step = nb * 8; x < w; x++, i += step) {
                            long v = (long) vh.get(src, i);
                            if (pred2) { acc += v; v = acc; }
                            o[d + x] = Double.longBitsToDouble(v);
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("bytes per sample " + bytesPerSample);
        }
    }
}
