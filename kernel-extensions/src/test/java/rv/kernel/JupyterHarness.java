package rv.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Installs the built kernel into a temporary Jupyter prefix and runs Debian's Jupyter clients against
 * it. Missing clients make the tests fail (CI installs them with apt), never skip.
 */
final class JupyterHarness {
    static final String PYTHON = "/usr/bin/python3";
    static final String KERNEL_NAME = "java-rv-it";

    final Path prefix;
    final Path historyFile;

    private JupyterHarness(Path prefix) {
        this.prefix = prefix;
        this.historyFile = prefix.resolve("history.jsonl");
    }

    static Path kernelJar() {
        Path jar = Path.of(System.getProperty("rv.kernel.jar", "target/rv-kernel.jar"));
        assertThat(jar).as("the packaged kernel jar (run via mvn verify)").isRegularFile();
        return jar;
    }

    static Path testDir() {
        return Path.of(System.getProperty("rv.kernel.testdir", "src/test"));
    }

    /** Checks the Jupyter clients, then installs the kernelspec under {@code prefix}. */
    static JupyterHarness install(Path prefix, String... modules) throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) fail(PYTHON + " is missing: install python3 and the Jupyter packages (.ci/run)");
        String imports = String.join(", ", modules);
        Result check = run(List.of(PYTHON, "-c", "import " + imports), Map.of(), 60);
        if (check.exit() != 0) {
            fail("Debian Jupyter clients missing (" + imports + "); apt-get install jupyter-client "
                    + "python3-jupyter-kernel-test python3-nbclient jupyter-nbconvert: " + check.output());
        }
        Result r = run(List.of(javaBin(), "-jar", kernelJar().toString(), "install", "--prefix", prefix.toString(),
                "--name", KERNEL_NAME), Map.of(), 120);
        assertThat(r.exit()).as("install output: %s", r.output()).isZero();
        return new JupyterHarness(prefix);
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("RV_KERNEL_HISTORY", historyFile.toString());
        env.put("RV_KERNEL_NAME", KERNEL_NAME);
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return env;
    }

    record Result(int exit, String output) {}

    static Result run(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("rv-kernel-it", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + cmd + "\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
