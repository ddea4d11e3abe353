package rv.learn.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine offline. Everything DJL would otherwise fetch from the network
 * (natives, usage tracking, cloud metadata probes) is switched off <em>before</em> the engine class
 * loads: the natives come from the {@code pytorch-native-cpu} Maven jar on the class path, which
 * DJL extracts to its cache folder ({@code ~/.djl.ai} or {@code DJL_CACHE_DIR}).
 *
 * <p>Thread counts come from the rv settings {@code RV_TORCH_THREADS} / {@code RV_TORCH_INTEROP_THREADS}
 * (environment) or the system properties {@code ai.djl.pytorch.num_threads} /
 * {@code ai.djl.pytorch.num_interop_threads}. The device is the first GPU if present, else the CPU;
 * {@code RV_DEVICE=cpu|gpu} overrides. Starting the engine also keeps freed tensor memory in the
 * process ({@link NativeHeap}) so that steps do not page-fault their activations in again.
 */
public final class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);
    private static volatile Engine engine;

    private Engines() {}

    /** The PyTorch engine, started offline on first use. */
    public static Engine pytorch() {
        Engine e = engine;
        if (e != null) return e;
        synchronized (Engines.class) {
            if (engine == null) {
                configureOffline();
                NativeHeap.keepFreedMemory();
                engine = Engine.getEngine("PyTorch");
                LOG.info("DJL engine {} {} on {}", engine.getEngineName(), engine.getVersion(), device());
            }
            return engine;
        }
    }

    /** Sets the properties that keep DJL off the network; idempotent, call before any DJL class loads. */
    public static void configureOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        // CPU-only machines: DJL's GPU probe warns that no CUDA driver is there; that is expected.
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
        setIfAbsent("ai.djl.pytorch.num_threads", System.getenv("RV_TORCH_THREADS"));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", System.getenv("RV_TORCH_INTEROP_THREADS"));
    }

    /** Sets the intra-op and inter-op thread counts; effective only before the engine starts. */
    public static void setThreads(int intraOp, int interOp) {
        if (engine != null) {
            LOG.warn("PyTorch engine already started; thread counts stay as they were");
            return;
        }
        if (intraOp > 0) System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOp));
        if (interOp > 0) System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(interOp));
    }

    /** The device models run on: {@code RV_DEVICE} (cpu|gpu) if set, else a GPU when one is present. */
    public static Device device() {
        String want = System.getenv("RV_DEVICE");
        if (want == null) want = System.getProperty("rv.device");
        Engine e = pytorch();
        if (want != null && want.equalsIgnoreCase("cpu")) return Device.cpu();
        if (e.getGpuCount() > 0) return Device.gpu();
        if (want != null && want.equalsIgnoreCase("gpu")) {
            throw new rv.core.RvException("RV_DEVICE=gpu but no GPU is visible to PyTorch (build with -Pcuda for GPU natives)");
        }
        return Device.cpu();
    }

    private static void setIfAbsent(String key, String value) {
        if (value != null && !value.isBlank() && System.getProperty(key) == null) System.setProperty(key, value.strip());
    }
}
