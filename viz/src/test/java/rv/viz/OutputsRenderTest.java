package rv.viz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.ClassConfig;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputsRenderTest {
    @TempDir Path dir;

    static final String EVAL = """
            [
              {"gt_count": 1460.0, "count_error": 0.0, "f1": 0.962031922725018, "class_name": "building",
               "recall": 0.9527397260273971, "precision": 0.9716098420590342, "class_id": 1,
               "conf_mat": [2200.0, 60.0]},
              {"gt_count": 2314.0, "count_error": 0.0, "f1": 0.9763865660344931, "class_name": "no_building",
               "recall": 0.9822817631806394, "precision": 0.9706292067263268, "class_id": 0,
               "conf_mat": [41.0, 1400.0]},
              {"gt_count": 3774.0, "count_error": 0.0, "f1": 0.970833365390128, "class_name": "average",
               "recall": 0.9708532061473236, "precision": 0.9710085728062825, "class_id": -1}
            ]""";

    @Test
    void evalJsonBecomesTableAndHeatMap() throws Exception {
        Path f = Files.writeString(dir.resolve("eval.json"), EVAL);
        EvalMetrics m = EvalMetrics.load(f);
        assertThat(m.rows()).hasSize(3);
        assertThat(m.averageF1()).isEqualTo(0.970833365390128);
        Table t = m.table();
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.columnNames()).contains("class_name", "precision", "recall", "f1", "gt_count");
        MimeBundle b = RendererRegistry.standard().render(m);
        assertThat(b.html()).contains("<table").contains("no_building").contains("0.9708").contains("<img");
        assertThat(b.text()).contains("average");
        ConfusionMatrix cm = m.confusionMatrix();
        assertThat(cm.classNames()).containsExactly("no_building", "building");
        assertThat(cm.counts()[1]).containsExactly(2200.0, 60.0);
        assertThat(ImageIO.read(new ByteArrayInputStream(cm.bundle().png()))).isNotNull();
    }

    @Test
    void newerEvalLayoutWithPerSceneAndMatrix() throws Exception {
        Path f = Files.writeString(dir.resolve("eval2.json"), """
                {"overall": [
                   {"class_id": 0, "class_name": "background", "precision": 0.47, "recall": 1.0, "f1": 0.64, "gt_count": 17,
                    "conf_mat": [[0.0, 19.0], [0.0, 17.0]]},
                   {"class_id": 1, "class_name": "building", "precision": null, "recall": 0.0, "f1": null, "gt_count": 19,
                    "conf_mat": [[17.0, 0.0], [19.0, 0.0]]},
                   {"class_id": -1, "class_name": "average", "precision": 0.22, "recall": 0.47, "f1": 0.30, "gt_count": 36,
                    "conf_mat": [[17.0, 0.0], [19.0, 0.0]]}],
                 "per_scene": {"scene_1": [{"class_id": -1, "class_name": "average", "f1": 0.30}]}}""");
        EvalMetrics m = EvalMetrics.load(f);
        assertThat(m.rows()).hasSize(4);
        assertThat(m.averageF1()).isEqualTo(0.30);
        assertThat(m.rows().get(1).precision()).isNaN();
        assertThat(m.table().columnNames()).first().isEqualTo("scene");
        ConfusionMatrix cm = m.confusionMatrix();
        assertThat(cm.classNames()).containsExactly("background", "building");
        assertThat(cm.counts()[1]).containsExactly(19.0, 0.0);
        assertThat(RendererRegistry.standard().render(m).html()).contains("scene_1").contains("<img");
    }

    @Test
    void badEvalJsonNamesTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("eval.json"), "{\"x\": 1}");
        assertThatThrownBy(() -> EvalMetrics.load(f)).hasMessageContaining(f.toString()).hasMessageContaining("overall");
        assertThatThrownBy(() -> EvalMetrics.load(dir.resolve("missing.json"))).hasMessageContaining("run the EVAL command");
    }

    @Test
    void trainingHistoryFromJsonAndCsv() throws Exception {
        Path train = Files.createDirectories(dir.resolve("train"));
        Files.writeString(train.resolve("history.json"), """
                [{"epoch": 0, "train_loss": 0.9, "val_loss": 1.0, "building_f1": 0.2, "avg_f1": 0.3, "lr": 0.001},
                 {"epoch": 1, "train_loss": 0.5, "val_loss": 0.7, "building_f1": 0.6, "avg_f1": 0.6, "lr": 0.0005}]""");
        TrainingHistory h = TrainingHistory.load(train);
        assertThat(h.epochs()).isEqualTo(2);
        assertThat(h.charts()).containsOnlyKeys("loss", "metrics", "lr");
        assertThat(h.charts().get("loss").getSeriesMap()).containsOnlyKeys("train_loss", "val_loss");
        assertThat(h.charts().get("metrics").getSeriesMap()).containsOnlyKeys("building_f1", "avg_f1");
        MimeBundle b = RendererRegistry.standard().render(h);
        assertThat(ImageIO.read(new ByteArrayInputStream(b.png())).getWidth()).isEqualTo(480);
        assertThat(b.html().split("<img").length - 1).isEqualTo(3);
        assertThat(b.text()).contains("2 epoch(s)").contains("val_loss=0.7000");

        // the learner's layout: per-class metrics nested under "metrics"
        Path nested = Files.createDirectories(dir.resolve("nested"));
        Files.writeString(nested.resolve("history.json"), """
                [{"epoch": 0, "train_loss": 0.9, "val_loss": 1.0, "lr": 0.01, "time": 3.5,
                  "metrics": {"building": {"precision": 0.5, "recall": 0.4, "f1": 0.44}, "background": {"f1": 0.9}}}]""");
        TrainingHistory n = TrainingHistory.load(nested);
        assertThat(n.series()).containsKeys("building_f1", "building_precision", "background_f1", "lr", "time");
        assertThat(n.charts().get("metrics").getSeriesMap()).containsOnlyKeys("building_precision", "building_recall", "building_f1", "background_f1");

        Path rv = Files.createDirectories(dir.resolve("rvtrain"));
        Files.writeString(rv.resolve("log.csv"), "epoch,train_loss,val_loss,avg_f1,train_time\n0,1.5,1.2,0.4,10\n1,1.0,0.9,0.55,11\n");
        TrainingHistory c = TrainingHistory.load(rv);
        assertThat(c.series().get("avg_f1")).containsExactly(0.4, 0.55);
        assertThat(c.charts()).containsOnlyKeys("loss", "metrics");
        assertThatThrownBy(() -> TrainingHistory.load(dir)).hasMessageContaining("no history.json");
    }

    static rv.data.raster.Raster chip(int size, int red) {
        rv.data.raster.Raster r = rv.data.raster.Raster.zeros(size, size, 3, rv.data.raster.DataType.UINT8);
        for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) r.set(0, y, x, red);
        return r;
    }

    @Test
    void chipGridsFromArchivesTheChipCommandWrites() throws Exception {
        Path zip = dir.resolve("train-0.zip");
        try (var w = rv.task.chips.ChipArchive.create(zip, rv.task.chips.ChipArchive.CHIP_CLASSIFICATION, List.of("no_building", "building"), 16)) {
            for (int i = 0; i < 5; i++) w.addClassification("chip" + i, chip(16, 200), i % 2 == 0 ? 1 : 0);
        }
        ChipGrid g = ChipGrid.load(zip, 4);
        assertThat(g.chips()).hasSize(4);
        assertThat(g.totalChips()).isEqualTo(5);
        assertThat(g.task()).isEqualTo("chip_classification");
        assertThat(g.chips()).extracting(ChipGrid.Chip::caption).contains("building", "no_building");
        assertThat(new java.awt.Color(g.chips().get(0).image().getRGB(3, 3)).getRed()).isEqualTo(200); // uint8 shown as is
        BufferedImage grid = ImageIO.read(new ByteArrayInputStream(RendererRegistry.standard().render(g).png()));
        assertThat(grid.getWidth()).isEqualTo(2 * 132);

        Path seg = dir.resolve("seg.zip");
        rv.data.raster.Raster mask = rv.data.raster.Raster.zeros(16, 16, 1, rv.data.raster.DataType.UINT8);
        for (int x = 0; x < 8; x++) mask.set(0, 2, x, 1);
        try (var w = rv.task.chips.ChipArchive.create(seg, rv.task.chips.ChipArchive.SEMANTIC_SEGMENTATION, List.of("background", "building"), 16)) {
            w.addSegmentation("s0", chip(16, 10), mask);
        }
        BufferedImage s = ChipGrid.load(seg, 16).chips().get(0).image();
        assertThat(s.getRGB(3, 2)).as("label pixel tinted").isNotEqualTo(s.getRGB(3, 10));

        Path od = dir.resolve("valid-0.zip");
        try (var w = rv.task.chips.ChipArchive.create(od, rv.task.chips.ChipArchive.OBJECT_DETECTION, List.of("background", "building", "car"), 32)) {
            w.addDetection("a", chip(32, 10), List.of(new rv.task.Prediction.ScoredBox(4, 4, 10, 10, 2, 1.0)));
        }
        BufferedImage chip = ChipGrid.load(od, 16).chips().get(0).image();
        assertThat(chip.getRGB(4, 8)).isNotEqualTo(chip.getRGB(20, 20)); // box edge drawn
        assertThatThrownBy(() -> ChipGrid.load(dir.resolve("nope.zip"), 4)).hasMessageContaining("nope.zip").hasMessageContaining("CHIP");
    }

    @Test
    void statsWithHistogramsRenderAsTableAndChart() throws Exception {
        Path f = Files.writeString(dir.resolve("stats.json"), """
                {"means": [10.0, 20.0], "stds": [1.0, 2.0], "mins": [0, 5], "maxs": [20, 40], "counts": [100, 100],
                 "histograms": [{"range": [0, 20], "counts": [10, 80, 10]}, {"range": [5, 40], "counts": [50, 0, 50]}]}""");
        rv.analyze.RasterStats s = Charts.loadStats(f);
        assertThat(s.histograms()).hasSize(2);
        assertThat(s.histograms().get(1).counts()).containsExactly(50, 0, 50);
        var chart = Charts.histograms(s);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("channel 0", "channel 1");
        assertThat(chart.getSeriesMap().get("channel 0").getXData()[1]).isEqualTo(10.0); // bin centre
        MimeBundle b = RendererRegistry.standard().render(s);
        assertThat(b.html()).contains("<table").contains("mean").contains("<img");
        assertThat(b.text()).contains("channel");
    }

    @Test
    void configsRenderAsCollapsibleJson() {
        ClassConfig c = ClassConfig.builder().names("a", "b").draft();
        MimeBundle b = RendererRegistry.standard().render(c);
        assertThat(b.html()).contains("<details").contains("names").contains("class_config");
        assertThat(b.text()).contains("\"names\"");
        assertThat(b.has(MimeBundle.JSON)).isTrue();
    }

    @Test
    void errorsRenderAsHtmlAndRegistryFallsBack() {
        MimeBundle e = RendererRegistry.standard().render(new rv.core.RvException("bad <input>"));
        assertThat(e.html()).contains("bad &lt;input&gt;").contains("<details>");
        assertThat(e.text()).isEqualTo("rv: bad <input>");
        assertThat(RendererRegistry.standard().render(42).text()).isEqualTo("42");
        RendererRegistry r = new RendererRegistry();
        r.register(CharSequence.class, s -> MimeBundle.text("seq " + s));
        r.register(Object.class, o -> MimeBundle.text("obj"));
        assertThat(r.render(new StringBuilder("x")).text()).isEqualTo("obj"); // superclass beats interface
        r.register(StringBuilder.class, s -> { throw new IllegalStateException("boom"); });
        MimeBundle broken = r.render(new StringBuilder("y"));
        assertThat(broken.text()).contains("y").contains("boom");
        assertThat(broken.html()).contains("boom");
    }

    @Test
    void bundlesSaveAsPngHtmlOrText() throws Exception {
        MimeBundle b = RendererRegistry.standard().render(RasterViewFixture.small());
        Path png = b.save(dir.resolve("x.png"));
        assertThat(ImageIO.read(png.toFile())).isNotNull();
        assertThatThrownBy(() -> MimeBundle.text("t").save(dir.resolve("t.png"))).hasMessageContaining("no image/png");
        assertThat(Files.readString(MimeBundle.text("a<b").save(dir.resolve("t.html")))).contains("<pre>a&lt;b</pre>");
    }

    static final class RasterViewFixture {
        static rv.data.raster.Raster small() {
            return rv.data.raster.Raster.filled(4, 4, 1, rv.data.raster.DataType.UINT8, 9);
        }
    }
}
