import rv.core.ClassConfig;
import rv.data.DatasetConfig;
import rv.data.SceneConfig;
import rv.data.label.SemanticSegmentationLabelSourceConfig;
import rv.data.raster.RasterioSourceConfig;
import rv.learn.Backbone;
import rv.learn.PyTorchSemanticSegmentationConfig;
import rv.learn.SemanticSegmentationModelConfig;
import rv.learn.SolverConfig;
import rv.pipeline.PipelineConfig;
import rv.task.segmentation.SemanticSegmentationConfig;

import java.util.List;
import java.util.Map;

/**
 * Raster Vision's semantic segmentation integration test (red/green scenes, RGB label rasters) with
 * rv's DJL backend. rv run inprocess scripts/integration/Semseg.java -a data DIR -a root_uri OUT
 * (DIR: raster-vision-testdata/integration_tests/semantic_segmentation/scene).
 */
public class Semseg {
    public static PipelineConfig getConfig(String runner, Map<String, String> args) {
        String d = args.get("data");
        ClassConfig classes = ClassConfig.builder().names("red", "green").colors(List.of("red", "green")).build();
        return SemanticSegmentationConfig.builder().rootUri(args.get("root_uri"))
                .dataset(DatasetConfig.builder().classConfig(classes)
                        .trainScenes(scene("train_scene", d + "/image.tif", d + "/labels.tif", classes))
                        .validationScenes(scene("val_scene", d + "/image2.tif", d + "/labels2.tif", classes)).build())
                .backend(PyTorchSemanticSegmentationConfig.builder()
                        .model(SemanticSegmentationModelConfig.builder().backbone(Backbone.RESNET18).widthMult(0.25).pretrained(false).build())
                        .solver(SolverConfig.builder().lr(3e-3).numEpochs(Integer.parseInt(args.getOrDefault("epochs", "8"))).batchSz(4).oneCycle(true).build())
                        .build())
                .trainChipSz(300).predictChipSz(300)
                .build();
    }

    static SceneConfig scene(String id, String image, String labels, ClassConfig classes) {
        return SceneConfig.builder().id(id)
                .rasterSource(RasterioSourceConfig.builder().uris(image).channelOrder(List.of(0, 1, 2)).build())
                .labelSource(SemanticSegmentationLabelSourceConfig.builder()
                        .rasterSource(RasterioSourceConfig.builder().uris(labels).build()).rgbClassConfig(classes).build())
                .build();
    }
}
