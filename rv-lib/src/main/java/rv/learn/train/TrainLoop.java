package rv.learn.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.RvException;
import rv.io.AtomicFiles;
import rv.learn.engine.Engines;
import rv.learn.model.Models;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * TRAIN: fits a model to chips and writes, under the train folder, {@code learner.json} (the
 * {@link LearnerSpec}), {@code log.csv} and {@code history.json} (one row per epoch: loss, validation
 * loss, per-class P/R/F1, lr, time), {@code checkpoint/} (parameters + state after each epoch, so a
 * rerun after a crash resumes from the last finished epoch) and finally {@code model} (parameters).
 * Every file is written atomically. Each step runs in its own NDManager scope.
 */
public final class TrainLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainLoop.class);
    public static final String SPEC_FILE = "learner.json";
    public static final String MODEL_FILE = "model";
    static final String OPTIMIZER_FILE = "optimizer";

    private final LearnerSpec spec;
    private final ChipData train;
    private final ChipData valid;
    private final Path dir;
    private final int workers;
    private final Consumer<String> log;
    /** SSD anchors by input size (training crops and validation chips differ). */
    private final Map<Integer, float[]> anchorsBySize = new java.util.HashMap<>();
    private rv.learn.model.Ssd ssd;
    private int validLimit = Integer.MAX_VALUE;

    public TrainLoop(LearnerSpec spec, ChipData train, ChipData valid, Path trainDir, int workers, Consumer<String> log) {
        this.train = train;
        this.valid = valid;
        this.dir = trainDir;
        if (spec.torchscript() == null && spec.initWeights() != null && !spec.initWeights().isBlank()
                && InitWeights.isTorchScript(InitWeights.read(spec.initWeights(), "init_weights"))) {
            spec = spec.withTorchscript(spec.initWeights());
        }
        this.spec = spec;
        this.workers = workers;
        this.log = log == null ? LOG::info : log;
    }

    /** Validates on at most the first {@code n} validation chips each epoch (default: all). */
    public TrainLoop validLimit(int n) {
        this.validLimit = n > 0 ? n : Integer.MAX_VALUE;
        return this;
    }

    /** Trains (resuming from a checkpoint if one is there) and writes the final model. */
    public void run() throws IOException {
        if (train.size() == 0) throw new RvException("no training chips: CHIP wrote no train-*.zip chips; check the training scenes and their AOIs");
        Engine engine = Engines.pytorch();
        engine.setRandomSeed((int) spec.seed());
        Device device = Engines.device();
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(SPEC_FILE), spec.toJson());
        Path ckDir = dir.resolve("checkpoint");
        Files.createDirectories(ckDir);

        boolean testMode = spec.testMode();
        int numEpochs = spec.numEpochs();
        int batchSz = Math.min(spec.batchSz(), Math.max(1, train.size()));
        List<Integer> trainIdx = BatchLoader.order(train.size(), spec.seed(), -1, false);
        if (testMode) trainIdx = trainIdx.subList(0, Math.min(trainIdx.size(), 2 * batchSz));
        if (spec.overfitMode()) trainIdx = trainIdx.subList(0, Math.min(trainIdx.size(), batchSz));
        int stepsPerEpoch = spec.overfitMode() ? spec.overfitNumSteps() : Math.max(1, trainIdx.size() / batchSz);

        int startEpoch = 0;
        ArrayNode history = LearnerSpec.JSON.createArrayNode();
        Path state = ckDir.resolve("state.json");
        Path ck = null;
        if (Files.isRegularFile(state)) {
            JsonNode st = LearnerSpec.JSON.readTree(state.toFile());
            startEpoch = st.path("epochs_done").asInt();
            ck = ckDir.resolve(st.path("folder").asText("."));
        }
        try (Model model = network(ck == null ? null : ck.resolve("params"), device)) {
            Block block = model.getBlock();
            Path optState = null;
            if (ck != null) {
                if (Files.isRegularFile(ck.resolve(OPTIMIZER_FILE))) optState = ck.resolve(OPTIMIZER_FILE);
                if (Files.isRegularFile(dir.resolve("history.json"))) {
                    history = (ArrayNode) LearnerSpec.JSON.readTree(dir.resolve("history.json").toFile());
                    while (history.size() > startEpoch) history.remove(history.size() - 1);
                }
                log.accept("resuming training after epoch " + startEpoch + " of " + numEpochs + " (checkpoint " + ckDir + ")");
            }
            // Restored optimizer state carries its step counts; without it the schedule skips the steps done.
            Schedule schedule = new Schedule(spec.lr(), stepsPerEpoch, numEpochs, spec.oneCycle(), spec.multiStage(),
                    optState != null ? 0 : startEpoch * stepsPerEpoch);
            ResumableOptimizer optimizer = ResumableOptimizer.of(spec.optimizer(), schedule);
            Loss loss = switch (spec.task()) {
                case SEGMENTATION -> new PixelCrossEntropy(spec.numClasses(), spec.ignoreId());
                case DETECTION -> new SsdLoss();
                case CLASSIFICATION -> Loss.softmaxCrossEntropyLoss();
            };
            RareClassSampler sampler = spec.rareClasses().isEmpty() || spec.overfitMode() ? null
                    : new RareClassSampler(train, trainIdx, java.util.Set.copyOf(spec.rareClasses()), spec.desiredProb());
            if (sampler != null) {
                log.accept(String.format("oversampling rare classes %s: %d of %d training chips contain one; a drawn chip does with probability %.2f",
                        spec.rareClasses(), sampler.rareCount(), trainIdx.size(), spec.desiredProb()));
            }
            if (block instanceof rv.learn.model.Ssd d) ssd = d;
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(loss)
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            Augmentor aug = new Augmentor(spec.overfitMode() ? List.of() : spec.augmentors());
            try (Trainer trainer = model.newTrainer(cfg); BatchLoader loader = new BatchLoader(workers)) {
                int s = train.chipSize();
                trainer.initialize(new Shape(batchSz, train.bands(), s, s));
                if (optState != null) optimizer.load(block, model.getNDManager(), optState);
                if (startEpoch == 0 && spec.torchscript() == null) initialWeights(block);
                for (int epoch = startEpoch; epoch < numEpochs; epoch++) {
                    long t0 = System.nanoTime();
                    double lossSum = 0;
                    int steps = 0;
                    List<Integer> order = spec.overfitMode() ? trainIdx
                            : sampler != null ? sampler.epoch(spec.seed(), epoch, trainIdx.size())
                            : BatchLoader.order(trainIdx.size(), spec.seed(), epoch, true).stream().map(trainIdx::get).toList();
                    if (spec.overfitMode()) {
                        Batch b = BatchLoader.build(train, spec, order, aug, new java.util.Random(spec.seed()));
                        for (int k = 0; k < stepsPerEpoch; k++) { lossSum += step(trainer, optimizer, b); steps++; }
                    } else {
                        Iterator<Batch> it = loader.batches(train, spec, order, batchSz, aug, spec.seed(), epoch, true);
                        while (it.hasNext()) { lossSum += step(trainer, optimizer, it.next()); steps++; }
                    }
                    double lr = schedule.at((epoch + 1) * stepsPerEpoch - 1);
                    long tv = System.nanoTime();
                    Validation v = validate(trainer, loss, loader, testMode ? Math.min(validLimit, 2 * batchSz) : validLimit);
                    double secs = (System.nanoTime() - t0) / 1e9, validSecs = (System.nanoTime() - tv) / 1e9;
                    ObjectNode row = history.addObject();
                    row.put("epoch", epoch);
                    row.put("train_loss", lossSum / Math.max(1, steps));
                    row.put("val_loss", v.loss);
                    row.put("lr", lr);
                    row.put("time", secs);
                    row.set("metrics", LearnerSpec.JSON.valueToTree(v.perClass));
                    writeLogs(history);
                    checkpoint(block, optimizer, ckDir, epoch + 1, numEpochs);
                    log.accept(String.format("epoch %d/%d  loss %.4f  val_loss %.4f  %s  lr %.2e  %.1fs (valid %.1fs)",
                            epoch + 1, numEpochs, lossSum / Math.max(1, steps), v.loss, f1s(v.perClass), lr, secs, validSecs));
                }
            }
            saveNetwork(block, dir.resolve(MODEL_FILE));
        }
    }

    /**
     * The model to train: rv's network for the spec (its parameters from {@code checkpoint} when
     * resuming), or the TorchScript module — the checkpoint's when resuming — loaded trainable.
     */
    private Model network(Path checkpoint, Device device) throws IOException {
        if (spec.torchscript() != null) {
            if (spec.task() == LearnerSpec.Task.DETECTION) {
                throw new RvException("init_weights " + spec.torchscript() + " is a TorchScript module; rv fine-tunes TorchScript"
                        + " networks for chip classification and semantic segmentation, not object detection");
            }
            byte[] bytes = checkpoint != null ? Files.readAllBytes(checkpoint) : InitWeights.read(spec.torchscript(), "init_weights");
            Model m = TorchScript.load(bytes, checkpoint != null ? checkpoint.toString() : spec.torchscript(), true);
            if (checkpoint == null) log.accept("init_weights " + spec.torchscript() + ": fine-tuning this TorchScript module ("
                    + m.getBlock().getParameters().size() + " parameters)");
            return m;
        }
        Model m = Model.newInstance("rv", device);
        Block block = Models.build(spec);
        m.setBlock(block);
        if (checkpoint != null) loadParams(block, m.getNDManager(), checkpoint);
        return m;
    }

    /** Writes a network's parameters (rv networks) or the module itself (TorchScript) atomically. */
    public static void saveNetwork(Block block, Path file) throws IOException {
        if (TorchScript.isScripted(block)) TorchScript.save(block, file);
        else saveParams(block, file);
    }

    /** {@code init_weights} (whole network) or else {@code pretrained_uri} (backbone), when given. */
    private void initialWeights(Block block) {
        if (spec.initWeights() != null && !spec.initWeights().isBlank()) {
            InitWeights.load(block, spec, spec.initWeights(), false, "init_weights", log);
        } else if (spec.pretrainedUri() != null && !spec.pretrainedUri().isBlank()) {
            InitWeights.load(block, spec, spec.pretrainedUri(), true, "pretrained_uri", log);
        }
    }

    /** One optimisation step in its own NDManager scope; returns the batch loss. */
    private double step(Trainer trainer, ResumableOptimizer optimizer, Batch b) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray x = m.create(b.images(), new Shape(b.n(), b.bands(), b.size(), b.size()));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(x));
                NDArray l = trainer.getLoss().evaluate(labels(m, b, pred), pred);
                gc.backward(l);
                double v = l.getFloat();
                optimizer.step(trainer.getModel().getBlock());
                return v;
            }
        }
    }

    private NDList labels(NDManager m, Batch b, NDList pred) {
        if (b.boxes() != null) return SsdLoss.targets(m, b, pred, anchors(b.size()));
        return new NDList(labels(m, b));
    }

    private static NDArray labels(NDManager m, Batch b) {
        if (b.masks() == null) return m.create(b.classIds());
        int[] ids = new int[b.masks().length];
        for (int i = 0; i < ids.length; i++) ids[i] = b.masks()[i] & 0xff;
        return m.create(ids, new Shape(b.n(), 1, b.size(), b.size()));
    }

    private float[] anchors(int size) {
        return anchorsBySize.computeIfAbsent(size, s -> rv.learn.model.Anchors.generate(s, s, ssd.featureSizes(s, s)));
    }

    private record Validation(double loss, List<Map<String, Object>> perClass) {}

    private Validation validate(Trainer trainer, Loss loss, BatchLoader loader, int limit) {
        Metrics metrics = new Metrics(spec.numClasses());
        if (valid == null || valid.size() == 0) return new Validation(Double.NaN, metrics.perClass(spec.classNames()));
        List<Integer> order = BatchLoader.order(Math.min(limit, valid.size()), spec.seed(), 0, false);
        double sum = 0;
        int n = 0;
        Iterator<Batch> it = loader.batches(valid, spec, order, Math.max(1, spec.batchSz()), null, spec.seed(), 0, false);
        while (it.hasNext()) {
            Batch b = it.next();
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray x = m.create(b.images(), new Shape(b.n(), b.bands(), b.size(), b.size()));
                NDList pred = trainer.evaluate(new NDList(x));
                sum += loss.evaluate(labels(m, b, pred), pred).getFloat() * b.n();
                n += b.n();
                if (b.boxes() != null) {
                    float[] probs = pred.get(0).softmax(2).toFloatArray();
                    float[] off = pred.get(1).toFloatArray();
                    float[] anchors = anchors(b.size());
                    int a = anchors.length / 4, k = spec.numClasses();
                    for (int i = 0; i < b.n(); i++) {
                        List<rv.task.Prediction.ScoredBox> found = rv.learn.model.Anchors.detect(anchors,
                                java.util.Arrays.copyOfRange(probs, i * a * (k + 1), (i + 1) * a * (k + 1)),
                                java.util.Arrays.copyOfRange(off, i * a * 4, (i + 1) * a * 4), k, 0.5, 0.45, 100, b.size(), b.size());
                        metrics.addDetections(b.boxes().get(i), found, 0.5);
                    }
                    continue;
                }
                int[] am = pred.singletonOrThrow().argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
                for (int i = 0; i < am.length; i++) {
                    int truth = b.masks() == null ? b.classIds()[i] : b.masks()[i] & 0xff;
                    if (truth == spec.ignoreId()) continue;
                    metrics.add(truth, am[i]);
                }
            }
        }
        return new Validation(sum / Math.max(1, n), metrics.perClass(spec.classNames()));
    }

    /**
     * Writes parameters and optimizer state of {@code epochsDone} into their own folder, then points
     * {@code state.json} at it (the commit point: a crash before it leaves the previous checkpoint in
     * force), then drops older folders.
     */
    private static void checkpoint(Block block, ResumableOptimizer optimizer, Path ckDir, int epochsDone, int numEpochs) throws IOException {
        String folder = "epoch-" + epochsDone;
        Path ep = ckDir.resolve(folder);
        Files.createDirectories(ep);
        saveNetwork(block, ep.resolve("params"));
        optimizer.save(block, ep.resolve(OPTIMIZER_FILE));
        ObjectNode st = LearnerSpec.JSON.createObjectNode().put("epochs_done", epochsDone).put("num_epochs", numEpochs)
                .put("folder", folder);
        AtomicFiles.writeString(ckDir.resolve("state.json"), st.toPrettyString());
        try (var old = Files.list(ckDir)) {
            for (Path p : old.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().equals(folder)).toList()) {
                try (var w = Files.walk(p)) {
                    for (Path f : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                }
            }
        }
    }

    private void writeLogs(ArrayNode history) throws IOException {
        AtomicFiles.writeString(dir.resolve("history.json"), history.toPrettyString());
        StringBuilder csv = new StringBuilder("epoch,train_loss,val_loss,lr,time");
        for (String c : spec.classNames()) csv.append(',').append(c).append("_precision,").append(c).append("_recall,").append(c).append("_f1");
        csv.append('\n');
        for (JsonNode r : history) {
            csv.append(r.path("epoch").asInt()).append(',').append(r.path("train_loss").asDouble()).append(',')
                    .append(r.path("val_loss").asDouble()).append(',').append(r.path("lr").asDouble()).append(',')
                    .append(r.path("time").asDouble());
            for (JsonNode m : r.path("metrics")) {
                csv.append(',').append(m.path("precision").asDouble()).append(',').append(m.path("recall").asDouble())
                        .append(',').append(m.path("f1").asDouble());
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("log.csv"), csv);
    }

    private static String f1s(List<Map<String, Object>> perClass) {
        StringBuilder sb = new StringBuilder("F1");
        for (Map<String, Object> m : perClass) sb.append(String.format(" %s=%.3f", m.get("class_name"), (Double) m.get("f1")));
        return sb.toString();
    }

    /** Writes a block's parameters atomically. */
    public static void saveParams(Block block, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(out));
            block.saveParameters(dos);
            dos.flush();
        });
    }

    /** Loads parameters written by {@link #saveParams}; a clear error when they do not fit the block. */
    public static void loadParams(Block block, NDManager manager, Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            loadParams(block, manager, in, file.toString());
        } catch (IOException e) {
            throw new RvException("cannot read model parameters " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads parameters from a stream ({@code name} for messages). */
    public static void loadParams(Block block, NDManager manager, InputStream in, String name) {
        try {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            throw new RvException("model parameters " + name + " are corrupt or do not match the model ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); retrain or use the bundle they came with", e);
        }
    }

}
