package rv.task;

import rv.core.ClassConfig;
import rv.data.DatasetConfig;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationLabelSourceConfig;
import rv.data.label.LabelSourceConfig;
import rv.data.label.ObjectDetectionLabelSourceConfig;
import rv.data.label.PolygonVectorOutputConfig;
import rv.data.label.SemanticSegmentationLabelSourceConfig;
import rv.data.label.SemanticSegmentationLabelStoreConfig;
import rv.data.raster.RasterioSourceConfig;
import rv.data.raster.RasterizedSourceConfig;
import rv.data.raster.RasterizerConfig;
import rv.data.raster.StatsTransformerConfig;
import rv.data.vector.GeoJSONVectorSourceConfig;
import rv.learn.BackendConfig;
import rv.task.classification.ChipClassificationConfig;
import rv.task.detection.ObjectDetectionChipOptions;
import rv.task.detection.ObjectDetectionConfig;
import rv.task.detection.ObjectDetectionWindowMethod;
import rv.task.gt.GroundTruthBackendConfig;
import rv.task.segmentation.SemanticSegmentationChipOptions;
import rv.task.segmentation.SemanticSegmentationConfig;
import rv.task.segmentation.SemanticSegmentationWindowMethod;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Ready-made pipeline configs for the three tasks on the scenes of {@code rv demo-data DIR}
 * ({@code scene_0} trains, {@code scene_1} validates; RGB bands with a StatsTransformer; chips of
 * 300 px). Pass a backend (e.g. the DJL one) or null for the ground-truth backend.
 *
 * <pre>{@code
 * var cfg = Examples.semanticSegmentation(Path.of("data"), "out/semseg", null, SemanticSegmentationWindowMethod.SLIDING);
 * }</pre>
 * The CLI writes them as JSON: {@code rv example-config semantic_segmentation data out/semseg > cfg.json}.
 */
public final class Examples {
    private Examples() {}

    /** Chip size of the examples. */
    public static final int CHIP_SZ = 300;
    /** Cell (= chip) size of the chip classification example. */
    public static final int CC_CELL_SZ = 100;
    /** Random chips per scene of the {@code random_sample} segmentation example. */
    public static final int CHIPS_PER_SCENE = 20;

    /**
     * Buildings vs background, labels rasterized from {@code scene_<i>_buildings.geojson}; predictions
     * also vectorised into building polygons. Sliding windows: stride 150, 64 chips per 1200² scene;
     * random_sample: {@value #CHIPS_PER_SCENE} per scene.
     */
    public static SemanticSegmentationConfig semanticSegmentation(Path data, String rootUri, BackendConfig backend,
                                                                  SemanticSegmentationWindowMethod method) {
        ClassConfig classes = ClassConfig.builder().names("background", "building").colors(java.util.List.of("lightgray", "red")).build();
        Function<Integer, LabelSourceConfig> labels = i -> SemanticSegmentationLabelSourceConfig.builder()
                .rasterSource(RasterizedSourceConfig.builder()
                        .vectorSource(GeoJSONVectorSourceConfig.builder().uri(file(data, i, "_buildings.geojson")).defaultClassId(1).build())
                        .rasterizerConfig(RasterizerConfig.builder().backgroundClassId(0).build()).build())
                .build();
        SemanticSegmentationLabelStoreConfig store = SemanticSegmentationLabelStoreConfig.builder()
                .vectorOutput(PolygonVectorOutputConfig.builder().classId(1).denoise(1).build()).build();
        return SemanticSegmentationConfig.builder().rootUri(rootUri)
                .dataset(DatasetConfig.builder().classConfig(classes)
                        .trainScenes(scene(data, 0, labels.apply(0), null))
                        .validationScenes(scene(data, 1, labels.apply(1), store)).build())
                .backend(backend != null ? backend : GroundTruthBackendConfig.builder().build())
                .trainChipSz(CHIP_SZ).predictChipSz(CHIP_SZ)
                .chipOptions(SemanticSegmentationChipOptions.builder().windowMethod(method).chipsPerScene(CHIPS_PER_SCENE).build())
                .build();
    }

    /**
     * Cells of {@value #CC_CELL_SZ} px (144 per 1200² scene) labelled "building" when at least half of a
     * building polygon lies inside, else "background".
     */
    public static ChipClassificationConfig chipClassification(Path data, String rootUri, BackendConfig backend) {
        ClassConfig classes = ClassConfig.builder().names("background", "building").build();
        Function<Integer, LabelSourceConfig> labels = i -> ChipClassificationLabelSourceConfig.builder()
                .vectorSource(GeoJSONVectorSourceConfig.builder().uri(file(data, i, "_buildings.geojson")).defaultClassId(1).build())
                .inferCells(true).cellSz(CC_CELL_SZ).ioaThresh(0.5).useIntersectionOverCell(false)
                .pickMinClassId(false).backgroundClassId(0).build();
        return ChipClassificationConfig.builder().rootUri(rootUri)
                .dataset(DatasetConfig.builder().classConfig(classes)
                        .trainScenes(scene(data, 0, labels.apply(0), null))
                        .validationScenes(scene(data, 1, labels.apply(1), null)).build())
                .backend(backend != null ? backend : GroundTruthBackendConfig.builder().build())
                .trainChipSz(CC_CELL_SZ).predictChipSz(CC_CELL_SZ)
                .build();
    }

    /**
     * Cars (class id 2 in the demo labels, hence the class list background, building, car) as boxes;
     * chips around each car plus as many negative chips.
     */
    public static ObjectDetectionConfig objectDetection(Path data, String rootUri, BackendConfig backend) {
        ClassConfig classes = ClassConfig.builder().names("background", "building", "car").build();
        Function<Integer, LabelSourceConfig> labels = i -> ObjectDetectionLabelSourceConfig.builder()
                .vectorSource(GeoJSONVectorSourceConfig.builder().uri(file(data, i, "_cars.geojson")).defaultClassId(2).build())
                .build();
        return ObjectDetectionConfig.builder().rootUri(rootUri)
                .dataset(DatasetConfig.builder().classConfig(classes)
                        .trainScenes(scene(data, 0, labels.apply(0), null))
                        .validationScenes(scene(data, 1, labels.apply(1), null)).build())
                .backend(backend != null ? backend : GroundTruthBackendConfig.builder().build())
                .trainChipSz(CHIP_SZ).predictChipSz(CHIP_SZ)
                .chipOptions(ObjectDetectionChipOptions.builder().windowMethod(ObjectDetectionWindowMethod.CHIP).negRatio(1.0).build())
                .build();
    }

    /** The example for a task id ({@code semantic_segmentation}, {@code chip_classification}, {@code object_detection}). */
    public static RvPipelineConfig forTask(TaskKind task, Path data, String rootUri, BackendConfig backend) {
        return switch (task) {
            case SEMANTIC_SEGMENTATION -> semanticSegmentation(data, rootUri, backend, SemanticSegmentationWindowMethod.SLIDING);
            case CHIP_CLASSIFICATION -> chipClassification(data, rootUri, backend);
            case OBJECT_DETECTION -> objectDetection(data, rootUri, backend);
        };
    }

    private static SceneConfig scene(Path data, int i, LabelSourceConfig labels, rv.data.label.LabelStoreConfig store) {
        SceneConfig.Builder b = SceneConfig.builder().id("scene_" + i)
                .rasterSource(RasterioSourceConfig.builder().uris(file(data, i, ".tif")).channelOrder(java.util.List.of(0, 1, 2))
                        .transformers(StatsTransformerConfig.builder().build()).build())
                .labelSource(labels);
        if (store != null) b = b.labelStore(store);
        return b.build();
    }

    private static String file(Path data, int i, String suffix) {
        return data.resolve("scene_" + i + suffix).toAbsolutePath().toString();
    }
}
