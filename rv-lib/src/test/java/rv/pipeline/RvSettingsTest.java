package rv.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.RvException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RvSettingsTest {

    @Test
    void profilesEnvAndRvConfigOverrideInOrder(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve(".rv"));
        Files.writeString(dir.resolve("default"), "[AWS_S3]\nrequester_pays = False\n# comment\n[BATCH]\njob_queue=cpu\n");
        Files.writeString(dir.resolve("gpu"), "[BATCH]\njob_queue = gpu\n");
        Path extra = home.resolve("extra.ini");
        Files.writeString(extra, "[BATCH]\njob_def = big\n");

        RvSettings d = RvSettings.load(null, null, Map.of(), home);
        assertThat(d.profile()).isEqualTo("default");
        assertThat(d.get("AWS_S3", "requester_pays")).contains("False");
        assertThat(d.get("batch", "job_queue")).contains("cpu");

        RvSettings g = RvSettings.load("gpu", "/scratch", Map.of("RV_CONFIG", extra.toString(), "BATCH_JOB_DEF", "env"), home);
        assertThat(g.get("BATCH", "job_queue")).contains("gpu");
        assertThat(g.get("BATCH", "job_def")).contains("env");
        assertThat(g.tmpRoot()).isEqualTo(Path.of("/scratch"));

        RvSettings e = RvSettings.load(null, null, Map.of("RV_PROFILE", "gpu", "TMPDIR", "/t", "RV_CONFIG_DIR", dir.toString()), Path.of("/nowhere"));
        assertThat(e.get("BATCH", "job_queue")).contains("gpu");
        assertThat(e.tmpRoot()).isEqualTo(Path.of("/t"));
    }

    @Test
    void missingProfileAndBadLinesAreUserErrors(@TempDir Path home) throws Exception {
        assertThatThrownBy(() -> RvSettings.load("nope", null, Map.of(), home))
                .isInstanceOf(RvException.class).hasMessageContaining("RV profile 'nope' not found");
        Path dir = Files.createDirectories(home.resolve(".rv"));
        Files.writeString(dir.resolve("default"), "[A]\nthis is not a setting\n");
        assertThatThrownBy(() -> RvSettings.load(null, null, Map.of(), home))
                .isInstanceOf(RvException.class).hasMessageContaining("default:2: expected '[SECTION]' or 'key = value'");
    }
}
