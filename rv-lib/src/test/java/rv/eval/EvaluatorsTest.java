package rv.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import rv.core.ClassConfig;
import rv.core.GeoTransform;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationLabelSourceConfig;
import rv.data.raster.DataType;
import rv.data.raster.InMemoryRasterSource;
import rv.data.raster.Raster;
import rv.data.raster.RasterioSourceConfig;
import rv.data.vector.Feature;
import rv.data.vector.GeoJSONVectorSourceConfig;
import rv.data.vector.GeoJsonReader;
import rv.task.labels.ChipClassificationGeoJSONStore;
import rv.task.labels.ChipClassificationLabelSource;
import rv.task.labels.SegmentationLabelSource;
import rv.task.scene.Scene;
import rv.task.scene.SceneLoader;
import rv.testutil.TestFiles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluatorsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> NAMES = List.of("one", "two", "null");

    static SegmentationLabelSource labels(int[] rowClasses) {
        Raster r = Raster.zeros(10, 10, 1, DataType.UINT8);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) r.set(0, y, x, rowClasses[y]);
        return new SegmentationLabelSource(new InMemoryRasterSource(r, new GeoTransform(0, 1, 0, 0, 0, -1), OptionalInt.empty(), OptionalDouble.empty()), null, 2);
    }

    /** Raster Vision's own test: gt all 0 / all 1, predictions rows 0–4 → 0, rows 5–9 → 1. */
    @Test
    void reproducesRasterVisionsExpectedEvalJson() throws Exception {
        int[] half = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        Map<String, Evaluation> perScene = new LinkedHashMap<>();
        perScene.put("0", Evaluators.segmentation(NAMES, labels(new int[10]), labels(half), null));
        perScene.put("1", Evaluators.segmentation(NAMES, labels(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), labels(half), null));
        ObjectNode ours = Evaluation.report(perScene.get("0").merge(perScene.get("1")), perScene);
        JsonNode expected = JSON.readTree(TestFiles.resource("rv-testdata/expected-eval.json").toFile());
        int compared = compareItems(expected.get("overall"), ours.get("overall"));
        for (String id : List.of("0", "1")) compared += compareItems(expected.get("per_scene").get(id), ours.get("per_scene").get(id));
        // every number of the file: 3 sections × (3 classes × 26 + average 26)
        assertThat(compared).isEqualTo(3 * (3 * 26 + 26));
    }

    /** Compares every number of RV 0.30's nested items with rv's flat items (metrics.x → x); returns how many. */
    private static int compareItems(JsonNode expected, JsonNode ours) {
        assertThat(ours).hasSize(expected.size());
        int n = 0;
        for (JsonNode e : expected) {
            JsonNode o = find(ours, e.get("class_name").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("metrics")) {
                    for (Iterator<Map.Entry<String, JsonNode>> m = f.getValue().fields(); m.hasNext(); ) {
                        Map.Entry<String, JsonNode> mf = m.next();
                        n += same(mf.getValue(), o.get(mf.getKey()), e.get("class_name") + "." + mf.getKey());
                    }
                } else if (!f.getKey().equals("class_name")) {
                    n += same(f.getValue(), o.get(f.getKey()), e.get("class_name") + "." + f.getKey());
                }
            }
        }
        return n;
    }

    private static int same(JsonNode e, JsonNode o, String where) {
        assertThat(o).as(where + " missing").isNotNull();
        if (e.isNull()) {
            assertThat(o.isNull()).as(where + " = " + o).isTrue();
            return 1;
        }
        if (e.isNumber()) {
            assertThat(o.isNumber()).as(where + " = " + o).isTrue();
            assertThat(o.asDouble()).as(where).isCloseTo(e.asDouble(), within(1e-6));
            return 1;
        }
        int n = 0;
        if (e.isArray()) {
            assertThat(o).as(where).hasSize(e.size());
            for (int i = 0; i < e.size(); i++) n += same(e.get(i), o.get(i), where + "[" + i + "]");
            return n;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            n += same(f.getValue(), o.get(f.getKey()), where + "." + f.getKey());
        }
        return n;
    }

    private static JsonNode find(JsonNode items, String name) {
        for (JsonNode i : items) if (name.equals(i.path("class_name").asText())) return i;
        throw new AssertionError("no item " + name + " in " + items);
    }

    private static List<Geometry> polygons(String name) {
        List<Geometry> out = new ArrayList<>();
        for (Feature f : GeoJsonReader.read(TestFiles.resource("rv-testdata/" + name)).features()) out.add(f.geometry());
        return out;
    }

    /**
     * Raster Vision's vector-output scenes. By hand (the polygons are axis-aligned rectangles, one a
     * triangle): scene 0 — 5 predictions equal a ground-truth polygon, the 6th (triangle) meets none,
     * one gt polygon is missed: TP 5, FP 1, FN 1. Scene 1 — 6 exact matches, one prediction overlaps
     * gt #3 with IoU 0.36 (< 0.5): TP 6, FP 1, FN 2. Scene 2 — one exact match, one miss each way.
     */
    @Test
    void vectorScenesMatchPolygonsByHand() {
        Evaluation s0 = Evaluators.polygons("one", polygons("0-gt-polygons.geojson"), polygons("0-pred-polygons.geojson"), null);
        Evaluation s1 = Evaluators.polygons("one", polygons("1-gt-polygons.geojson"), polygons("1-pred-polygons.geojson"), null);
        Evaluation s2 = Evaluators.polygons("one", polygons("2-gt-polygons.geojson"), polygons("2-pred-polygons.geojson"), null);
        JsonNode j0 = s0.toJson().get(0), j1 = s1.toJson().get(0), j2 = s2.toJson().get(0);
        assertThat(List.of(j0.get("true_pos").asInt(), j0.get("false_pos").asInt(), j0.get("false_neg").asInt())).containsExactly(5, 1, 1);
        assertThat(List.of(j1.get("true_pos").asInt(), j1.get("false_pos").asInt(), j1.get("false_neg").asInt())).containsExactly(6, 1, 2);
        assertThat(List.of(j2.get("true_pos").asInt(), j2.get("false_pos").asInt(), j2.get("false_neg").asInt())).containsExactly(1, 1, 1);
        assertThat(j1.get("precision").asDouble()).isCloseTo(6 / 7.0, within(1e-12));
        assertThat(j1.get("recall").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(j1.get("f1").asDouble()).isCloseTo(0.8, within(1e-12));
        JsonNode all = s0.merge(s1).merge(s2).toJson().get(0);
        assertThat(all.get("gt_count").asDouble()).isEqualTo(16);
        assertThat(all.get("pred_count").asDouble()).isEqualTo(15);
        assertThat(all.get("recall").asDouble()).isCloseTo(12 / 16.0, within(1e-12));
    }

    /**
     * Raster Vision's chip-classification evaluator files: ground truth = all 14 cells, predictions =
     * the 10 cells inside the AOI. With the AOI every class scores F1 = 1 over exactly those 10 cells.
     */
    @Test
    void chipClassificationRespectsAoi() {
        ClassConfig classes = ClassConfig.builder().names("car", "building", "background").build();
        SceneConfig sc = SceneConfig.builder().id("test")
                .rasterSource(RasterioSourceConfig.builder().uris(TestFiles.resource("rv-testdata/evaluator/cc-label-img-blank.tif").toString()).build())
                .labelSource(ChipClassificationLabelSourceConfig.builder().vectorSource(GeoJSONVectorSourceConfig.builder()
                        .uri(TestFiles.resource("rv-testdata/evaluator/cc-label-full.json").toString()).build()).build())
                .aoiUris(TestFiles.resource("rv-testdata/evaluator/cc-label-aoi.json").toString())
                .build();
        try (Scene scene = new SceneLoader(classes).load(sc, true, false)) {
            ChipClassificationLabelSource gt = (ChipClassificationLabelSource) scene.labels();
            assertThat(gt.cells()).hasSize(14);
            ChipClassificationLabelSource pred = ChipClassificationGeoJSONStore.read(
                    TestFiles.resource("rv-testdata/evaluator/cc-label-filtered.json"), classes, scene.crs());
            assertThat(pred.cells()).hasSize(10);
            JsonNode withAoi = Evaluators.chipClassification(classes.names(), gt, pred, scene.aoi()).toJson();
            for (JsonNode item : withAoi) assertThat(item.get("f1").asDouble()).as(item.toString()).isEqualTo(1.0);
            assertThat(find(withAoi, "average").get("gt_count").asDouble()).isEqualTo(10);
            // without the AOI the 4 ground-truth cells outside it have no prediction: still skipped, but
            // scoring the full labels against themselves counts all 14
            JsonNode self = Evaluators.chipClassification(classes.names(), gt, gt, null).toJson();
            assertThat(find(self, "average").get("gt_count").asDouble()).isEqualTo(14);
            assertThat(find(self, "car").get("gt_count").asDouble()).isEqualTo(4);
            assertThat(find(self, "building").get("gt_count").asDouble()).isEqualTo(2);
        }
    }
}
