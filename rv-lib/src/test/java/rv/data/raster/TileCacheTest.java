package rv.data.raster;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class TileCacheTest {
    private static final int TILE = 1000;

    @Test
    void aFullCacheHandsItsLeastRecentlyUsedBufferToTheNextDecode() {
        TileCache cache = new TileCache(3 * (TILE + 64));
        ByteBuffer[] tiles = new ByteBuffer[3];
        for (int k = 0; k < 3; k++) {
            assertThat(cache.recycled(ByteBuffer.class, TILE)).as("room left: nothing evicted").isNull();
            tiles[k] = ByteBuffer.allocateDirect(TILE);
            cache.release(cache.insert(TileCache.key(1, k), tiles[k], TILE + 64));
        }
        TileCache.Handle pinned = cache.acquire(TileCache.key(1, 0)); // a reader copies from tile 0
        cache.release(cache.acquire(TileCache.key(1, 1)));
        cache.release(cache.acquire(TileCache.key(1, 2))); // LRU order now 0, 1, 2
        // tile 0, the least recently used, is pinned: tile 1 is evicted and its buffer handed over
        Object reused = cache.recycled(ByteBuffer.class, TILE);
        assertThat(reused).isSameAs(tiles[1]);
        assertThat(cache.contains(TileCache.key(1, 1))).isFalse();
        assertThat(cache.contains(TileCache.key(1, 0))).isTrue();
        cache.release(cache.insert(TileCache.key(1, 3), reused, TILE + 64));
        assertThat(cache.usedBytes()).isEqualTo(3 * (TILE + 64));
        assertThat(cache.keptBytes()).isZero();
        cache.release(pinned);
    }

    @Test
    void closedSourcesLeaveTheirBuffersForReuse() {
        TileCache cache = new TileCache(2 * (TILE + 64));
        ByteBuffer b = ByteBuffer.allocateDirect(TILE);
        cache.release(cache.insert(TileCache.key(7, 0), b, TILE + 64));
        cache.removeSource(7);
        assertThat(cache.usedBytes()).isZero();
        assertThat(cache.keptBytes()).isEqualTo(TILE + 64);
        assertThat(cache.recycled(ByteBuffer.class, TILE)).isSameAs(b);
        assertThat(cache.recycled(ByteBuffer.class, TILE)).isNull();
    }

    @Test
    void defaultCapacityIsBoundedByTheDirectMemoryLimit() {
        long mb = TileCache.defaultCapacityMb();
        assertThat(mb).isBetween(1L, 720L);
        assertThat(mb << 20).isLessThanOrEqualTo(TileCache.maxDirectMemory() / 4 * 3);
    }
}
