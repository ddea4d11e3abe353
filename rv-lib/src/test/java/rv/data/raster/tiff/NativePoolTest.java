package rv.data.raster.tiff;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NativePoolTest {
    @Test
    void reusesIdleContextsAndFreesThoseBeyondTheBound() {
        AtomicInteger made = new AtomicInteger();
        List<Integer> freed = new ArrayList<>();
        NativePool<Integer> pool = new NativePool<>(2, made::incrementAndGet, freed::add);

        List<Integer> borrowed = new ArrayList<>();
        for (int i = 0; i < 5; i++) borrowed.add(pool.acquire());
        assertThat(borrowed).containsExactly(1, 2, 3, 4, 5);
        borrowed.forEach(pool::release);
        assertThat(freed).containsExactly(3, 4, 5);

        // The two kept contexts are handed out again before any new one is made.
        assertThat(List.of(pool.acquire(), pool.acquire())).containsExactlyInAnyOrder(1, 2);
        assertThat(pool.acquire()).isEqualTo(6);
    }
}
