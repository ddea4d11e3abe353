package rv.learn.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rv.learn.Backbone;
import rv.learn.engine.Engines;
import rv.learn.model.Models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResumableOptimizer#step} (rv's in-place update) gives the parameters that DJL's
 * {@code Trainer.step()} gives with the same optimizer, from the same start on the same batches,
 * under a one-cycle schedule, and leaves the gradients zeroed for the next backward.
 */
class InPlaceStepTest {
    private static final int STEPS = 4, BATCH = 4, SIZE = 32;

    private static LearnerSpec spec() {
        return new LearnerSpec(LearnerSpec.Task.SEGMENTATION, Backbone.RESNET18, 0.25, List.of("background", "building"), 3, SIZE,
                new float[] {0, 0, 0}, new float[] {1, 1, 1}, -1, 1e-2, 2, BATCH, true, List.of(), "adam",
                List.of(), 7, false, false, 1, null, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw", "sgd"})
    void inPlaceStepMatchesTrainerStep(String opt) throws Exception {
        Engines.pytorch().setRandomSeed(7);
        Device device = Engines.device();
        try (Model djl = Model.newInstance("djl-step", device); Model rv = Model.newInstance("rv-step", device)) {
            djl.setBlock(Models.build(spec()));
            rv.setBlock(Models.build(spec()));
            ResumableOptimizer djlOpt = optimizer(opt), rvOpt = optimizer(opt);
            Loss loss = new PixelCrossEntropy(2, -1);
            try (Trainer a = djl.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(djlOpt).optDevices(new Device[] {device}));
                 Trainer b = rv.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(rvOpt).optDevices(new Device[] {device}))) {
                Shape in = new Shape(BATCH, 3, SIZE, SIZE);
                a.initialize(in);
                b.initialize(in);
                copyParameters(djl.getBlock(), rv.getBlock());
                List<float[]> start = values(rv.getBlock());
                assertThat(maxDiff(values(djl.getBlock()), start)).isZero();

                Random r = new Random(11);
                for (int s = 0; s < STEPS; s++) {
                    float[] x = new float[BATCH * 3 * SIZE * SIZE];
                    int[] y = new int[BATCH * SIZE * SIZE];
                    for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
                    for (int i = 0; i < y.length; i++) y[i] = r.nextInt(2);
                    backward(a, x, y);
                    a.step();
                    backward(b, x, y);
                    rvOpt.step(rv.getBlock());
                    for (Pair<String, Parameter> p : rv.getBlock().getParameters()) {
                        if (!p.getValue().requiresGradient()) continue;
                        try (NDArray g = p.getValue().getArray().getGradient(); NDArray amax = g.abs().max()) {
                            assertThat(amax.getFloat()).as("%s: gradient of %s after the step", opt, p.getKey()).isZero();
                        }
                    }
                }
                List<float[]> viaTrainer = values(djl.getBlock()), inPlace = values(rv.getBlock());
                double diff = maxDiff(viaTrainer, inPlace), moved = maxDiff(start, inPlace);
                System.out.printf("%s: max |Trainer.step - in-place step| = %.3g after %d steps (parameters moved up to %.3g)%n",
                        opt, diff, STEPS, moved);
                assertThat(moved).as("%s: the steps changed the parameters", opt).isGreaterThan(1e-3);
                assertThat(diff).as("%s: max |Trainer.step - in-place step|", opt).isLessThanOrEqualTo(1e-6);
            }
        }
    }

    private static ResumableOptimizer optimizer(String name) {
        return ResumableOptimizer.of(name, new Schedule(1e-2, 2, 2, true, List.of(), 0));
    }

    private static void backward(Trainer t, float[] x, int[] y) {
        try (NDManager m = t.getManager().newSubManager(); GradientCollector gc = t.newGradientCollector()) {
            NDList pred = t.forward(new NDList(m.create(x, new Shape(BATCH, 3, SIZE, SIZE))));
            gc.backward(t.getLoss().evaluate(new NDList(m.create(y, new Shape(BATCH, 1, SIZE, SIZE))), pred));
        }
    }

    /** Copies values into the existing arrays: the trainers' parameter stores hold those arrays. */
    private static void copyParameters(Block from, Block to) {
        var src = from.getParameters();
        var dst = to.getParameters();
        assertThat(dst.size()).isEqualTo(src.size());
        for (int i = 0; i < src.size(); i++) src.valueAt(i).getArray().copyTo(dst.valueAt(i).getArray());
    }

    private static List<float[]> values(Block block) {
        List<float[]> v = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            v.add(p.getValue().getArray().toType(DataType.FLOAT32, false).toFloatArray());
        }
        return v;
    }

    private static double maxDiff(List<float[]> a, List<float[]> b) {
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(10);
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).hasSameSizeAs(b.get(i));
            for (int j = 0; j < a.get(i).length; j++) max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
        }
        return max;
    }
}
