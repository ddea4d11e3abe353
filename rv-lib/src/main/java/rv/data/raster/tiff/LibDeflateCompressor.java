package rv.data.raster.tiff;

import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

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
    private static final MethodHandle BOUND;
    private static final MethodHandle COMPRESS;

    static {
        LibDeflate.check(); // loads libdeflate or throws
        SymbolLookup lookup = SymbolLookup.loaderLookup();
        CLinker c = CLinker.getInstance();
        ALLOC = c.downcallHandle(lookup.lookup("libdeflate_alloc_compressor").orElseThrow(),
                MethodType.methodType(MemoryAddress.class, int.class), FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_INT));
        BOUND = c.downcallHandle(lookup.lookup("libdeflate_zlib_compress_bound").orElseThrow(),
                MethodType.methodType(long.class, MemoryAddress.class, long.class),
                FunctionDescriptor.of(CLinker.C_LONG, CLinker.C_POINTER, CLinker.C_LONG));
        COMPRESS = c.downcallHandle(lookup.lookup("libdeflate_zlib_compress").orElseThrow(),
                MethodType.methodType(long.class, MemoryAddress.class, MemoryAddress.class, long.class, MemoryAddress.class, long.class),
                FunctionDescriptor.of(CLinker.C_LONG, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG, CLinker.C_POINTER, CLinker.C_LONG));
    }

    /** Per-thread compressors (one per level) and native buffers; a libdeflate compressor is single-threaded. */
    private static final class State {
        final MemoryAddress[] compressors = new MemoryAddress[13];
        final ResourceScope scope = ResourceScope.newImplicitScope();
        MemorySegment in = MemorySegment.allocateNative(1, scope);
        MemorySegment out = MemorySegment.allocateNative(1, scope);

        MemoryAddress compressor(int level) {
            if (compressors[level] == null) {
                try {
                    compressors[level] = (MemoryAddress) ALLOC.invokeExact(level);
                } catch (Throwable t) {
                    throw new IllegalStateException("libdeflate_alloc_compressor failed", t);
                }
                if (compressors[level].equals(MemoryAddress.NULL)) throw new IllegalStateException("libdeflate_alloc_compressor returned NULL");
            }
            return compressors[level];
        }
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private LibDeflateCompressor() {}

    /** Forces class initialisation; throws if the fast path is unavailable. */
    static void check() {
        compress(new byte[] {1, 2, 3}, 6);
    }

    /** A zlib stream of {@code in} at {@code level} (1..12). */
    static byte[] compress(byte[] in, int level) {
        State s = STATE.get();
        MemoryAddress comp = s.compressor(level);
        try {
            long bound = (long) BOUND.invokeExact(comp, (long) in.length);
            if (s.in.byteSize() < in.length) s.in = MemorySegment.allocateNative(Math.max(in.length, s.in.byteSize() * 3 / 2), s.scope);
            if (s.out.byteSize() < bound) s.out = MemorySegment.allocateNative(Math.max(bound, s.out.byteSize() * 3 / 2), s.scope);
            s.in.asSlice(0, in.length).copyFrom(MemorySegment.ofArray(in));
            long n = (long) COMPRESS.invokeExact(comp, s.in.address(), (long) in.length, s.out.address(), s.out.byteSize());
            if (n <= 0) throw new IllegalStateException("libdeflate_zlib_compress failed");
            byte[] result = new byte[(int) n];
            MemorySegment.ofArray(result).copyFrom(s.out.asSlice(0, n));
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_zlib_compress failed", t);
        }
    }

}
