package rv.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3: interrupting {@code while(true){}} and {@code Thread.sleep(60000)} through jupyter_client
 * answers within 1 s, the next cell runs, and the kernel process is idle afterwards.
 */
class InterruptIT {

    @Test
    void interruptStopsTightLoopAndSleep(@TempDir Path prefix) throws Exception {
        JupyterHarness h = JupyterHarness.install(prefix, "jupyter_client");
        Path script = JupyterHarness.testDir().resolve("python/interrupt_check.py");
        JupyterHarness.Result r = JupyterHarness.run(
                List.of(JupyterHarness.PYTHON, script.toString(), JupyterHarness.KERNEL_NAME), h.env(), 120);
        assertThat(r.exit()).as(r.output()).isZero();
        String line = r.output().lines().filter(l -> l.startsWith("REPORT ")).findFirst().orElseThrow();
        JsonObject report = JsonParser.parseString(line.substring(7)).getAsJsonObject();
        assertThat(report.getAsJsonArray("cells")).hasSize(2);
        for (JsonElement e : report.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            String code = c.get("code").getAsString();
            assertThat(c.get("latency_s").getAsDouble()).as("interrupt latency of %s", code).isLessThan(1.0);
            assertThat(c.get("status").getAsString()).as(code).isEqualTo("error");
            assertThat(c.get("ename").getAsString()).as(code).isEqualTo("Interrupted");
            assertThat(c.get("next_result").getAsString()).as("cell after %s", code).isEqualTo("42");
            // an idle JVM uses ~0 CPU; a leftover spinning thread would use ~1 s per s
            assertThat(c.get("cpu_s_per_s").getAsDouble()).as("kernel CPU after interrupting %s", code).isLessThan(0.2);
        }
    }
}
