package rv.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.learn.PyTorchChipClassificationConfig;
import rv.pipeline.ConfigCodec;
import rv.task.Quickstart;
import rv.task.RvPipelineConfig;
import rv.task.TaskKind;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rv quickstart --config-only} writes exactly {@link Quickstart#config}, the notebooks' source of the quickstart. */
class QuickstartConfigTest {

    @Test
    void configOnlyWritesTheQuickstartConfigAndSettings(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("qs");
        String crop = System.getProperty("rv.train_crop");
        String valid = System.getProperty("rv.valid_chips");
        try {
            assertThat(Main.execute("quickstart", "--out", out.toString(), "--task", "classification", "--epochs", "3", "--config-only")).isZero();
            Path cfgFile = out.resolve("chip_classification-config.json");
            assertThat(cfgFile).isRegularFile();
            assertThat(out.resolve("data/scene_1.tif")).isRegularFile();
            assertThat(out.resolve("chip_classification")).doesNotExist();

            RvPipelineConfig cfg = Quickstart.config(TaskKind.CHIP_CLASSIFICATION, out, 3);
            assertThat(Files.readString(cfgFile)).isEqualTo(ConfigCodec.create().write(cfg));
            assertThat(cfg.rootUri()).isEqualTo(out.resolve("chip_classification").toAbsolutePath().toString());
            assertThat(((PyTorchChipClassificationConfig) cfg.backend()).solver().numEpochs()).isEqualTo(3);
            if (System.getenv("RV_VALID_CHIPS") == null) assertThat(System.getProperty("rv.valid_chips")).isEqualTo("16");
            if (System.getenv("RV_TRAIN_CROP") == null) {
                assertThat(System.getProperty("rv.train_crop")).as("no crop for classification").isNull();
                Quickstart.applySettings(TaskKind.SEMANTIC_SEGMENTATION);
                assertThat(System.getProperty("rv.train_crop")).isEqualTo("128");
                Quickstart.applySettings(TaskKind.OBJECT_DETECTION);
                assertThat(System.getProperty("rv.train_crop")).isEqualTo("160");
            }
        } finally {
            restore("rv.train_crop", crop);
            restore("rv.valid_chips", valid);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
