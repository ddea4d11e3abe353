package rv.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rv.learn.Backbone;
import rv.learn.engine.Engines;
import rv.learn.model.Models;
import rv.learn.train.LearnerSpec;
import rv.learn.train.ResumableOptimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rv bench-learn}: training step time and prediction throughput of the DJL models on random
 * data; {@code scripts/bench_learn_peer.py} is the PyTorch peer with the same networks and arguments.
 */
@Command(name = "bench-learn", mixinStandardHelpOptions = true,
        description = "Time training steps and prediction of rv's DJL models on random data (peer: scripts/bench_learn_peer.py).")
final class BenchLearnCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "classification", description = "classification or segmentation") String task;
    @Option(names = "--batch", defaultValue = "8") int batch;
    @Option(names = "--size", defaultValue = "128") int size;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--steps", defaultValue = "10") int steps;
    @Option(names = "--width", defaultValue = "1.0") double width;
    @Option(names = "--djl-step", description = "update through DJL's Trainer.step() instead of rv's in-place step (for comparison)")
    boolean djlStep;

    @Override
    public Integer call() throws Exception {
        Engines.configureOffline();
        Engines.setThreads(threads, threads);
        Engines.pytorch().setRandomSeed(0);
        Device device = Engines.device();
        boolean seg = task.startsWith("seg");
        LearnerSpec spec = new LearnerSpec(seg ? LearnerSpec.Task.SEGMENTATION : LearnerSpec.Task.CLASSIFICATION,
                Backbone.RESNET18, width, List.of("a", "b"), 3, size, new float[3], new float[] {1, 1, 1}, -1, 1e-3, 1,
                batch, false, List.of(), "adam", List.of(), 0, false, false, 1, null, 0);
        Loss loss = seg ? new SegLoss() : Loss.softmaxCrossEntropyLoss();
        // The optimizer and step TrainLoop uses, so the figure is what training does.
        ResumableOptimizer optimizer = ResumableOptimizer.of("adam", Tracker.fixed(1e-3f));
        try (Model model = Model.newInstance("bench", device)) {
            model.setBlock(Models.build(spec));
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(loss)
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(cfg)) {
                Shape in = new Shape(batch, 3, size, size);
                trainer.initialize(in);
                long params = 0;
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    if (p.getValue().requiresGradient()) params += p.getValue().getArray().size();
                }
                NDManager m = trainer.getManager();
                NDArray x = m.randomUniform(0, 1, in);
                NDArray y = seg ? m.randomInteger(0, 2, new Shape(batch, 1, size, size), ai.djl.ndarray.types.DataType.INT64)
                        : m.randomInteger(0, 2, new Shape(batch), ai.djl.ndarray.types.DataType.INT64);
                List<Double> times = new ArrayList<>(), stepTimes = new ArrayList<>();
                for (int i = 0; i < steps + 2; i++) {
                    long t0 = System.nanoTime();
                    try (NDManager sm = m.newSubManager()) {
                        NDArray xs = x.duplicate();
                        xs.attach(sm);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray l = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(xs)));
                            gc.backward(l);
                            l.getFloat();
                        }
                        long ts = System.nanoTime();
                        if (djlStep) trainer.step();
                        else optimizer.step(model.getBlock());
                        if (i >= 2) stepTimes.add((System.nanoTime() - ts) / 1e6);
                    }
                    if (i >= 2) times.add((System.nanoTime() - t0) / 1e6);
                }
                List<Double> ptimes = new ArrayList<>();
                for (int i = 0; i < steps + 2; i++) {
                    long t0 = System.nanoTime();
                    try (NDManager sm = m.newSubManager()) {
                        // Ops put their results in their input's manager: move x into this step's scope
                        // (back to m on close) so the step's tensors are freed, as in DjlChipModel.
                        x.tempAttach(sm);
                        NDArray out = model.getBlock().forward(new ParameterStore(sm, false), new NDList(x), false).singletonOrThrow();
                        out.softmax(1).toFloatArray();
                    }
                    if (i >= 2) ptimes.add((System.nanoTime() - t0) / 1e9);
                }
                System.out.printf("rv djl %s %s params=%d batch=%d size=%d threads=%d%n", Engines.pytorch().getVersion(), task, params, batch, size, threads);
                // Medians are the figures; the best step of each kind shows the spread on a shared machine.
                System.out.printf("RESULT train_ms_per_step=%.1f predict_tiles_per_s=%.2f (best: %.1f ms, %.2f tiles/s)%n",
                        median(times), batch / median(ptimes), Collections.min(times), batch / Collections.min(ptimes));
                System.out.printf("optimizer_ms_per_step=%.2f (%s)%n", median(stepTimes), djlStep ? "DJL Trainer.step" : "rv in-place step");
            }
        }
        return 0;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Plain per-pixel cross-entropy, as the peer's nn.CrossEntropyLoss. */
    private static final class SegLoss extends Loss {
        SegLoss() { super("seg"); }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            return predictions.singletonOrThrow().logSoftmax(1).gather(labels.singletonOrThrow(), 1).mean().neg();
        }
    }
}
