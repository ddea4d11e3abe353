package rv.data.raster.tiff;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded set of reusable native contexts (libdeflate (de)compressors with their buffers), shared by
 * all threads: a caller borrows one for a single call and gives it back. At most {@code maxIdle} are
 * kept; any further one is freed on release, so native memory stays bounded however many threads come
 * and go.
 *
 * <p>Why not a {@code ThreadLocal}: common-pool {@code ForkJoinPool} workers erase their thread locals
 * after every task, so per-thread native state was re-created per parallel-stream task and its
 * libdeflate allocations (about 0.7 MB per compressor) were never freed — ~290 MB over one
 * 20000² PREDICT.
 */
final class NativePool<T> {
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int maxIdle;
    private final Supplier<T> factory;
    private final Consumer<T> free;

    NativePool(int maxIdle, Supplier<T> factory, Consumer<T> free) {
        this.maxIdle = maxIdle;
        this.factory = factory;
        this.free = free;
    }

    /** An idle context, or a new one when none is idle. */
    T acquire() {
        T t = idle.pollFirst();
        if (t == null) return factory.get();
        idleCount.decrementAndGet();
        return t;
    }

    /** Gives {@code t} back: kept for reuse, or freed when {@code maxIdle} are already idle. */
    void release(T t) {
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.offerFirst(t);
        } else {
            idleCount.decrementAndGet();
            free.accept(t);
        }
    }

    /** Contexts kept for all threads: one per core plus the read-ahead thread and a caller. */
    static int defaultMaxIdle() {
        return Runtime.getRuntime().availableProcessors() + 2;
    }
}
