// my_config.jsh
import rv.core.ClassConfig; import rv.data.*; import rv.data.raster.*; import rv.data.label.*;
import rv.data.vector.GeoJSONVectorSourceConfig; import rv.learn.*; import rv.task.segmentation.*;

PipelineConfig getConfig(String runner, Map<String, String> args) {
    var scene = SceneConfig.builder().id("scene_205")
        .rasterSource(RasterioSourceConfig.builder().uris("img205.tif").channelOrder(0, 1, 2)
            .transformers(StatsTransformerConfig.builder().build()).build())
        .labelSource(SemanticSegmentationLabelSourceConfig.builder().rasterSource(RasterizedSourceConfig.builder()
            .vectorSource(GeoJSONVectorSourceConfig.builder().uri("buildings205.geojson").defaultClassId(0).build())
            .rasterizerConfig(RasterizerConfig.builder().backgroundClassId(1).build()).build()).build())
        .build();
    return SemanticSegmentationConfig.builder().rootUri(args.get("root_uri"))
        .dataset(DatasetConfig.builder().classConfig(ClassConfig.builder().names("building", "background").build())
            .trainScenes(scene).validationScenes(scene.toBuilder().id("val").build()).build())
        .backend(PyTorchSemanticSegmentationConfig.builder().model(SemanticSegmentationModelConfig.builder().build())
            .solver(SolverConfig.builder().numEpochs(1).batchSz(2).build()).build())
        .chipOptions(SemanticSegmentationChipOptions.builder()
            .windowMethod(SemanticSegmentationWindowMethod.RANDOM_SAMPLE).chipsPerScene(9).build())
        .build();
}
