package rv.learn.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Locale;

/**
 * Keeps glibc from handing tensor memory back to the kernel between training/prediction steps.
 *
 * <p>Why: libtorch allocates tensors with {@code malloc}. The JVM runs Java code on threads that glibc
 * serves from secondary malloc arenas, and glibc deletes or trims those arenas' heaps as soon as the
 * memory at their top is free, which happens at the end of every step (each step's NDManager scope
 * frees all its tensors at once). The next step then writes its activations to fresh pages and takes
 * one page fault per 4 KiB: about 10–30 thousand faults per U-Net step (a ResNet-18 ×0.5 U-Net
 * training step went from ~125 to ~104 ms on a 2-core VM without them), while CPython (main arena,
 * adaptive thresholds) reuses its pages. Setting
 * {@code M_TOP_PAD} above the arena heap size (64 MiB), a very large {@code M_TRIM_THRESHOLD} and a
 * fixed {@code M_MMAP_THRESHOLD} of 32 MiB makes freed tensor memory stay in the process and be
 * reused; the process keeps its peak native memory instead of returning it after each step.
 *
 * <p>Called through the JDK 17 foreign-function API ({@code jdk.incubator.foreign}, which
 * {@code bin/rv} enables); elsewhere (another OS or C library, the module not enabled,
 * {@code -Drv.malloc.tune=false} or {@code RV_MALLOC_TUNE=0}) it does nothing.
 */
final class NativeHeap {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static boolean done;

    private NativeHeap() {}

    /** Applies the settings once; returns whether they are in effect. */
    static synchronized boolean keepFreedMemory() {
        if (done) return true;
        if (!enabled()) return false;
        try {
            MethodHandle mallopt = Mallopt.handle();
            boolean ok = (int) mallopt.invokeExact(M_MMAP_THRESHOLD, 32 << 20) == 1
                    & (int) mallopt.invokeExact(M_TRIM_THRESHOLD, Integer.MAX_VALUE) == 1
                    & (int) mallopt.invokeExact(M_TOP_PAD, 128 << 20) == 1;
            done = ok;
            LOG.debug("glibc mallopt (keep freed tensor memory): {}", ok ? "applied" : "refused");
            return ok;
        } catch (Throwable t) {
            // No foreign-function module, no glibc: the default allocator behaviour stays.
            LOG.debug("glibc mallopt not available: {}", t.toString());
            return false;
        }
    }

    private static boolean enabled() {
        String env = System.getenv("RV_MALLOC_TUNE");
        String prop = System.getProperty("rv.malloc.tune", env == null ? "true" : env);
        if (prop.equals("0") || prop.equalsIgnoreCase("false")) return false;
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && ModuleLayer.boot().findModule("jdk.incubator.foreign").isPresent();
    }

    /** Holder: loading it fails (and is caught) when jdk.incubator.foreign is not enabled. */
    private static final class Mallopt {
        static MethodHandle handle() {
            jdk.incubator.foreign.CLinker linker = jdk.incubator.foreign.CLinker.getInstance();
            return linker.downcallHandle(
                    jdk.incubator.foreign.CLinker.systemLookup().lookup("mallopt")
                            .orElseThrow(() -> new IllegalStateException("mallopt not found (not glibc)")),
                    MethodType.methodType(int.class, int.class, int.class),
                    jdk.incubator.foreign.FunctionDescriptor.of(jdk.incubator.foreign.CLinker.C_INT,
                            jdk.incubator.foreign.CLinker.C_INT, jdk.incubator.foreign.CLinker.C_INT));
        }
    }
}
