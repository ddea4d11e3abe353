package rv.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.learn.djl.DjlChipModel;
import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;
import rv.task.Prediction;
import rv.data.raster.Raster;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainLoopTest {

    static LearnerSpec spec(LearnerSpec.Task task, int epochs, double lr) {
        return new LearnerSpec(task, Backbone.RESNET18, 0.25, List.of("background", "building"), 3, 32,
                new float[] {0, 0, 0}, new float[] {255, 255, 255}, -1, lr, epochs, 8, false, List.of(), "adam",
                List.of("HorizontalFlip", "VerticalFlip", "RandomRotate90"), 7, false, false, 1, null, 0);
    }

    @Test
    void segmentationLearnsBrightRectanglesAndWritesLogs(@TempDir Path tmp) throws Exception {
        Synthetic.segmentation(tmp.resolve("train-0.zip"), 64, 32, 1);
        Synthetic.segmentation(tmp.resolve("valid-0.zip"), 24, 32, 2);
        ChipData train = ChipData.load(List.of(tmp.resolve("train-0.zip")), LearnerSpec.Task.SEGMENTATION);
        ChipData valid = ChipData.load(List.of(tmp.resolve("valid-0.zip")), LearnerSpec.Task.SEGMENTATION);
        Path dir = tmp.resolve("train");
        new TrainLoop(spec(LearnerSpec.Task.SEGMENTATION, 4, 3e-3), train, valid, dir, 2, null).run();

        assertTrue(Files.isRegularFile(dir.resolve("model")));
        List<String> csv = Files.readAllLines(dir.resolve("log.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,train_loss,val_loss,lr,time,background_precision"), csv.get(0));
        JsonNode hist = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
        assertEquals(4, hist.size());
        double f1 = hist.get(3).path("metrics").get(1).path("f1").asDouble();
        assertTrue(f1 > 0.8, "building F1 after 4 epochs: " + f1);
        assertTrue(hist.get(3).path("train_loss").asDouble() < hist.get(0).path("train_loss").asDouble());

        LearnerSpec spec = LearnerSpec.read(dir.resolve("learner.json"));
        try (InputStream in = Files.newInputStream(dir.resolve("model"));
             DjlChipModel model = new DjlChipModel(spec, in, "model")) {
            Random rnd = new Random(5);
            byte[] mask = new byte[40 * 40];
            Raster chip = Synthetic.chip(rnd, 40, true, mask); // 40: not a multiple of 32, padded inside
            Prediction.PixelScores p = (Prediction.PixelScores) model.predict(List.of(chip)).get(0);
            assertEquals(40, p.w());
            int agree = 0;
            for (int i = 0; i < mask.length; i++) {
                int pred = p.probs()[1600 + i] > p.probs()[i] ? 1 : 0;
                if (pred == mask[i]) agree++;
            }
            assertTrue(agree > 0.9 * mask.length, "pixel accuracy " + agree / 1600.0);
        }
    }

    @Test
    void detectorLearnsToFindSquares(@TempDir Path tmp) throws Exception {
        Synthetic.detection(tmp.resolve("train-0.zip"), 32, 64, 4);
        ChipData train = ChipData.load(List.of(tmp.resolve("train-0.zip")), LearnerSpec.Task.DETECTION);
        Path dir = tmp.resolve("train");
        LearnerSpec spec = spec(LearnerSpec.Task.DETECTION, 6, 1e-2);
        new TrainLoop(spec, train, train, dir, 2, null).run();
        JsonNode hist = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
        assertTrue(hist.get(5).path("train_loss").asDouble() < 0.6 * hist.get(0).path("train_loss").asDouble(), hist.toString());
        double f1 = hist.get(5).path("metrics").get(1).path("f1").asDouble();
        assertTrue(f1 > 0.3, "car F1 on the training chips after 6 epochs: " + f1);
        try (InputStream in = Files.newInputStream(dir.resolve("model"));
             DjlChipModel model = new DjlChipModel(LearnerSpec.read(dir.resolve("learner.json")), in, "model")) {
            Prediction p = model.predict(List.of(Synthetic.chip(new Random(1), 64, false, null))).get(0);
            assertTrue(p instanceof Prediction.Boxes);
        }
    }

    @Test
    void trainingIsReproducibleWithTheSameSeed(@TempDir Path tmp) throws Exception {
        Synthetic.classification(tmp.resolve("train-0.zip"), 32, 32, 3);
        ChipData train = ChipData.load(List.of(tmp.resolve("train-0.zip")), LearnerSpec.Task.CLASSIFICATION);
        List<byte[]> models = new ArrayList<>();
        for (String run : List.of("a", "b")) {
            Path dir = tmp.resolve(run);
            new TrainLoop(spec(LearnerSpec.Task.CLASSIFICATION, 1, 1e-3), train, train, dir, 2, null).run();
            models.add(Files.readAllBytes(dir.resolve("model")));
        }
        assertTrue(java.util.Arrays.equals(models.get(0), models.get(1)), "two runs with one seed give different weights");
    }
}
