package rv.pipeline;

import rv.testutil.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import rv.analyze.StatsAnalyzerConfig;
import rv.core.ClassConfig;
import rv.core.RvException;
import rv.data.DatasetConfig;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationGeoJSONStoreConfig;
import rv.data.label.ChipClassificationLabelSourceConfig;
import rv.data.label.SemanticSegmentationLabelSourceConfig;
import rv.data.raster.RasterioSourceConfig;
import rv.data.raster.RasterizedSourceConfig;
import rv.data.raster.RasterizerConfig;
import rv.data.raster.StatsTransformerConfig;
import rv.data.vector.GeoJSONVectorSourceConfig;
import rv.eval.ChipClassificationEvaluatorConfig;
import rv.learn.Backbone;
import rv.learn.ClassificationModelConfig;
import rv.learn.PyTorchChipClassificationConfig;
import rv.learn.PyTorchSemanticSegmentationConfig;
import rv.learn.SemanticSegmentationModelConfig;
import rv.learn.SolverConfig;
import rv.core.progress.Progress;
import rv.task.RvPipeline;
import rv.task.classification.ChipClassificationConfig;
import rv.task.detection.ObjectDetectionConfig;
import rv.task.segmentation.SemanticSegmentationConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigsTest {
    private static final String FULL = "tiny-spacenet-ss.json";
    private static final String USER = "tiny-spacenet-ss-user.json";

    private static SemanticSegmentationConfig read(String text) {
        return (SemanticSegmentationConfig) ConfigCodec.create(w -> {}).read(text, PipelineConfig.class);
    }

    @Test
    void tinySpacenetLoadsValidatesAndRoundTripsToEqualJson() {
        String json = TestResources.text(FULL);
        SemanticSegmentationConfig c = read(json);
        assertThat(c.dataset().trainScenes()).hasSize(1);
        assertThat(c.dataset().trainScenes().get(0).rasterSource()).isInstanceOf(RasterioSourceConfig.class);
        assertThat(c.chipOptions().windowMethod().name()).isEqualTo("RANDOM_SAMPLE");
        assertThat(((PyTorchSemanticSegmentationConfig) c.backend()).model().backbone()).isEqualTo(Backbone.RESNET50);
        JsonNode written = ConfigCodec.parse(ConfigCodec.create().write(c));
        assertThat(written).isEqualTo(ConfigCodec.parse(json));
        // update() of an already updated config changes nothing (implied values are filled once).
        assertThat(c.update()).isEqualTo(c);
    }

    @Test
    void updateFillsEveryImpliedValue() {
        SemanticSegmentationConfig user = read(TestResources.text(USER));
        assertThat(user.analyzeUri()).isNull();
        assertThat(user.analyzers()).isEmpty();
        SemanticSegmentationConfig updated = user.update();
        assertThat(ConfigCodec.create().toTree(updated)).isEqualTo(ConfigCodec.parse(TestResources.text(FULL)));
        assertThat(updated.analyzers()).singleElement().isInstanceOf(StatsAnalyzerConfig.class);
        assertThat(updated.dataset().classConfig().names()).containsExactly("building", "background", "null");
    }

    @Test
    void rvPipelineDeclaresCommandsSplitsAndOutputsAndReportsMissingImplementations() throws Exception {
        SemanticSegmentationConfig c = read(TestResources.text(FULL));
        var ctx = new PipelineContext(Path.of("/tmp"), System.out, null, Progress.silent());
        RvPipeline p = (RvPipeline) c.build(ctx);
        assertThat(p.commandNames()).containsExactly("analyze", "chip", "train", "predict", "eval", "bundle");
        assertThat(p.splitCommands()).containsExactly("analyze", "chip", "predict");
        assertThat(p.gpuCommands()).containsExactly("train", "predict");
        assertThat(p.command("analyze").outputs()).containsExactly("/opt/data/output/tiny_spacenet/analyze/stats.json");
        assertThat(p.command("chip").outputs()).containsExactly("/opt/data/output/tiny_spacenet/chip/");
        assertThat(p.command("predict").outputs()).containsExactly("/opt/data/output/tiny_spacenet/predict/scene_25.tif");
        // vector-eval.json is written only when there are vector outputs, so it is not a completion marker.
        assertThat(p.command("eval").outputs()).containsExactly("/opt/data/output/tiny_spacenet/eval/eval.json");
        // the commands are implemented by the rv.task.TaskCommands plugin (not run here: the example's images are URLs)
        assertThat(new rv.task.TaskCommands().supports(c, "chip")).isTrue();
    }

    @Test
    void builderValidationNamesTheFieldPath() {
        var scene = SceneConfig.builder().id("a")
                .rasterSource(RasterioSourceConfig.builder().draft()) // uris missing
                .labelSource(labels("a.geojson"))
                .draft();
        var b = SemanticSegmentationConfig.builder()
                .rootUri("/tmp/x")
                .dataset(DatasetConfig.builder().classConfig(ClassConfig.builder().names("building", "background").build())
                        .trainScenes(scene).validationScenes(List.of()).draft())
                .backend(PyTorchSemanticSegmentationConfig.builder()
                        .model(SemanticSegmentationModelConfig.builder().build())
                        .solver(SolverConfig.builder().build()).build());
        assertThatThrownBy(b::build).isInstanceOf(ConfigException.class)
                .hasMessageContaining("dataset.train_scenes[0].raster_source.uris: required field is missing")
                .extracting(e -> ((ConfigException) e).path()).isEqualTo("dataset.train_scenes[0].raster_source.uris");
        assertThatThrownBy(() -> SolverConfig.builder().batchSz(0).build()).hasMessageContaining("batch_sz: must be positive, got 0");
        assertThatThrownBy(() -> SemanticSegmentationModelConfig.builder().backbone(Backbone.VGG16).build())
                .hasMessageContaining("backbone: rv's segmentation model (a U-Net on a ResNet encoder) supports only the resnet family, got vgg16");
    }

    @Test
    void buildersAreImmutable() {
        var b1 = SolverConfig.builder();
        var b2 = b1.batchSz(8);
        assertThat(b1.draft().batchSz()).isEqualTo(32);
        assertThat(b2.draft().batchSz()).isEqualTo(8);
        SolverConfig s = b2.build();
        assertThat(s.toBuilder().lr(0.5).build().lr()).isEqualTo(0.5);
        assertThat(s.lr()).isEqualTo(0.0001);
        assertThatThrownBy(() -> s.multiStage().add(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownFieldsWarnAndUnknownTypeHintsFailListingKnownOnes() throws Exception {
        ObjectNode tree = (ObjectNode) ConfigCodec.parse(TestResources.text(FULL));
        tree.put("debug", false);
        List<String> warnings = new ArrayList<>();
        ConfigCodec.create(warnings::add).readTree(tree, PipelineConfig.class);
        assertThat(warnings).containsExactly("debug: unknown field of semantic_segmentation ignored");

        ObjectNode rs = (ObjectNode) tree.at("/dataset/train_scenes/0/raster_source");
        rs.put("type_hint", "gdal_source");
        assertThatThrownBy(() -> ConfigCodec.create().readTree(tree, PipelineConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dataset.train_scenes[0].raster_source.type_hint: unknown type_hint 'gdal_source'; known "
                        + "RasterSourceConfig types: rasterio_source, rasterized_source (is the plugin that defines it on the class path?)");
        rs.put("type_hint", "stats_analyzer");
        assertThatThrownBy(() -> ConfigCodec.create().readTree(tree, PipelineConfig.class))
                .hasMessageContaining("type_hint 'stats_analyzer' is a StatsAnalyzerConfig, not a RasterSourceConfig");
    }

    @Test
    void wrongTypesAndMissingFieldsNameThePath() {
        ObjectNode tree = (ObjectNode) ConfigCodec.parse(TestResources.text(FULL));
        tree.put("train_chip_sz", "big");
        assertThatThrownBy(() -> ConfigCodec.create().readTree(tree, PipelineConfig.class))
                .hasMessage("train_chip_sz: expected an integer, got string \"big\"");
        tree.put("train_chip_sz", 300);
        ((ObjectNode) tree.at("/chip_options")).put("window_method", "diagonal");
        assertThatThrownBy(() -> ConfigCodec.create().readTree(tree, PipelineConfig.class))
                .hasMessage("chip_options.window_method: unknown value string \"diagonal\"; expected one of sliding, random_sample");
        ((ObjectNode) tree.at("/chip_options")).put("window_method", "sliding");
        ((ObjectNode) tree.at("/dataset/validation_scenes/0/raster_source")).remove("uris");
        assertThatThrownBy(() -> ConfigCodec.create().readTree(tree, PipelineConfig.class))
                .hasMessageContaining("dataset.validation_scenes[0].raster_source.uris: required field is missing");
    }

    @Test
    void registryKnowsEveryConfigOfTheApiReference() {
        assertThat(ConfigRegistry.get().hints()).contains(
                "class_config", "dataset", "scene", "rasterio_source", "rasterized_source", "rasterizer", "stats_transformer",
                "geojson_vector_source", "chip_classification_label_source", "semantic_segmentation_label_source",
                "object_detection_label_source", "chip_classification_geojson_store", "object_detection_geojson_store",
                "semantic_segmentation_label_store", "polygon_vector_output", "building_vector_output", "stats_analyzer",
                "chip_classification_evaluator", "semantic_segmentation_evaluator", "object_detection_evaluator",
                "chip_classification", "semantic_segmentation", "semantic_segmentation_chip_options", "object_detection",
                "object_detection_chip_options", "object_detection_predict_options", "solver",
                "classification_model", "classification_data", "classification_learner", "pytorch_chip_classification_backend",
                "semantic_segmentation_model", "semantic_segmentation_data", "semantic_segmentation_learner",
                "pytorch_semantic_segmentation_backend", "object_detection_model", "object_detection_data",
                "object_detection_learner", "pytorch_object_detection_backend");
        assertThat(ConfigRegistry.get().runners()).containsKeys("inprocess", "local");
    }

    @Test
    void chipClassificationUpdateFillsCellSizeStoresAndDefaultEvaluator() {
        var scene = SceneConfig.builder().id("s1")
                .rasterSource(RasterioSourceConfig.builder().uris("a.tif").build())
                .labelSource(ChipClassificationLabelSourceConfig.builder()
                        .vectorSource(GeoJSONVectorSourceConfig.builder().uri("a.geojson").build()).build())
                .build();
        ChipClassificationConfig c = ChipClassificationConfig.builder().rootUri("/out").trainChipSz(200)
                .dataset(DatasetConfig.builder().classConfig(ClassConfig.builder().names("car", "bg").build())
                        .trainScenes(scene).validationScenes(scene.toBuilder().id("s2").build()).build())
                .backend(PyTorchChipClassificationConfig.builder().model(ClassificationModelConfig.builder().build())
                        .solver(SolverConfig.builder().build()).build())
                .build().update();
        SceneConfig s2 = c.dataset().validationScenes().get(0);
        assertThat(((ChipClassificationLabelSourceConfig) s2.labelSource()).cellSz()).isEqualTo(200);
        assertThat(((ChipClassificationGeoJSONStoreConfig) s2.labelStore()).uri()).isEqualTo("/out/predict/s2.json");
        assertThat(c.evaluators()).containsExactly(new ChipClassificationEvaluatorConfig("/out/eval/eval.json"));
        assertThat(c.analyzers()).isEmpty(); // no StatsTransformer, no StatsAnalyzer
        assertThat(c.dataset().classConfig().colors()).hasSize(2);
        assertThat(c.bundleUri()).isEqualTo("/out/bundle");
        // JSON round trip of a builder-made config.
        String json = ConfigCodec.create().write(c);
        assertThat(ConfigCodec.create().read(json, PipelineConfig.class)).isEqualTo(c);
        // Object detection defaults come from the API reference.
        var od = ObjectDetectionConfig.builder().draft();
        assertThat(od.chipOptions().negRatio()).isEqualTo(1.0);
        assertThat(od.predictOptions().scoreThresh()).isEqualTo(0.5);
        assertThat(od.trainChipSz()).isEqualTo(300);
    }

    @Test
    void missingRootUriIsReportedByUpdate() {
        var c = SemanticSegmentationConfig.builder().draft();
        assertThatThrownBy(c::update).isInstanceOf(ConfigException.class).hasMessageStartingWith("root_uri: required");
    }

    private static SemanticSegmentationLabelSourceConfig labels(String uri) {
        return SemanticSegmentationLabelSourceConfig.builder().rasterSource(RasterizedSourceConfig.builder()
                .vectorSource(GeoJSONVectorSourceConfig.builder().uri(uri).defaultClassId(0).build())
                .rasterizerConfig(RasterizerConfig.builder().backgroundClassId(1).build()).build()).build();
    }

    @Test
    void statsTransformerGetsTheAnalyzeStatsUri() {
        var t = StatsTransformerConfig.builder().build();
        SemanticSegmentationConfig c = read(TestResources.text(USER)).update();
        var rs = (RasterioSourceConfig) c.dataset().trainScenes().get(0).rasterSource();
        assertThat(rs.transformers()).containsExactly(new StatsTransformerConfig("/opt/data/output/tiny_spacenet/analyze/stats.json"));
        assertThat(t.statsUri()).isNull();
    }

    @Test
    void runningAnRvPipelineWritesItsConfigThenSaysWhatIsNotImplemented(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // the example's images are URLs; point them at a local folder that lacks them (no network in tests)
        ObjectNode tree = (ObjectNode) ConfigCodec.parse(TestResources.text(USER).replace("https://example.com/spacenet/", tmp + "/missing/"));
        Path root = tmp.resolve("out");
        tree.put("root_uri", root.toString());
        Path cfg = tmp.resolve("ss.json");
        java.nio.file.Files.writeString(cfg, tree.toPrettyString());
        Cli.Result dry = Cli.run("run", "inprocess", cfg.toString(), "--dry-run");
        assertThat(dry.out()).contains("run  analyze: output missing: " + root + "/analyze/stats.json",
                "run  chip: output missing: " + root + "/chip/", "run  bundle: output missing: " + root + "/bundle/model-bundle.zip");
        Cli.Result r = Cli.run("run", "inprocess", cfg.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("Running analyze command...\n");
        // ANALYZE is implemented (rv.task.TaskCommands); it stops on the missing image with one line
        assertThat(r.err()).isEqualTo("rv: scene 'scene_205' raster_source.uris: " + tmp + "/missing/RGB-PanSharpen_AOI_2_Vegas_img205.tif does not exist\n");
        SemanticSegmentationConfig written = read(java.nio.file.Files.readString(root.resolve("pipeline-config.json")));
        assertThat(written.analyzeUri()).isEqualTo(root + "/analyze");
        assertThat(written.analyzers()).hasSize(1);
    }
}
