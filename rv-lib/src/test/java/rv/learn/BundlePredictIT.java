package rv.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.learn.djl.ModelBundle;
import rv.pipeline.ConfigCodec;
import rv.task.Examples;
import rv.task.segmentation.SemanticSegmentationWindowMethod;
import rv.testutil.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole segmentation pipeline with the DJL backend (test_mode: a tiny model, two short epochs) on
 * small demo scenes; then {@code rv predict} with the bundle must reproduce PREDICT's output byte for byte.
 */
class BundlePredictIT {

    @Test
    void rvPredictWithTheBundleMatchesPredictByteForByte(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        new DemoSceneGenerator().generate(data, new DemoOptions(320, 7, 2));
        Path root = tmp.resolve("seg");
        var backend = PyTorchSemanticSegmentationConfig.builder()
                .model(SemanticSegmentationModelConfig.builder().backbone(Backbone.RESNET18).widthMult(0.25).pretrained(false).build())
                .solver(SolverConfig.builder().lr(1e-3).testNumEpochs(2).testBatchSz(2).build())
                .testMode(true).augmentors(List.of("HorizontalFlip")).build();
        var cfg = Examples.semanticSegmentation(data, root.toString(), backend, SemanticSegmentationWindowMethod.SLIDING);
        Path cfgFile = tmp.resolve("cfg.json");
        Files.writeString(cfgFile, ConfigCodec.create().write(cfg));
        Cli.Result r = Cli.run("run", "inprocess", cfgFile.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path bundle = root.resolve("bundle/model-bundle.zip");
        assertThat(bundle).isRegularFile();
        assertThat(Files.readAllLines(root.resolve("train/log.csv"))).hasSize(3);

        Path out = tmp.resolve("out/scene_1.tif");
        Cli.Result p = Cli.run("predict", bundle.toString(), data.resolve("scene_1.tif").toString(), out.toString());
        assertThat(p.code()).as(p.out() + p.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(root.resolve("predict/scene_1.tif")));
        assertThat(tmp.resolve("out/scene_1-1-polygons.json")).isRegularFile();

        Cli.Result bad = Cli.run("predict", bundle.toString(), data.resolve("scene_1.tif").toString(), out.toString(),
                "--channel-order", "0", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("rv: channel_order has 2 entries but the model was trained on 3 bands; give exactly 3 band indexes");

        Path other = tmp.resolve("out/swapped.tif");
        Cli.Result swapped = Cli.run("predict", bundle.toString(), data.resolve("scene_1.tif").toString(), other.toString(),
                "--channel-order", "2", "1", "0", "--update-stats");
        assertThat(swapped.code()).as(swapped.out() + swapped.err()).isZero();
        assertThat(other).isRegularFile();
        assertThat(ModelBundle.extract(bundle, tmp.resolve("x")).texts()).containsKeys(ModelBundle.PIPELINE_CONFIG, ModelBundle.STATS, ModelBundle.CLASS_CONFIG);
    }
}
