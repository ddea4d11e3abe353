package rv.data.raster;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process-wide LRU cache of decoded raster chunks (tiles or strips), bounded in bytes. Keys are
 * (source id, chunk index); each open source takes a fresh id, so a reopened file starts cold.
 * The capacity comes from the system property {@code rv.tileCacheMb} (default 256) or
 * {@link #setCapacityMb}.
 */
public final class TileCache {
    private static final TileCache GLOBAL = new TileCache(Long.getLong("rv.tileCacheMb", 256) << 20);
    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();

    private final LinkedHashMap<Long, Entry> map = new LinkedHashMap<>(256, 0.75f, true);
    private long capacity;
    private long used;
    private long hits;
    private long misses;

    private record Entry(Object data, long bytes) {}

    public TileCache(long capacityBytes) { this.capacity = Math.max(0, capacityBytes); }

    public static TileCache global() { return GLOBAL; }

    /** A new id for a source's keys. */
    public static int newSourceId() { return IDS.incrementAndGet(); }

    public static long key(int sourceId, int chunk) { return ((long) sourceId << 32) | (chunk & 0xffffffffL); }

    public synchronized void setCapacityMb(long mb) {
        capacity = Math.max(0, mb) << 20;
        evict();
    }

    public synchronized long capacityBytes() { return capacity; }

    public synchronized long usedBytes() { return used; }

    public synchronized Object get(long key) {
        Entry e = map.get(key);
        if (e == null) { misses++; return null; }
        hits++;
        return e.data;
    }

    public synchronized void put(long key, Object data, long bytes) {
        if (bytes > capacity) return;
        Entry old = map.put(key, new Entry(data, bytes));
        if (old != null) used -= old.bytes;
        used += bytes;
        evict();
    }

    /** Drops every entry of a source (called when it closes). */
    public synchronized void removeSource(int sourceId) {
        Iterator<Map.Entry<Long, Entry>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Entry> e = it.next();
            if ((int) (e.getKey() >>> 32) == sourceId) { used -= e.getValue().bytes; it.remove(); }
        }
    }

    public synchronized long hits() { return hits; }

    public synchronized long misses() { return misses; }

    private void evict() {
        Iterator<Entry> it = map.values().iterator();
        while (used > capacity && it.hasNext()) {
            used -= it.next().bytes;
            it.remove();
        }
    }
}
