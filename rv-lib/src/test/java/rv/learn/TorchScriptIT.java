package rv.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.raster.Raster;
import rv.learn.djl.DjlChipModel;
import rv.learn.djl.ModelBundle;
import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;
import rv.task.Prediction;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TorchScript networks made by PyTorch itself (Debian's python3-torch 1.13 as the oracle: it scripts
 * the modules and computes the reference outputs): rv predicts like PyTorch, fine-tunes a scripted
 * module (BatchNorm statistics keep learning) and saves it as TorchScript that PyTorch loads back.
 */
class TorchScriptIT {
    @TempDir
    static Path tmp;
    static Path oracle;
    static Path clsPt;
    static Path segPt;

    @BeforeAll
    static void scriptModules() throws Exception {
        oracle = tmp.resolve("torchscript_oracle.py");
        try (InputStream in = TorchScriptIT.class.getResourceAsStream("/rv/learn/torchscript_oracle.py")) {
            Files.copy(in, oracle);
        }
        clsPt = tmp.resolve("cls.pt");
        segPt = tmp.resolve("seg.pt");
        py("make", clsPt.toString(), "classification");
        py("make", segPt.toString(), "segmentation");
    }

    /** Runs the oracle; fails (never skips) when Debian's python3-torch is missing. */
    static void py(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", oracle.toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("this test needs /usr/bin/python3 with Debian's python3-torch (apt-get install python3-torch)", e);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("python3 %s: %s (python3-torch must be installed)", args[0], out).isZero();
    }

    private static LearnerSpec spec(LearnerSpec.Task task) {
        return new LearnerSpec(task, Backbone.RESNET18, 1.0, List.of("background", "building"), 3, 32, new float[3],
                new float[] {255, 255, 255}, -1, 1e-2, 4, 8, false, List.of(), "adam", List.of(), 7, false, false, 1, null, 0);
    }

    private static List<Raster> chips(int n, long seed) {
        Random rnd = new Random(seed);
        List<Raster> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Synthetic.chip(rnd, 32, i % 2 == 0, null));
        return out;
    }

    /** PyTorch's softmax output for the chips, normalised like rv does. */
    private static float[] pytorch(Path module, List<Raster> chips, LearnerSpec spec) throws Exception {
        int per = 3 * 32 * 32;
        float[] x = new float[chips.size() * per];
        for (int i = 0; i < chips.size(); i++) ChipData.normalise(chips.get(i), spec.mean(), spec.std(), x, i * per);
        Path in = Files.createTempFile(tmp, "x", ".npz"), out = Files.createTempFile(tmp, "y", ".npz");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(x, new Shape(chips.size(), 3, 32, 32));
            a.setName("x");
            Files.write(in, new NDList(a).encode(NDList.Encoding.NPZ));
        }
        py("run", module.toString(), in.toString(), out.toString());
        try (NDManager m = NDManager.newBaseManager()) {
            return NDList.decode(m, Files.readAllBytes(out)).get(0).toFloatArray();
        }
    }

    private static float[] rv(DjlChipModel model, List<Raster> chips) {
        List<Float> all = new ArrayList<>();
        for (Prediction p : model.predict(chips)) {
            float[] probs = p instanceof Prediction.ClassScores c ? c.probs() : ((Prediction.PixelScores) p).probs();
            for (float f : probs) all.add(f);
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }

    private static double maxDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    @Test
    void predictsLikePyTorchFromFileAndZipUris() throws Exception {
        List<Raster> chips = chips(3, 1);
        LearnerSpec cls = spec(LearnerSpec.Task.CLASSIFICATION);
        try (DjlChipModel m = DjlChipModel.torchscript(cls, clsPt.toUri().toString())) {
            double d = maxDiff(rv(m, chips), pytorch(clsPt, chips, cls));
            System.out.printf("classification: max |rv - pytorch| = %.3g%n", d);
            assertThat(d).isLessThan(1e-5);
        }
        Path zip = tmp.resolve("models.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("nets/seg.pt"));
            Files.copy(segPt, z);
            z.closeEntry();
        }
        LearnerSpec seg = spec(LearnerSpec.Task.SEGMENTATION);
        try (DjlChipModel m = DjlChipModel.torchscript(seg, "zip://" + zip + "!/nets/seg.pt")) {
            double d = maxDiff(rv(m, chips), pytorch(segPt, chips, seg));
            System.out.printf("segmentation: max |rv - pytorch| = %.3g%n", d);
            assertThat(d).isLessThan(1e-5);
        }
    }

    @Test
    void zeroEpochsPredictWithTheModuleAsGiven() throws Exception {
        Synthetic.segmentation(tmp.resolve("seg-0.zip"), 8, 32, 6);
        ChipData data = ChipData.load(List.of(tmp.resolve("seg-0.zip")), LearnerSpec.Task.SEGMENTATION);
        LearnerSpec base = spec(LearnerSpec.Task.SEGMENTATION);
        LearnerSpec spec = new LearnerSpec(base.task(), base.backbone(), 1.0, base.classNames(), 3, 32, base.mean(), base.std(), -1,
                1e-2, 0, 8, false, List.of(), "adam", List.of(), 7, false, false, 1, segPt.toUri().toString(), 0);
        Path dir = tmp.resolve("zero");
        new TrainLoop(spec, data, data, dir, 1, x -> {}).run();
        List<Raster> chips = chips(2, 11);
        try (InputStream in = Files.newInputStream(dir.resolve("model"));
             DjlChipModel model = new DjlChipModel(LearnerSpec.read(dir.resolve("learner.json")), in, "model")) {
            assertThat(maxDiff(rv(model, chips), pytorch(segPt, chips, spec))).isLessThan(1e-5);
        }
    }

    @Test
    void fineTunesAScriptedModuleWithTrainableBatchNorm() throws Exception {
        Synthetic.classification(tmp.resolve("train-0.zip"), 64, 32, 3);
        Synthetic.classification(tmp.resolve("valid-0.zip"), 32, 32, 4);
        ChipData train = ChipData.load(List.of(tmp.resolve("train-0.zip")), LearnerSpec.Task.CLASSIFICATION);
        ChipData valid = ChipData.load(List.of(tmp.resolve("valid-0.zip")), LearnerSpec.Task.CLASSIFICATION);
        LearnerSpec spec = spec(LearnerSpec.Task.CLASSIFICATION).withWeights(clsPt.toString(), null);
        Path dir = tmp.resolve("train");
        List<String> log = new ArrayList<>();
        new TrainLoop(spec, train, valid, dir, 1, log::add).run();

        assertThat(log).contains("init_weights " + clsPt + ": fine-tuning this TorchScript module (6 parameters)");
        LearnerSpec written = LearnerSpec.read(dir.resolve("learner.json"));
        assertThat(written.torchscript()).isEqualTo(clsPt.toString());
        JsonNode hist = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
        double firstLoss = hist.get(0).path("train_loss").asDouble(), lastLoss = hist.get(3).path("train_loss").asDouble();
        double f1 = hist.get(3).path("metrics").get(1).path("f1").asDouble();
        System.out.printf("fine-tuning: train loss %.4f -> %.4f, validation building F1 %.3f%n", firstLoss, lastLoss, f1);
        assertThat(lastLoss).isLessThan(firstLoss);
        assertThat(f1).isGreaterThan(0.8);

        // PyTorch reads the result back: the weights moved and BatchNorm's running statistics were updated.
        Path before = tmp.resolve("before.npz"), after = tmp.resolve("after.npz");
        py("stats", clsPt.toString(), before.toString());
        py("stats", dir.resolve("model").toString(), after.toString());
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> b = byName(NDList.decode(m, Files.readAllBytes(before)));
            Map<String, NDArray> a = byName(NDList.decode(m, Files.readAllBytes(after)));
            assertThat(b.get("bn.running_mean").abs().max().getFloat()).isZero();
            assertThat(a.get("bn.running_mean").abs().max().getFloat()).as("running mean after fine-tuning").isGreaterThan(1e-3f);
            // Every training step ran in training mode: 4 epochs of 64 chips in batches of 8.
            assertThat(a.get("bn.num_batches_tracked").toLongArray()[0]).isEqualTo(4 * 64 / 8);
            assertThat(a.get("conv.weight").sub(b.get("conv.weight")).abs().max().getFloat()).isGreaterThan(1e-4f);
        }

        // PREDICT's path (train folder) and a bundle give PyTorch's output for the fine-tuned module.
        List<Raster> chips = chips(4, 9);
        float[] expected = pytorch(dir.resolve("model"), chips, written);
        try (InputStream in = Files.newInputStream(dir.resolve("model"));
             DjlChipModel model = new DjlChipModel(written, in, "model")) {
            assertThat(maxDiff(rv(model, chips), expected)).isLessThan(1e-5);
        }
        Path bundle = tmp.resolve("model-bundle.zip");
        ModelBundle.write(bundle, dir, Map.of());
        ModelBundle.Contents c = ModelBundle.extract(bundle, tmp.resolve("unpacked"));
        try (DjlChipModel model = c.loadModel()) {
            assertThat(maxDiff(rv(model, chips), expected)).isLessThan(1e-5);
        }
    }

    /** Stops a run right after epoch 1's checkpoint, as a crash there would. */
    private static final class Crash extends RuntimeException {}

    @Test
    void resumedFineTuningEndsWhereAStraightRunEnds() throws Exception {
        Synthetic.classification(tmp.resolve("resume-0.zip"), 32, 32, 5);
        ChipData data = ChipData.load(List.of(tmp.resolve("resume-0.zip")), LearnerSpec.Task.CLASSIFICATION);
        LearnerSpec base = spec(LearnerSpec.Task.CLASSIFICATION);
        LearnerSpec spec = new LearnerSpec(base.task(), base.backbone(), 1.0, base.classNames(), 3, 32, base.mean(), base.std(), -1,
                1e-2, 2, 8, true, List.of(), "adam", List.of("HorizontalFlip"), 7, false, false, 1, clsPt.toString(), 0);
        Path straight = tmp.resolve("straight"), resumed = tmp.resolve("resumed");
        new TrainLoop(spec, data, data, straight, 1, x -> {}).run();
        try {
            new TrainLoop(spec, data, data, resumed, 1, x -> {
                if (x.startsWith("epoch 1/")) throw new Crash();
            }).run();
            throw new AssertionError("the first run should have stopped after epoch 1");
        } catch (Crash expected) {
            // the checkpoint of epoch 1 is written
        }
        List<String> log = new ArrayList<>();
        new TrainLoop(spec, data, data, resumed, 1, log::add).run();
        assertThat(log).anyMatch(l -> l.startsWith("resuming training after epoch 1 of 2"));
        Path a = tmp.resolve("straight.npz"), b = tmp.resolve("resumed.npz");
        py("stats", straight.resolve("model").toString(), a.toString());
        py("stats", resumed.resolve("model").toString(), b.toString());
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> x = byName(NDList.decode(m, Files.readAllBytes(a)));
            Map<String, NDArray> y = byName(NDList.decode(m, Files.readAllBytes(b)));
            assertThat(y.keySet()).isEqualTo(x.keySet());
            double max = 0;
            for (String k : x.keySet()) {
                double d = x.get(k).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                        .sub(y.get(k).toType(ai.djl.ndarray.types.DataType.FLOAT64, false)).abs().max().getDouble();
                max = Math.max(max, d);
            }
            System.out.printf("scripted resume: max |straight - resumed| = %.3g%n", max);
            assertThat(max).isLessThanOrEqualTo(1e-6);
        }
    }

    private static Map<String, NDArray> byName(NDList list) {
        Map<String, NDArray> out = new java.util.HashMap<>();
        for (NDArray a : list) out.put(a.getName(), a);
        return out;
    }
}
