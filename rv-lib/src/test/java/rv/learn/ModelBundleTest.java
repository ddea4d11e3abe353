package rv.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.learn.djl.DjlChipModel;
import rv.learn.djl.ModelBundle;
import rv.learn.model.Models;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;
import rv.learn.engine.Engines;
import rv.task.Prediction;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelBundleTest {

    /** A train folder with an untrained (randomly initialised) tiny classifier, made here. */
    static Path trainFolder(Path tmp) throws Exception {
        Engines.pytorch();
        LearnerSpec spec = TrainLoopTest.spec(LearnerSpec.Task.CLASSIFICATION, 1, 1e-3).withData(3, 32, new float[3], new float[] {255, 255, 255});
        Path dir = tmp.resolve("train");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(TrainLoop.SPEC_FILE), spec.toJson());
        Block block = Models.build(spec);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            TrainLoop.saveParams(block, dir.resolve(TrainLoop.MODEL_FILE));
        }
        return dir;
    }

    @Test
    void bundleRoundTripsAndPredicts(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("bundle/model-bundle.zip");
        ModelBundle.write(zip, trainFolder(tmp), Map.of(ModelBundle.PIPELINE_CONFIG, "{\"type_hint\": \"x\"}"));
        ModelBundle.Contents c = ModelBundle.extract(zip, tmp.resolve("x"));
        assertThat(c.texts()).containsKey(ModelBundle.PIPELINE_CONFIG);
        assertThat(c.spec().bands()).isEqualTo(3);
        try (DjlChipModel m = c.loadModel()) {
            Raster chip = Synthetic.chip(new Random(1), 32, true, null);
            Prediction.ClassScores p = (Prediction.ClassScores) m.predict(List.of(chip)).get(0);
            assertThat(p.probs()[0] + p.probs()[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void refusesEntriesThatEscapeTheFolder(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("evil.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertThatThrownBy(() -> ModelBundle.extract(zip, tmp.resolve("out")))
                .isInstanceOf(RvException.class)
                .hasMessage("model bundle " + zip + " has an entry '../../escaped.txt' that escapes the extraction folder; refusing to unpack it");
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        assertThat(tmp.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void corruptParamsGiveOneClearError(@TempDir Path tmp) throws Exception {
        Path dir = trainFolder(tmp);
        byte[] params = Files.readAllBytes(dir.resolve(TrainLoop.MODEL_FILE));
        Files.write(dir.resolve(TrainLoop.MODEL_FILE), java.util.Arrays.copyOf(params, params.length / 2));
        Path zip = tmp.resolve("model-bundle.zip");
        ModelBundle.write(zip, dir, Map.of());
        ModelBundle.Contents c = ModelBundle.extract(zip, tmp.resolve("x"));
        assertThatThrownBy(c::loadModel).isInstanceOf(RvException.class)
                .hasMessageStartingWith("model parameters 'model' of the model bundle are corrupt or do not match the model (")
                .hasMessageEndingWith("); retrain or use the bundle they came with");
    }

    @Test
    void channelOrderOfTheWrongLengthIsRefused(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("model-bundle.zip");
        ModelBundle.write(zip, trainFolder(tmp), Map.of());
        LearnerSpec spec = ModelBundle.extract(zip, tmp.resolve("x")).spec();
        ModelBundle.checkChannelOrder(new int[] {2, 1, 0}, spec);
        assertThatThrownBy(() -> ModelBundle.checkChannelOrder(new int[] {0, 1}, spec)).isInstanceOf(RvException.class)
                .hasMessage("channel_order has 2 entries but the model was trained on 3 bands; give exactly 3 band indexes");
    }
}
