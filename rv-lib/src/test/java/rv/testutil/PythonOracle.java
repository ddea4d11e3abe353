package rv.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code /usr/bin/python3} (with GDAL / numpy) and GDAL's command-line tools as test
 * oracles; the one place tests start oracle processes. A missing interpreter or
 * module fails the test: oracle-backed tests must not silently skip.
 */
public final class PythonOracle {
    private PythonOracle() {}

    public static final String PYTHON = "/usr/bin/python3";

    /** Runs {@code script} with {@code args}; returns stdout, failing on a non-zero exit. */
    public static String run(String script, String... args) {
        try {
            Path file = Files.createTempFile("rv-oracle", ".py");
            Files.writeString(file, script);
            List<String> all = new ArrayList<>(List.of(file.toString()));
            all.addAll(List.of(args));
            return python(all.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError("cannot run the oracle " + PYTHON + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code /usr/bin/python3 args...} (a script file and its arguments); returns stdout, failing on a non-zero exit. */
    public static String python(String... args) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new AssertionError("test oracle missing: " + PYTHON + " (install Debian's python3-gdal python3-numpy, see .ci/run)");
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Runs any command (e.g. {@code gdal_rasterize}); returns stdout, failing on a non-zero exit. */
    public static String exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) throw new AssertionError("oracle timed out: " + cmd);
            if (p.exitValue() != 0) {
                throw new AssertionError("oracle failed (" + p.exitValue() + "): " + cmd + "\n"
                        + new String(err, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("oracle missing (install Debian gdal-bin python3-gdal python3-numpy): " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
