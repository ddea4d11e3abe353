package rv.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Per-pixel softmax cross-entropy: logits (N, C, H, W), labels (N, 1, H, W) of class ids. Pixels whose
 * id is {@code ignoreId} or ≥ C do not count (PyTorch's {@code ignore_index}).
 */
final class PixelCrossEntropy extends Loss {
    private final int numClasses;
    private final int ignoreId;

    PixelCrossEntropy(int numClasses, int ignoreId) {
        super("PixelCrossEntropy");
        this.numClasses = numClasses;
        this.ignoreId = ignoreId;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray lab = labels.singletonOrThrow().toType(DataType.INT64, false);
        NDArray valid = lab.lt(numClasses);
        if (ignoreId >= 0) valid = valid.logicalAnd(lab.neq(ignoreId));
        NDArray validF = valid.toType(DataType.FLOAT32, false);
        NDArray safe = lab.mul(valid.toType(DataType.INT64, false));
        NDArray picked = logits.logSoftmax(1).gather(safe, 1);
        NDArray count = validF.sum().maximum(1f);
        return picked.mul(validF).sum().neg().div(count);
    }
}
