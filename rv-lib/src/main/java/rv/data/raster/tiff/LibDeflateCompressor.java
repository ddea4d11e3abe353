package rv.data.raster.tiff;

import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * Optional fast path for writing: zlib compression with the system's libdeflate (what GDAL uses;
 * several times faster than {@link java.util.zip.Deflater} at the same level), through the JDK 17
 * foreign-function API. Loaded only after {@link LibDeflate} found and loaded the library, and only
 * when the JVM runs with {@code --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED}
 * (as {@code bin/rv} does); otherwise {@link TileEncoder} falls back to {@code Deflater}. Disabled
 * with {@code -Drv.libdeflate=false}.
 */
final class LibDeflateCompressor {
    private static final MethodHandle ALLOC;
    private static final MethodHandle FREE;
    private static final MethodHandle BOUND;
    private static final MethodHandle COMPRESS;

    static {
        LibDeflate.check(); // loads libdeflate or throws
        ALLOC = LibDeflate.function("libdeflate_alloc_compressor",
                MethodType.methodType(MemoryAddress.class, int.class), FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_INT));
        FREE = LibDeflate.freeFunction("libdeflate_free_compressor");
        BOUND = LibDeflate.function("libdeflate_zlib_compress_bound",
                MethodType.methodType(long.class, MemoryAddress.class, long.class),
                FunctionDescriptor.of(CLinker.C_LONG, CLinker.C_POINTER, CLinker.C_LONG));
        COMPRESS = LibDeflate.function("libdeflate_zlib_compress",
                MethodType.methodType(long.class, MemoryAddress.class, MemoryAddress.class, long.class, MemoryAddress.class, long.class),
                FunctionDescriptor.of(CLinker.C_LONG, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG, CLinker.C_POINTER, CLinker.C_LONG));
    }

    /** Compressors (one per level, made on first use) and native buffers; used by one thread at a time. */
    private static final class State implements AutoCloseable {
        final MemoryAddress[] compressors = new MemoryAddress[13];
        final NativeBuffer in = new NativeBuffer();
        final NativeBuffer out = new NativeBuffer();

        MemoryAddress compressor(int level) {
            if (compressors[level] == null) {
                MemoryAddress c;
                try {
                    c = (MemoryAddress) ALLOC.invokeExact(level);
                } catch (Throwable t) {
                    throw new IllegalStateException("libdeflate_alloc_compressor failed", t);
                }
                if (c.equals(MemoryAddress.NULL)) throw new IllegalStateException("libdeflate_alloc_compressor returned NULL");
                compressors[level] = c;
            }
            return compressors[level];
        }

        @Override
        public void close() {
            for (MemoryAddress c : compressors) if (c != null) LibDeflate.free(FREE, c);
            in.close();
            out.close();
        }
    }

    private static final NativePool<State> POOL = new NativePool<>(NativePool.defaultMaxIdle(), State::new, State::close);

    private LibDeflateCompressor() {}

    /** Forces class initialisation; throws if the fast path is unavailable. */
    static void check() {
        compress(new byte[] {1, 2, 3}, 6);
    }

    /** A zlib stream of {@code in} at {@code level} (1..12). */
    static byte[] compress(byte[] in, int level) {
        State s = POOL.acquire();
        try {
            MemoryAddress comp = s.compressor(level);
            long bound = (long) BOUND.invokeExact(comp, (long) in.length);
            MemorySegment src = s.in.atLeast(in.length), dst = s.out.atLeast(bound);
            src.asSlice(0, in.length).copyFrom(MemorySegment.ofArray(in));
            long n = (long) COMPRESS.invokeExact(comp, src.address(), (long) in.length, dst.address(), dst.byteSize());
            if (n <= 0) throw new IllegalStateException("libdeflate_zlib_compress failed");
            byte[] result = new byte[(int) n];
            MemorySegment.ofArray(result).copyFrom(dst.asSlice(0, n));
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_zlib_compress failed", t);
        } finally {
            POOL.release(s);
        }
    }

}
