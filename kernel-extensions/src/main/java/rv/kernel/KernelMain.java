package rv.kernel;

import rv.kernel.history.HistoryStore;
import rv.kernel.install.ArchiveRefresh;
import rv.kernel.install.KernelSpecs;
import rv.kernel.wire.ConnectionInfo;
import rv.kernel.wire.KernelServer;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code rv-kernel.jar}: {@code run CONNECTION_FILE} serves Jupyter (what kernel.json
 * calls); {@code install}, {@code list} and {@code remove} manage kernelspecs.
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        // Kernel logs go to the original stderr (Jupyter's console), never into a cell's output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("rv.kernel.log", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        System.setProperty("java.awt.headless", "true");
        String cmd = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int code;
        try {
            code = switch (cmd) {
                case "run" -> run(rest);
                case "warmup" -> warmup();
                case "install", "list", "remove" -> KernelSpecs.main(cmd, rest);
                case "help", "-h", "--help" -> {
                    System.out.println(KernelSpecs.USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("rv kernel: unknown command '" + cmd + "'\n" + KernelSpecs.USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("rv kernel: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** Starts JShell and runs the start-up cells once: a training run for class-data sharing archives. */
    private static int warmup() throws java.io.IOException {
        long t0 = System.nanoTime();
        RvKernel kernel = new RvKernel(null);
        kernel.evaluator();
        kernel.trainingRun();
        System.out.printf("JShell ready in %.0f ms (JVM uptime %d ms)%n", (System.nanoTime() - t0) / 1e6,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        return 0;
    }

    private static int run(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: run CONNECTION_FILE");
        ConnectionInfo info = ConnectionInfo.read(Path.of(args[0]));
        RvKernel kernel = new RvKernel(HistoryStore.defaultFile());
        KernelServer server = new KernelServer(info);
        kernel.serve(server);
        RvKernel.trace("sockets bound");
        ArchiveRefresh.scheduleIfStale();
        server.awaitCloseRequest();
        server.awaitClose(2000);
        return 0;
    }
}
