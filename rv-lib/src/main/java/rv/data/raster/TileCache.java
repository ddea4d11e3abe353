package rv.data.raster;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process-wide LRU cache of decoded raster chunks (tiles or strips), bounded in bytes. Keys are
 * (source id, chunk index); each open source takes a fresh id, so a reopened file starts cold.
 * The capacity comes from the system property {@code rv.tileCacheMb} or {@link #setCapacityMb};
 * by default it is 5% of physical memory, as GDAL's {@code GDAL_CACHEMAX}, but at least 64 MB and at
 * most 720 MB, so that with {@code bin/rv}'s JVM flags a process that fills it stays under 1 GB
 * resident, and at most 3/4 of the JVM's direct-memory limit ({@link #defaultCapacityMb}).
 *
 * <p>Readers pin the chunks they copy from ({@link #acquire}/{@link #release}); arrays of evicted,
 * unpinned chunks (and of closed sources) are kept for the next decode ({@link #recycled}) so a busy
 * cache neither churns old-generation garbage nor makes the GC copy fresh tiles. Cached plus kept
 * arrays never exceed the capacity. Chunks may be primitive arrays or {@link java.nio.ByteBuffer}s
 * (GeoTIFF tiles live in direct buffers, outside the Java heap; see {@code GeoTiffRasterSource}).
 */
public final class TileCache {
    private static final TileCache GLOBAL = new TileCache(Long.getLong("rv.tileCacheMb", defaultCapacityMb()) << 20);
    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();

    /** A cached chunk; valid to read while pinned. */
    public static final class Handle {
        private final Object data;
        private final long bytes;
        private int pins;
        private boolean evicted;

        private Handle(Object data, long bytes) { this.data = data; this.bytes = bytes; }

        public Object data() { return data; }
    }

    private final LinkedHashMap<Long, Handle> map = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<FreeKey, ArrayDeque<Object>> free = new HashMap<>();
    private long freeBytes;
    private long capacity;
    private long used;
    private long hits;
    private long misses;

    public TileCache(long capacityBytes) { this.capacity = Math.max(0, capacityBytes); }

    public static TileCache global() { return GLOBAL; }

    /**
     * 5% of physical memory (256 MB where the JVM cannot tell), clamped to 64..720 MB and to 3/4 of
     * the JVM's direct-memory limit (by default its maximum heap), where GeoTIFF tiles live.
     */
    public static long defaultCapacityMb() {
        long physical = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        long mb = physical <= 0 ? 256 : Math.max(64, Math.min(720, physical / 20 >> 20));
        return Math.min(mb, maxDirectMemory() / 4 * 3 >> 20);
    }

    /** {@code -XX:MaxDirectMemorySize}, or the JVM's default for it (the maximum heap size). */
    public static long maxDirectMemory() {
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            long v = Long.parseLong(bean.getVMOption("MaxDirectMemorySize").getValue());
            if (v > 0) return v;
        } catch (RuntimeException e) { // not HotSpot: assume the default
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** A new id for a source's keys. */
    public static int newSourceId() { return IDS.incrementAndGet(); }

    public static long key(int sourceId, int chunk) { return ((long) sourceId << 32) | (chunk & 0xffffffffL); }

    public synchronized void setCapacityMb(long mb) {
        capacity = Math.max(0, mb) << 20;
        evict();
        trimFree();
    }

    /** Bytes of arrays kept for reuse. */
    public synchronized long keptBytes() { return freeBytes; }

    public synchronized long capacityBytes() { return capacity; }

    public synchronized long usedBytes() { return used; }

    /** The cached chunk, pinned (call {@link #release}); null when absent. */
    public synchronized Handle acquire(long key) {
        Handle h = map.get(key);
        if (h == null) { misses++; return null; }
        hits++;
        h.pins++;
        return h;
    }

    /** Whether a chunk is cached (does not count as a hit or touch its LRU position). */
    public synchronized boolean contains(long key) { return map.containsKey(key); }

    /** Caches a freshly decoded chunk and returns it pinned; an entry already there wins. */
    public synchronized Handle insert(long key, Object data, long bytes) {
        Handle old = map.get(key);
        if (old != null) {
            old.pins++;
            recycle(data);
            return old;
        }
        Handle h = new Handle(data, bytes);
        h.pins = 1;
        if (bytes > capacity) {
            h.evicted = true;
            return h;
        }
        map.put(key, h);
        used += bytes;
        evict();
        trimFree();
        return h;
    }

    public synchronized void release(Handle h) {
        if (--h.pins == 0 && h.evicted) recycle(h.data);
    }

    /**
     * An array of the given class and length from evicted chunks, or null; for
     * {@code ByteBuffer.class}, a buffer of that capacity. Its content is stale.
     */
    public synchronized Object recycled(Class<?> arrayClass, int length) {
        FreeKey key = freeKey(arrayClass, length);
        ArrayDeque<Object> q = free.get(key);
        if (q != null && !q.isEmpty()) {
            Object a = q.poll();
            freeBytes -= sizeOf(a);
            return a;
        }
        // A full cache: evict now and hand the least recently used array of this kind straight to the
        // decode that asked, so the insert that follows does not overshoot and drop an array (with
        // direct buffers that would hold native memory until a full GC).
        long need = key.bytes();
        Iterator<Handle> it = map.values().iterator();
        while (used + freeBytes + need > capacity && it.hasNext()) {
            Handle h = it.next();
            if (h.pins > 0) continue;
            it.remove();
            used -= h.bytes;
            h.evicted = true;
            if (freeKey(h.data).equals(key)) return h.data;
            recycle(h.data);
            trimFree();
        }
        return null;
    }

    /** Drops every entry of a source (called when it closes). */
    public synchronized void removeSource(int sourceId) {
        Iterator<Map.Entry<Long, Handle>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Handle> e = it.next();
            if ((int) (e.getKey() >>> 32) == sourceId) {
                it.remove();
                drop(e.getValue());
            }
        }
    }

    public synchronized long hits() { return hits; }

    public synchronized long misses() { return misses; }

    private void evict() {
        Iterator<Handle> it = map.values().iterator();
        while (used > capacity && it.hasNext()) {
            Handle h = it.next();
            it.remove();
            drop(h);
        }
    }

    private void drop(Handle h) {
        used -= h.bytes;
        h.evicted = true;
        if (h.pins == 0) recycle(h.data);
    }

    private void recycle(Object array) {
        long size = sizeOf(array);
        if (used + freeBytes + size > capacity) return;
        free.computeIfAbsent(freeKey(array), k -> new ArrayDeque<>()).add(array);
        freeBytes += size;
    }

    /** Drops kept arrays until cached + kept bytes fit the capacity. */
    private void trimFree() {
        Iterator<ArrayDeque<Object>> it = free.values().iterator();
        while (used + freeBytes > capacity && it.hasNext()) {
            ArrayDeque<Object> q = it.next();
            while (used + freeBytes > capacity && !q.isEmpty()) freeBytes -= sizeOf(q.poll());
            if (q.isEmpty()) it.remove();
        }
    }

    private static long sizeOf(Object array) {
        if (array instanceof java.nio.ByteBuffer b) return b.capacity() + 64L;
        int n = java.lang.reflect.Array.getLength(array);
        Class<?> c = array.getClass().getComponentType();
        int b = c == byte.class ? 1 : c == short.class ? 2 : c == int.class || c == float.class ? 4 : 8;
        return (long) n * b + 64;
    }

    private record FreeKey(Class<?> arrayClass, int length) {
        long bytes() {
            Class<?> c = arrayClass.getComponentType();
            int b = c == null || c == byte.class ? 1 : c == short.class ? 2 : c == int.class || c == float.class ? 4 : 8;
            return (long) length * b + 64;
        }
    }

    private static FreeKey freeKey(Class<?> c, int length) {
        return new FreeKey(java.nio.ByteBuffer.class.isAssignableFrom(c) ? java.nio.ByteBuffer.class : c, length);
    }

    private static FreeKey freeKey(Object data) {
        return data instanceof java.nio.ByteBuffer b ? freeKey(java.nio.ByteBuffer.class, b.capacity())
                : freeKey(data.getClass(), java.lang.reflect.Array.getLength(data));
    }
}
