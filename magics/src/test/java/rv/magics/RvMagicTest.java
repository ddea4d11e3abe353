package rv.magics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.RvException;
import rv.notebook.RunResult;
import rv.notebook.Rv;
import rv.viz.Displays;
import rv.viz.EvalMetrics;
import rv.viz.LeafletMap;
import rv.viz.MimeBundle;
import rv.viz.RendererRegistry;
import rv.viz.SceneView;
import rv.viz.TrainingHistory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RvMagicTest {
    @TempDir Path dir;
    final MagicRegistry magics = MagicRegistry.standard();

    @AfterEach
    void reset() { Displays.uninstall(); }

    @Test
    void splitsLikeAShell() {
        assertThat(MagicRegistry.split("run  inprocess 'my cfg.json' -a k \"v w\" a\\ b"))
                .containsExactly("run", "inprocess", "my cfg.json", "-a", "k", "v w", "a b");
        assertThatThrownBy(() -> MagicRegistry.split("show 'x")).hasMessageContaining("unclosed");
    }

    @Test
    void helpListsEveryCommandWithCliOptions() throws Exception {
        MimeBundle help = (MimeBundle) magics.evalLine("rv", "help");
        assertThat(help.text()).contains("run", "show", "chips", "metrics", "history", "predict", "demo-data", "%%rv config");
        MimeBundle run = (MimeBundle) magics.evalLine("rv", "run --help");
        assertThat(run.text()).contains("RUNNER", "CFG", "COMMANDS", "-a", "--splits", "--rerun");
        assertThatThrownBy(() -> magics.evalLine("rv", "run")).isInstanceOf(RvException.class).hasMessageContaining("RUNNER");
        assertThatThrownBy(() -> magics.evalLine("rv", "nosuch")).isInstanceOf(RvException.class);
    }

    @Test
    void configCellThenRunShowsOneProgressDisplayPerCommandAndTheEvalTable() throws Exception {
        RecordingSink sink = new RecordingSink();
        Displays.install(sink);
        String root = dir.resolve("run").toString().replace("\\", "/");
        Object cfg = magics.evalCell("rv", "config counting",
                "rv.magics.CountingPipelineConfig.builder().rootUri(\"" + root + "\").steps(40).build()");
        assertThat(cfg).isInstanceOf(CountingPipelineConfig.class);
        assertThat(RendererRegistry.standard().render(cfg).html()).contains("<details").contains("test_counting");

        RunResult r = (RunResult) magics.evalLine("rv", "run inprocess counting");
        assertThat(r.ran()).containsExactly("count", "eval");
        assertThat(sink.byId).hasSize(2);
        MimeBundle countDone = sink.last("d0");
        assertThat(countDone.text()).startsWith("count: done").contains("counting 100% 40/40");
        assertThat(countDone.html()).contains("data-state=\"done\"").contains("<progress max=\"100\" value=\"100\"");
        assertThat(countDone.metadata()).containsEntry("rv_progress_percent", 100);
        assertThat(sink.byId.get("d0").size()).isBetween(2, 10); // throttled: not one update per step
        assertThat(sink.last("d1").text()).startsWith("eval: done");
        assertThat(r.eval().averageF1()).isEqualTo(0.3333);
        MimeBundle shown = RendererRegistry.standard().render(r);
        assertThat(shown.html()).contains("<table").contains("thing").contains("ran count, eval");
        assertThat(Files.readString(Path.of(root, "count.txt"))).isEqualTo("40");

        RunResult again = (RunResult) magics.evalLine("rv", "run inprocess counting");
        assertThat(again.ran()).isEmpty();
        assertThat(again.skipped()).containsExactly("count", "eval");
        RunResult rerun = Rv.run("inprocess", Rv.config("counting"), List.of("count"), 1, true);
        assertThat(rerun.ran()).containsExactly("count");
    }

    @Test
    void failingCommandLeavesAFailedDisplay() {
        RecordingSink sink = new RecordingSink();
        Displays.install(sink);
        CountingPipelineConfig bad = CountingPipelineConfig.builder().rootUri(dir.resolve("bad").toString()).steps(-3).build();
        assertThatThrownBy(() -> Rv.run(bad, "count")).hasStackTraceContaining("failing on purpose");
        assertThat(sink.byId).isNotEmpty();
        assertThat(sink.last("d0").html()).contains("data-state=\"failed\"");
    }

    @Test
    void configCellErrorsNameTheProblem() {
        assertThatThrownBy(() -> magics.evalCell("rv", "config", "1")).hasMessageContaining("NAME");
        assertThatThrownBy(() -> magics.evalCell("rv", "config x", "int y = 3;")).isInstanceOf(RvException.class);
        assertThatThrownBy(() -> magics.evalLine("rv", "run inprocess nothing-here")).hasMessageContaining("neither a file nor a stored config");
    }

    @Test
    void demoDataShowMapMetricsHistory() throws Exception {
        Path data = dir.resolve("data");
        Object demo = magics.evalLine("rv", "demo-data " + data + " --size 128 --scenes 1 --seed 3");
        assertThat(Files.exists(data.resolve("scene_0.tif"))).isTrue();
        assertThat(demo).isInstanceOf(SceneView.class);
        assertThat(RendererRegistry.standard().render(demo).png()).isNotEmpty();

        Object map = magics.evalLine("rv", "show " + data.resolve("scene_0.tif") + " --map -l " + data.resolve("scene_0_buildings.geojson")
                + " --aoi " + data.resolve("scene_0_aoi.geojson") + " --channels 2,1,0");
        assertThat(map).isInstanceOf(LeafletMap.class);
        assertThat(((LeafletMap) map).layers()).extracting(LeafletMap.GeoJsonLayer::name).contains("scene_0_buildings.geojson", "AOI");
        Object view = magics.evalLine("rv", "show " + data.resolve("scene_0.tif") + " --channels 3");
        assertThat(((SceneView) view).channels()).containsExactly(3);

        Object geo = magics.evalLine("rv", "show " + data.resolve("scene_0_buildings.geojson") + " -l " + data.resolve("scene_0_cars.geojson"));
        assertThat(((LeafletMap) geo).layers()).extracting(LeafletMap.GeoJsonLayer::name).containsExactly("scene_0_buildings.geojson", "scene_0_cars.geojson");
        assertThat(((LeafletMap) geo).images()).isEmpty();

        Path eval = Files.writeString(dir.resolve("eval.json"), "[{\"class_id\":-1,\"class_name\":\"average\",\"f1\":0.9}]");
        assertThat(((EvalMetrics) magics.evalLine("rv", "metrics " + eval)).averageF1()).isEqualTo(0.9);
        Path train = Files.createDirectories(dir.resolve("root/train"));
        Files.writeString(train.resolve("history.json"), "[{\"epoch\":0,\"train_loss\":1.0},{\"epoch\":1,\"train_loss\":0.5}]");
        assertThat(((TrainingHistory) magics.evalLine("rv", "history " + dir.resolve("root"))).epochs()).isEqualTo(2);
        assertThatThrownBy(() -> magics.evalLine("rv", "show " + dir.resolve("missing.tif"))).hasMessageContaining("missing.tif");
    }

    @Test
    void predictGoesThroughTheCliAndReportsItsFailure() {
        assertThat(Rv.hasCommand("predict")).isTrue();
        assertThatThrownBy(() -> magics.evalLine("rv", "predict " + dir.resolve("missing.zip") + " i.tif o.tif"))
                .isInstanceOf(RvException.class).hasMessageContaining("rv predict").hasMessageContaining("failed (exit 2)");
    }

    @Test
    void consoleDisplaysPrintText() {
        var out = new java.io.ByteArrayOutputStream();
        Displays.install(Displays.console(new java.io.PrintStream(out, true)));
        Rv.show(MimeBundle.text("hello"));
        assertThat(out.toString()).contains("hello");
    }
}
