package rv.data.raster.tiff;

import rv.data.raster.DataType;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Decoded tiles as the cache keeps them: native-order {@link ByteBuffer}s, direct (outside the Java
 * heap) where the JVM allows, so a large tile cache neither grows the heap nor costs the GC anything,
 * and libdeflate can inflate straight into them. Helpers to copy row spans out of them.
 */
final class TileRows {
    private static final ThreadLocal<Object[]> SCRATCH = ThreadLocal.withInitial(() -> new Object[DataType.values().length]);

    private TileRows() {}


    /**
     * A native-order buffer of {@code bytes}: direct, or on the heap when tiles already hold 90% of the
     * JVM's direct memory ({@code -XX:MaxDirectMemorySize}, by default the maximum heap size).
     */
    static ByteBuffer allocate(int bytes) {
        ByteBuffer b = null;
        // Stay below the JVM's direct-memory limit: past it, allocateDirect runs System.gc() and
        // sleeps before failing.
        if (DIRECT_BYTES.addAndGet(bytes) <= DIRECT_LIMIT) {
            try {
                b = ByteBuffer.allocateDirect(bytes);
                CLEANER.register(b, () -> DIRECT_BYTES.addAndGet(-bytes));
            } catch (OutOfMemoryError e) {
                b = null;
            }
        }
        if (b == null) {
            DIRECT_BYTES.addAndGet(-bytes);
            b = ByteBuffer.allocate(bytes);
        }
        return b.order(ByteOrder.nativeOrder());
    }

    private static final java.util.concurrent.atomic.AtomicLong DIRECT_BYTES = new java.util.concurrent.atomic.AtomicLong();
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
    /** 90% of {@code -XX:MaxDirectMemorySize} (by default the maximum heap size). */
    private static final long DIRECT_LIMIT = rv.data.raster.TileCache.maxDirectMemory() / 10 * 9;

    /** A typed view (index 0 = first sample) of a tile buffer holding samples of {@code type}. */
    static Buffer view(ByteBuffer tile, DataType type) {
        ByteBuffer b = tile.duplicate().order(ByteOrder.nativeOrder()).clear();
        return switch (type) {
            case UINT8, INT8 -> b;
            case UINT16, INT16 -> b.asShortBuffer();
            case UINT32, INT32 -> b.asIntBuffer();
            case FLOAT32 -> b.asFloatBuffer();
            case FLOAT64 -> b.asDoubleBuffer();
        };
    }

    /** Copies {@code len} samples from {@code view[index..]} into the primitive array {@code dst[off..]}. */
    static void get(Buffer view, int index, Object dst, int off, int len) {
        if (view instanceof ShortBuffer v) v.get(index, (short[]) dst, off, len);
        else if (view instanceof ByteBuffer v) v.get(index, (byte[]) dst, off, len);
        else if (view instanceof FloatBuffer v) v.get(index, (float[]) dst, off, len);
        else if (view instanceof IntBuffer v) v.get(index, (int[]) dst, off, len);
        else ((DoubleBuffer) view).get(index, (double[]) dst, off, len);
    }

    /** A per-thread array of at least {@code n} samples of {@code type} (content undefined). */
    static Object scratch(DataType type, int n) {
        Object[] s = SCRATCH.get();
        Object a = s[type.ordinal()];
        if (a == null || java.lang.reflect.Array.getLength(a) < n) {
            a = rv.data.raster.Raster.allocate(type, Math.max(n, 4096));
            s[type.ordinal()] = a;
        }
        return a;
    }
}
