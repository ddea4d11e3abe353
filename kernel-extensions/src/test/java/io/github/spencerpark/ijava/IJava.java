package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;

/**
 * Test stand-in for IJava's entry point (same class name and static method as IJava 1.3): IJava's own
 * jar is not on Maven Central, so the adapter's reflective lookup is exercised against this.
 */
public final class IJava {
    private static BaseKernel kernel;

    private IJava() {}

    public static BaseKernel getKernelInstance() { return kernel; }

    public static void set(BaseKernel k) { kernel = k; }
}
