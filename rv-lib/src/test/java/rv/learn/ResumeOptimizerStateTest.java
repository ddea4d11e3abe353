package rv.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import rv.learn.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resume restores Adam's moments: two epochs straight and one epoch, a crash, then a resumed second
 * epoch end with the same parameters; without the saved optimizer state they do not.
 */
class ResumeOptimizerStateTest {

    /** Aborts the run right after epoch 1's checkpoint, as a crash there would. */
    private static final class Crash extends RuntimeException {}

    private static void train(LearnerSpec spec, ChipData data, Path dir, boolean crashAfterFirstEpoch) throws Exception {
        new TrainLoop(spec, data, data, dir, 2, line -> {
            if (crashAfterFirstEpoch && line.startsWith("epoch 1/")) throw new Crash();
        }).run();
    }

    @Test
    void resumedRunEndsWithTheParametersOfAStraightRun(@TempDir Path tmp) throws Exception {
        Synthetic.classification(tmp.resolve("train-0.zip"), 32, 32, 3);
        ChipData data = ChipData.load(List.of(tmp.resolve("train-0.zip")), LearnerSpec.Task.CLASSIFICATION);
        for (String opt : List.of("adam", "sgd")) {
            LearnerSpec spec = TrainLoopTest.spec(LearnerSpec.Task.CLASSIFICATION, 2, 3e-3);
            spec = new LearnerSpec(spec.task(), spec.backbone(), spec.widthMult(), spec.classNames(), spec.bands(), spec.chipSize(),
                    spec.mean(), spec.std(), spec.ignoreId(), spec.lr(), spec.numEpochs(), spec.batchSz(), true, spec.multiStage(),
                    opt, spec.augmentors(), spec.seed(), false, false, 1, null, 0);
            Path straight = tmp.resolve(opt + "-straight");
            train(spec, data, straight, false);

            Path resumed = tmp.resolve(opt + "-resumed");
            LearnerSpec s = spec;
            assertThatThrownBy(() -> train(s, data, resumed, true)).isInstanceOf(Crash.class);
            assertThat(resumed.resolve("model")).doesNotExist();
            assertThat(resumed.resolve("checkpoint/epoch-1/optimizer")).isRegularFile();
            train(spec, data, resumed, false);
            double diff = maxAbsDiff(spec, straight.resolve("model"), resumed.resolve("model"));
            System.out.printf("%s: max |straight - resumed| = %.3g%n", opt, diff);
            assertThat(diff).as("%s: max |straight - resumed| over all parameters", opt).isLessThanOrEqualTo(1e-6);

            // Control: the same resume without the optimizer state ends elsewhere.
            Path reset = tmp.resolve(opt + "-reset");
            assertThatThrownBy(() -> train(s, data, reset, true)).isInstanceOf(Crash.class);
            Files.delete(reset.resolve("checkpoint/epoch-1/optimizer"));
            train(spec, data, reset, false);
            double resetDiff = maxAbsDiff(spec, straight.resolve("model"), reset.resolve("model"));
            System.out.printf("%s: max |straight - resumed without optimizer state| = %.3g%n", opt, resetDiff);
            assertThat(resetDiff).as("%s without optimizer state", opt).isGreaterThan(1e-4);
        }
    }

    /** The largest absolute difference between the parameters of two model files of one network. */
    static double maxAbsDiff(LearnerSpec spec, Path a, Path b) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block x = Models.build(spec), y = Models.build(spec);
            TrainLoop.loadParams(x, m, a);
            TrainLoop.loadParams(y, m, b);
            double max = 0;
            var px = x.getParameters();
            var py = y.getParameters();
            assertThat(px.size()).isEqualTo(py.size()).isGreaterThan(10);
            for (int i = 0; i < px.size(); i++) {
                float[] u = px.valueAt(i).getArray().toType(DataType.FLOAT32, false).toFloatArray();
                float[] v = py.valueAt(i).getArray().toType(DataType.FLOAT32, false).toFloatArray();
                for (int k = 0; k < u.length; k++) max = Math.max(max, Math.abs((double) u[k] - v[k]));
            }
            return max;
        }
    }
}
