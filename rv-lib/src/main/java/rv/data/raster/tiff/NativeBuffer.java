package rv.data.raster.tiff;

import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * A growable native buffer that frees its memory as soon as it is replaced or closed (its own shared
 * scope), rather than when the garbage collector gets round to an implicit scope.
 */
final class NativeBuffer implements AutoCloseable {
    private ResourceScope scope = ResourceScope.newSharedScope();
    private MemorySegment segment = MemorySegment.allocateNative(1, scope);

    /** A segment of at least {@code bytes}, grown by half again when too small (old contents dropped). */
    MemorySegment atLeast(long bytes) {
        if (segment.byteSize() < bytes) {
            long size = Math.max(bytes, segment.byteSize() * 3 / 2);
            scope.close();
            scope = ResourceScope.newSharedScope();
            segment = MemorySegment.allocateNative(size, scope);
        }
        return segment;
    }

    @Override
    public void close() {
        scope.close();
    }
}
