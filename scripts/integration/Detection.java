import rv.core.ClassConfig;
import rv.data.DatasetConfig;
import rv.data.SceneConfig;
import rv.data.label.ObjectDetectionLabelSourceConfig;
import rv.data.raster.RasterioSourceConfig;
import rv.data.vector.GeoJSONVectorSourceConfig;
import rv.learn.Backbone;
import rv.learn.ObjectDetectionModelConfig;
import rv.learn.PyTorchObjectDetectionConfig;
import rv.learn.SolverConfig;
import rv.pipeline.PipelineConfig;
import rv.task.detection.ObjectDetectionConfig;

import java.util.List;
import java.util.Map;

/**
 * Raster Vision's object detection integration test (cars and buildings) with rv's DJL backend.
 * rv run inprocess scripts/integration/Detection.java -a data DIR -a root_uri OUT
 * (DIR: raster-vision-testdata/integration_tests/object_detection/scene).
 */
public class Detection {
    public static PipelineConfig getConfig(String runner, Map<String, String> args) {
        String d = args.get("data");
        ClassConfig classes = ClassConfig.builder().names("car", "building").build();
        return ObjectDetectionConfig.builder().rootUri(args.get("root_uri"))
                .dataset(DatasetConfig.builder().classConfig(classes)
                        .trainScenes(scene("od_test", d + "/image.tif", d + "/labels.json"))
                        .validationScenes(scene("od_test-2", d + "/image2.tif", d + "/labels2.json")).build())
                .backend(PyTorchObjectDetectionConfig.builder()
                        .model(ObjectDetectionModelConfig.builder().backbone(Backbone.RESNET18).widthMult(0.25).pretrained(false).build())
                        .solver(SolverConfig.builder().lr(3e-3).numEpochs(Integer.parseInt(args.getOrDefault("epochs", "40"))).batchSz(4).oneCycle(true).build())
                        .build())
                .trainChipSz(300).predictChipSz(300)
                .build();
    }

    static SceneConfig scene(String id, String image, String labels) {
        return SceneConfig.builder().id(id)
                .rasterSource(RasterioSourceConfig.builder().uris(image).channelOrder(List.of(0, 1, 2)).build())
                .labelSource(ObjectDetectionLabelSourceConfig.builder()
                        .vectorSource(GeoJSONVectorSourceConfig.builder().uri(labels).build()).build())
                .build();
    }
}
