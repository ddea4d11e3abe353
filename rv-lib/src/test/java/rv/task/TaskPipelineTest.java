package rv.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.eval.Evaluation;
import rv.core.Box;
import rv.data.raster.RasterizedSource;
import rv.data.raster.RasterizerOptions;
import rv.data.vector.GeoJsonReader;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.VectorSourceOptions;
import rv.pipeline.ConfigCodec;
import rv.task.gt.GroundTruthBackendConfig;
import rv.pipeline.PipelineConfig;
import rv.task.chips.ChipArchive;
import rv.task.segmentation.SemanticSegmentationWindowMethod;
import rv.testutil.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The three task pipelines end to end on demo scenes, with the ground-truth backend. */
class TaskPipelineTest {
    @TempDir static Path tmp;
    static Path data;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void demo() {
        data = tmp.resolve("data");
        new DemoSceneGenerator().generate(data, DemoOptions.defaults());
    }

    static Path writeConfig(PipelineConfig c, String name) throws Exception {
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, ConfigCodec.create().write(c));
        return f;
    }

    static Cli.Result run(Path cfg, String... commands) {
        String[] args = new String[3 + commands.length];
        args[0] = "run"; args[1] = "inprocess"; args[2] = cfg.toString();
        System.arraycopy(commands, 0, args, 3, commands.length);
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    static int chips(Path zip) throws Exception {
        try (ChipArchive.Reader r = ChipArchive.open(zip)) {
            assertThat(r.chips()).hasSize(r.info().count());
            return r.info().count();
        }
    }

    @Test
    void segmentationSlidingMakes64ChipsPerSceneAndGroundTruthScoresF1One() throws Exception {
        Path root = tmp.resolve("seg-sliding");
        Path cfg = writeConfig(Examples.semanticSegmentation(data, root.toString(), null, SemanticSegmentationWindowMethod.SLIDING), "seg-sliding");
        run(cfg, "analyze", "chip");
        // 1200 px, chip 300, stride round(300/2) = 150: windows start at 0, 150, …, 1050 → 8 × 8
        assertThat(chips(root.resolve("chip/train-0.zip"))).isEqualTo(64);
        assertThat(chips(root.resolve("chip/valid-0.zip"))).isEqualTo(64);
        try (ChipArchive.Reader r = ChipArchive.open(root.resolve("chip/train-0.zip"))) {
            assertThat(r.info().bands()).isEqualTo(3);
            assertThat(r.info().dtype()).isEqualTo("uint8");
            assertThat(r.info().classNames()).containsExactly("background", "building", "null");
            var c = r.chips().get(0);
            assertThat(r.image(c).width()).isEqualTo(300);
            assertThat(r.labels(c).height()).isEqualTo(300);
        }
        run(cfg, "train", "predict", "eval");
        JsonNode eval = JSON.readTree(root.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(eval.get("overall"), "background")).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(eval.get("overall"), "building")).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(eval.get("per_scene").get("scene_1"), "building")).isEqualTo(1.0);
        JsonNode vec = JSON.readTree(root.resolve("eval/vector-eval.json").toFile());
        assertThat(vec.get("overall").get(0).path("class_name").asText()).isEqualTo("building");
        assertThat(root.resolve("predict/scene_1.tif")).exists();
        assertThat(root.resolve("predict/scene_1-1-polygons.json")).exists();
    }

    @Test
    void sceneWithoutChipsWarnsAndOthersStillChip() throws Exception {
        Path root = tmp.resolve("seg-empty");
        // an AOI far away from scene_0: no window lies inside it
        Path aoi = tmp.resolve("far-aoi.geojson");
        Files.writeString(aoi, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {}, "
                + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[10, 10], [10.001, 10], [10.001, 10.001], [10, 10.001], [10, 10]]]}}]}");
        var cfg = Examples.semanticSegmentation(data, root.toString(), null, SemanticSegmentationWindowMethod.SLIDING);
        var ds = cfg.dataset();
        cfg = cfg.toBuilder().dataset(ds.toBuilder().trainScenes(ds.trainScenes().get(0).toBuilder().aoiUris(aoi.toString()).build()).build()).build();
        Cli.Result r = run(writeConfig(cfg, "seg-empty"), "analyze", "chip");
        assertThat(r.out() + r.err()).contains("scene 'scene_0' produced no chips");
        assertThat(chips(root.resolve("chip/train-0.zip"))).isZero();
        assertThat(chips(root.resolve("chip/valid-0.zip"))).isEqualTo(64);
    }

    @Test
    void segmentationRandomSampleMakesChipsPerScene() throws Exception {
        Path root = tmp.resolve("seg-random");
        Path cfg = writeConfig(Examples.semanticSegmentation(data, root.toString(), null, SemanticSegmentationWindowMethod.RANDOM_SAMPLE), "seg-random");
        run(cfg, "analyze", "chip");
        assertThat(chips(root.resolve("chip/train-0.zip"))).isEqualTo(Examples.CHIPS_PER_SCENE);
        assertThat(chips(root.resolve("chip/valid-0.zip"))).isEqualTo(Examples.CHIPS_PER_SCENE);

        // two splits: scene i goes to split i mod 2, so split 1 has no scene of either group
        Path split = tmp.resolve("seg-split");
        run(writeConfig(Examples.semanticSegmentation(data, split.toString(), null, SemanticSegmentationWindowMethod.RANDOM_SAMPLE),
                "seg-split"), "analyze", "chip", "-s", "2");
        assertThat(chips(split.resolve("chip/train-0.zip"))).isEqualTo(Examples.CHIPS_PER_SCENE);
        assertThat(chips(split.resolve("chip/train-1.zip"))).isZero();
        assertThat(ChipArchive.trainArchives(split.resolve("chip").toString())).hasSize(2);
        assertThat(ChipArchive.validArchives(split.resolve("chip").toString())).hasSize(2);
    }

    @Test
    void chipClassificationAndDetectionWithGroundTruthScoreF1One() throws Exception {
        Path ccRoot = tmp.resolve("cc");
        run(writeConfig(Examples.chipClassification(data, ccRoot.toString(), null), "cc"));
        JsonNode cc = JSON.readTree(ccRoot.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(cc.get("overall"), "building")).as(cc.toString()).isEqualTo(1.0);
        assertThat(Evaluation.f1Of(cc.get("overall"), "background")).as(cc.toString()).isEqualTo(1.0);
        assertThat(chips(ccRoot.resolve("chip/train-0.zip"))).isEqualTo(144);
        assertThat(ccRoot.resolve("bundle/model-bundle.zip")).exists();
        var cells = GeoJsonReader.read(ccRoot.resolve("predict/scene_1.json"));
        assertThat(cells.size()).isEqualTo(144);
        assertThat(cells.features().get(0).properties()).containsKeys("class_id", "class_name", "scores");

        // detection: windows overlap by half (stride 150), so every car is predicted by up to 4 windows,
        // each copy moved by up to 1 px (cars are ~6 px wide: 1 px keeps IoU ≥ 0.5); PREDICT's merge must leave one box per car
        Path odRoot = tmp.resolve("od");
        GroundTruthBackendConfig jitter = GroundTruthBackendConfig.builder().jitterPx(1.0).seed(7L).build();
        run(writeConfig(Examples.objectDetection(data, odRoot.toString(), jitter), "od"));
        JsonNode od = JSON.readTree(odRoot.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(od.get("overall"), "car")).isEqualTo(1.0);
        int cars = GeoJsonReader.read(data.resolve("scene_1_cars.geojson")).size();
        assertThat(GeoJsonReader.read(odRoot.resolve("predict/scene_1.json")).size()).isEqualTo(cars);
        assertThat(chips(odRoot.resolve("chip/train-0.zip"))).isGreaterThan(0);

        // existing predictions read through prediction_uri ({scene_id} filled in) score like the labels
        Path existing = tmp.resolve("od-existing");
        GroundTruthBackendConfig fromFile = GroundTruthBackendConfig.builder()
                .predictionUri(data.resolve("{scene_id}_cars.geojson").toString()).build();
        run(writeConfig(Examples.objectDetection(data, existing.toString(), fromFile), "od-existing"));
        JsonNode ex = JSON.readTree(existing.resolve("eval/eval.json").toFile());
        assertThat(Evaluation.f1Of(ex.get("overall"), "car")).isEqualTo(1.0);
    }

    /**
     * Predictions = labels moved k px right. By hand: predicted class at (x, y) is the label at
     * (x − k, y), the null class for x < k; F1 of "building" from that confusion matrix.
     */
    @Test
    void shiftedPredictionsLowerF1AsComputedByHand() throws Exception {
        int k = 6;
        Path root = tmp.resolve("seg-shift");
        var cfg = Examples.semanticSegmentation(data, root.toString(), GroundTruthBackendConfig.builder().xShiftPx(k).build(),
                SemanticSegmentationWindowMethod.RANDOM_SAMPLE);
        run(writeConfig(cfg, "seg-shift"));
        JsonNode eval = JSON.readTree(root.resolve("eval/eval.json").toFile());

        var vs = new GeoJsonVectorSource(data.resolve("scene_1_buildings.geojson"), VectorSourceOptions.defaults(),
                rv.core.CrsTransformer.of(rv.data.raster.RasterSources.open(data.resolve("scene_1.tif").toString())));
        int w = 1200, h = 1200;
        byte[] gt;
        try (var img = rv.data.raster.RasterSources.open(data.resolve("scene_1.tif").toString())) {
            gt = (byte[]) RasterizedSource.like(img, vs, new RasterizerOptions(0, false)).read(new Box(0, 0, w, h)).data();
        }
        long tp = 0, fp = 0, fn = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean g = gt[y * w + x] == 1;
                boolean p = x >= k && gt[y * w + x - k] == 1;
                if (g && p) tp++; else if (p) fp++; else if (g) fn++;
            }
        }
        double precision = (double) tp / (tp + fp), recall = (double) tp / (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        assertThat(f1).isLessThan(0.99);
        assertThat(Evaluation.f1Of(eval.get("overall"), "building")).isCloseTo(f1, within(1e-9));
        assertThat(eval.get("overall").get(1).get("gt_count").asDouble()).isEqualTo(tp + fn);
    }
}
