package rv.learn.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeHeapTest {
    /** The build runs tests like bin/rv runs rv (Linux, glibc, jdk.incubator.foreign): the settings must apply. */
    @Test
    void glibcKeepsFreedTensorMemory() {
        assertTrue(NativeHeap.keepFreedMemory(), "mallopt through jdk.incubator.foreign was not applied");
        assertTrue(NativeHeap.keepFreedMemory(), "a second call reports the settings already in effect");
    }
}
