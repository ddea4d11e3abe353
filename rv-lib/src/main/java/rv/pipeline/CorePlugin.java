package rv.pipeline;

import java.util.List;

/** The config types and runners built into rv-lib (Raster Vision 0.12's core, PyTorch backend and learner configs). */
public final class CorePlugin implements ConfigPlugin {

    @Override
    public List<Class<? extends Config>> configTypes() {
        return List.of(
                rv.core.ClassConfig.class,
                rv.data.DatasetConfig.class,
                rv.data.SceneConfig.class,
                rv.data.raster.RasterioSourceConfig.class,
                rv.data.raster.RasterizedSourceConfig.class,
                rv.data.raster.RasterizerConfig.class,
                rv.data.raster.StatsTransformerConfig.class,
                rv.data.vector.GeoJSONVectorSourceConfig.class,
                rv.data.label.ChipClassificationLabelSourceConfig.class,
                rv.data.label.SemanticSegmentationLabelSourceConfig.class,
                rv.data.label.ObjectDetectionLabelSourceConfig.class,
                rv.data.label.ChipClassificationGeoJSONStoreConfig.class,
                rv.data.label.ObjectDetectionGeoJSONStoreConfig.class,
                rv.data.label.SemanticSegmentationLabelStoreConfig.class,
                rv.data.label.PolygonVectorOutputConfig.class,
                rv.data.label.BuildingVectorOutputConfig.class,
                rv.analyze.StatsAnalyzerConfig.class,
                rv.eval.ChipClassificationEvaluatorConfig.class,
                rv.eval.SemanticSegmentationEvaluatorConfig.class,
                rv.eval.ObjectDetectionEvaluatorConfig.class,
                rv.task.classification.ChipClassificationConfig.class,
                rv.task.segmentation.SemanticSegmentationConfig.class,
                rv.task.segmentation.SemanticSegmentationChipOptions.class,
                rv.task.detection.ObjectDetectionConfig.class,
                rv.task.detection.ObjectDetectionChipOptions.class,
                rv.task.detection.ObjectDetectionPredictOptions.class,
                rv.learn.SolverConfig.class,
                rv.learn.ClassificationModelConfig.class,
                rv.learn.ClassificationDataConfig.class,
                rv.learn.ClassificationLearnerConfig.class,
                rv.learn.PyTorchChipClassificationConfig.class,
                rv.learn.SemanticSegmentationModelConfig.class,
                rv.learn.SemanticSegmentationDataConfig.class,
                rv.learn.SemanticSegmentationLearnerConfig.class,
                rv.learn.PyTorchSemanticSegmentationConfig.class,
                rv.learn.ObjectDetectionModelConfig.class,
                rv.learn.ObjectDetectionDataConfig.class,
                rv.learn.ObjectDetectionLearnerConfig.class,
                rv.learn.PyTorchObjectDetectionConfig.class);
    }

    @Override
    public List<Runner> runners() {
        return List.of(new InProcessRunner(), new LocalRunner());
    }
}
