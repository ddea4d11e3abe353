package rv.data.raster.tiff;

import rv.core.RvException;
import rv.data.raster.DataType;
import rv.io.RangeReader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * Turns one strip or tile of a {@link TiffImage} into pixels: reads its bytes, decompresses, undoes
 * the predictor and returns a pixel-interleaved primitive array ({@code blockHeight × blockWidth ×
 * bandsPerChunk}, the array type of {@link rv.data.raster.Raster}); keeping the file's interleaving
 * saves a full pass per tile, and window reads gather the bands they need. Safe to call from several threads;
 * scratch buffers are per thread.
 */
public final class ChunkDecoder {
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[3][]);
    /** Per-thread decoded samples of the slow path of {@link #decodeInto}. */
    private static final ThreadLocal<Object> SAMPLES = new ThreadLocal<>();

    private final TiffImage img;
    private final RangeReader in;
    private final int bytesPerSample;
    private final double fill;
    private final Class<?> arrayClass;
    /** Whether {@link #decodeInto} may inflate straight into a direct buffer (see there). */
    private final boolean fastPath;

    public ChunkDecoder(TiffImage img, RangeReader in) {
        this.img = img;
        this.in = in;
        this.bytesPerSample = img.dataType.bytes();
        this.fill = img.nodata.orElse(0);
        this.arrayClass = rv.data.raster.Raster.allocate(img.dataType, 0).getClass();
        this.fastPath = Codecs.NATIVE && img.predictor == 1
                && (img.compression == Compression.DEFLATE || img.compression == Compression.ADOBE_DEFLATE)
                && (bytesPerSample == 1 || img.order == ByteOrder.nativeOrder());
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

    /** Bytes of one decoded chunk in a tile buffer ({@link #decodeInto}). */
    public int chunkBytes() { return chunkLength() * bytesPerSample; }

    /**
     * Decodes chunk {@code index} into {@code target}: a buffer of at least {@link #chunkBytes()} bytes
     * (old content overwritten) that receives the samples pixel-interleaved, in the platform's byte
     * order, from index 0. Deflate tiles without a predictor, in the platform's byte order, take a
     * zero-copy path when libdeflate is available: the compressed bytes are read into native memory
     * and inflated straight into a direct {@code target}. Everything else is decoded into a per-thread
     * array and copied in.
     */
    public void decodeInto(int index, ByteBuffer target) throws IOException { decodeInto(index, target, in); }

    /**
     * {@link #decodeInto(int, ByteBuffer)} reading the chunk's bytes from {@code src}, a reader of the
     * same file (for example one holding bytes fetched ahead with a coalesced range request).
     */
    public void decodeInto(int index, ByteBuffer target, RangeReader src) throws IOException {
        checkSupported();
        if (target.capacity() < chunkBytes()) throw new IllegalArgumentException("tile buffer of " + target.capacity() + " bytes, need " + chunkBytes());
        if (fastPath && target.isDirect()) {
            long off = img.offsets[index], count = img.byteCounts[index];
            int blockRow = (index % img.chunksPerBand()) / img.blocksAcross;
            int expected = img.blockWidth * img.rowsInChunk(blockRow) * img.bandsPerChunk() * bytesPerSample;
            if (count > 0 && off != 0 && count <= Integer.MAX_VALUE - 16 && off + count <= in.size()) {
                int n;
                try {
                    n = LibDeflate.zlibDecompress(src, off, (int) count, target, expected);
                } catch (EOFException e) {
                    throw new RvException(img.name + ": corrupt or truncated TIFF: " + e.getMessage(), e);
                }
                if (n >= 0) {
                    if (n < chunkBytes()) zero(target, n, chunkBytes());
                    return;
                }
            }
        }
        Object samples = SAMPLES.get();
        if (samples == null || samples.getClass() != arrayClass || java.lang.reflect.Array.getLength(samples) < chunkLength()) {
            samples = rv.data.raster.Raster.allocate(img.dataType, chunkLength());
            SAMPLES.set(samples);
        }
        decode(index, samples, src);
        put(samples, chunkLength(), target);
    }

    private static void zero(ByteBuffer b, int from, int to) {
        ByteBuffer d = b.duplicate();
        d.position(from);
        byte[] zeros = new byte[Math.min(8192, to - from)];
        while (d.position() < to) d.put(zeros, 0, Math.min(zeros.length, to - d.position()));
    }

    /** Copies {@code n} samples of a primitive array into a native-order buffer from index 0. */
    static void put(Object samples, int n, ByteBuffer target) {
        ByteBuffer t = target.duplicate().order(ByteOrder.nativeOrder()).clear();
        if (samples instanceof byte[] a) t.put(a, 0, n);
        else if (samples instanceof short[] a) t.asShortBuffer().put(a, 0, n);
        else if (samples instanceof int[] a) t.asIntBuffer().put(a, 0, n);
        else if (samples instanceof float[] a) t.asFloatBuffer().put(a, 0, n);
        else t.asDoubleBuffer().put((double[]) samples, 0, n);
    }

    /** Decodes chunk {@code index} (see {@link TiffImage}) into a new array. */
    public Object decode(int index) throws IOException { return decode(index, null); }

    /**
     * Decodes chunk {@code index} into {@code target} (an array of {@link #chunkLength()} elements of
     * the raster's array type, whose old content is overwritten) or, when null, a new array.
     */
    public Object decode(int index, Object target) throws IOException { return decode(index, target, in); }

    private Object decode(int index, Object target, RangeReader in) throws IOException {
        checkSupported();
        int bw = img.blockWidth, nb = img.bandsPerChunk();
        int blockRow = (index % img.chunksPerBand()) / img.blocksAcross;
        int rows = img.rowsInChunk(blockRow);
        Object out = target != null ? target : rv.data.raster.Raster.allocate(img.dataType, chunkLength());
        long off = img.offsets[index], count = img.byteCounts[index];
        if (count == 0 || off == 0) { // sparse chunk: GDAL fills it with nodata (or 0)
            new rv.data.raster.Raster(bw, img.blockHeight, nb, img.dataType, out).fill(fill);
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
                    JpegCodec.decode(raw, (int) count, img.jpegTables, plain, bw, rows, nb, img.photometric == TiffTags.PHOTOMETRIC_YCBCR);
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
        toSamples(plain, order, img.predictor == 2, out, bw, rows, nb);
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

    /**
     * Interleaved bytes → interleaved samples of the raster's array type: one bulk byte-order
     * conversion, then predictor 2 (horizontal differencing, stride {@code nb}) in place.
     */
    private void toSamples(byte[] src, ByteOrder order, boolean pred2, Object out, int w, int rows, int nb) {
        int n = w * rows * nb;
        ByteBuffer bb = ByteBuffer.wrap(src, 0, n * bytesPerSample).order(order);
        int rowLen = w * nb;
        switch (bytesPerSample) {
            case 1 -> {
                byte[] v = (byte[]) out;
                System.arraycopy(src, 0, v, 0, n);
                if (pred2) for (int r = 0; r < rows; r++) for (int k = r * rowLen + nb; k < (r + 1) * rowLen; k++) v[k] += v[k - nb];
            }
            case 2 -> {
                short[] v = (short[]) out;
                bb.asShortBuffer().get(v, 0, n);
                if (pred2) for (int r = 0; r < rows; r++) for (int k = r * rowLen + nb; k < (r + 1) * rowLen; k++) v[k] += v[k - nb];
            }
            case 4 -> {
                if (out instanceof float[] f) {
                    bb.asFloatBuffer().get(f, 0, n);
                    if (pred2) { // integer differencing of the float bits, as libtiff does
                        for (int r = 0; r < rows; r++) {
                            for (int k = r * rowLen + nb; k < (r + 1) * rowLen; k++) {
                                f[k] = Float.intBitsToFloat(Float.floatToRawIntBits(f[k]) + Float.floatToRawIntBits(f[k - nb]));
                            }
                        }
                    }
                } else {
                    int[] v = (int[]) out;
                    bb.asIntBuffer().get(v, 0, n);
                    if (pred2) for (int r = 0; r < rows; r++) for (int k = r * rowLen + nb; k < (r + 1) * rowLen; k++) v[k] += v[k - nb];
                }
            }
            case 8 -> {
                double[] d = (double[]) out;
                bb.asDoubleBuffer().get(d, 0, n);
                if (pred2) {
                    for (int r = 0; r < rows; r++) {
                        for (int k = r * rowLen + nb; k < (r + 1) * rowLen; k++) {
                            d[k] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[k]) + Double.doubleToRawLongBits(d[k - nb]));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("bytes per sample " + bytesPerSample);
        }
    }

    /**
     * Copies {@code len} samples {@code src[srcOff], src[srcOff+stride], …} to {@code dst[dstOff..]}:
     * one band of one row of an interleaved chunk into a band-sequential raster.
     */
    static void gather(Object src, int srcOff, int stride, Object dst, int dstOff, int len) {
        if (stride == 1) { System.arraycopy(src, srcOff, dst, dstOff, len); return; }
        if (src instanceof short[] a) {
            short[] o = (short[]) dst;
            for (int x = 0, k = srcOff; x < len; x++, k += stride) o[dstOff + x] = a[k];
        } else if (src instanceof byte[] a) {
            byte[] o = (byte[]) dst;
            for (int x = 0, k = srcOff; x < len; x++, k += stride) o[dstOff + x] = a[k];
        } else if (src instanceof float[] a) {
            float[] o = (float[]) dst;
            for (int x = 0, k = srcOff; x < len; x++, k += stride) o[dstOff + x] = a[k];
        } else if (src instanceof int[] a) {
            int[] o = (int[]) dst;
            for (int x = 0, k = srcOff; x < len; x++, k += stride) o[dstOff + x] = a[k];
        } else {
            double[] a = (double[]) src, o = (double[]) dst;
            for (int x = 0, k = srcOff; x < len; x++, k += stride) o[dstOff + x] = a[k];
        }
    }
}
