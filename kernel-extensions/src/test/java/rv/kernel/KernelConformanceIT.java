package rv.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 1: Debian's jupyter_kernel_test 0.4.5 suite passes 12/12 against the installed kernel. */
class KernelConformanceIT {

    @Test
    void jupyterKernelTestSuitePasses(@TempDir Path prefix) throws Exception {
        JupyterHarness h = JupyterHarness.install(prefix, "jupyter_client", "jupyter_kernel_test");
        Path suite = JupyterHarness.testDir().resolve("python/test_kernel_conformance.py");
        JupyterHarness.Result r = JupyterHarness.run(List.of(JupyterHarness.PYTHON, suite.toString()), h.env(), 150);
        assertThat(r.output()).as(r.output()).contains("Ran 12 tests").doesNotContain("skipped");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).endsWith("OK\n");
        // history is persisted: the suite's cells are in the history file
        assertThat(Files.readString(h.historyFile)).contains("\"source\":\"6 * 7\"");
    }
}
