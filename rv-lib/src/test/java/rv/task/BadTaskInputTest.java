package rv.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.pipeline.ConfigCodec;
import rv.task.segmentation.SemanticSegmentationWindowMethod;
import rv.testutil.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to the task commands: one line naming the file or field, exit code 2. */
class BadTaskInputTest {
    @TempDir Path tmp;

    private Cli.Result run(Object cfg, String... commands) throws Exception {
        Path f = tmp.resolve("cfg.json");
        Files.writeString(f, ConfigCodec.create().write((rv.pipeline.Config) cfg));
        String[] args = new String[3 + commands.length];
        args[0] = "run"; args[1] = "inprocess"; args[2] = f.toString();
        System.arraycopy(commands, 0, args, 3, commands.length);
        return Cli.run(args);
    }

    private static void oneLine(Cli.Result r, String... parts) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        // log lines (INFO) may precede it; the error itself is the one line starting with "rv: "
        var lines = r.err().lines().filter(l -> l.startsWith("rv: ")).toList();
        assertThat(lines).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        String line = lines.get(0);
        assertThat(line).contains(parts);
    }

    @Test
    void missingImageStatsAndLabels() throws Exception {
        Path data = tmp.resolve("data");
        new DemoSceneGenerator().generate(data, new DemoOptions(300, 1, 2));
        var cfg = Examples.semanticSegmentation(data, tmp.resolve("out").toString(), null, SemanticSegmentationWindowMethod.SLIDING);
        // CHIP before ANALYZE: the StatsTransformer has no stats.json yet
        oneLine(run(cfg, "chip"), "stats file", "does not exist; run ANALYZE first");
        // a label file that is not there
        Files.delete(data.resolve("scene_1_buildings.geojson"));
        oneLine(run(cfg, "analyze", "chip"), "scene 'scene_1'", "scene_1_buildings.geojson does not exist");
        // an image that is not there
        Files.delete(data.resolve("scene_0.tif"));
        oneLine(run(cfg, "analyze", "--rerun"), "scene 'scene_0' raster_source.uris", "scene_0.tif does not exist");
    }
}
