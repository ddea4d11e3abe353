package rv.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import rv.learn.model.Anchors;

/**
 * SSD loss: softmax cross-entropy over positives and mined hard negatives plus smooth-L1 on the box
 * offsets of positives, both divided by the number of positives. Labels are built by {@link #targets}.
 */
final class SsdLoss extends Loss {
    SsdLoss() { super("SsdLoss"); }

    /** IoU at which an anchor becomes positive (each box also claims its best anchor). */
    static final double MATCH_IOU = 0.4;
    /** Mined negatives per positive, and at least this many per image (chips without objects teach background too). */
    static final int NEG_RATIO = 3, MIN_NEG = 32;

    /** Labels for a batch given the network's output: class targets, box targets, anchor mask, positive mask. */
    static NDList targets(NDManager m, Batch b, NDList pred, float[] anchors) {
        int n = b.n(), a = anchors.length / 4;
        NDArray bgLoss = pred.get(0).logSoftmax(2).get(":, :, 0").neg();
        float[] neg = bgLoss.toFloatArray();
        long[] cls = new long[n * a];
        float[] box = new float[n * a * 4];
        float[] mask = new float[n * a];
        float[] pos = new float[n * a];
        for (int i = 0; i < n; i++) {
            Anchors.Targets t = Anchors.match(anchors, b.boxes().get(i), MATCH_IOU);
            float[] nl = java.util.Arrays.copyOfRange(neg, i * a, (i + 1) * a);
            float[] mk = Anchors.mineNegatives(t.labels(), nl, t.positives(), NEG_RATIO, MIN_NEG);
            for (int k = 0; k < a; k++) {
                cls[i * a + k] = t.labels()[k];
                mask[i * a + k] = mk[k];
                pos[i * a + k] = t.labels()[k] > 0 ? 1 : 0;
            }
            System.arraycopy(t.box(), 0, box, i * a * 4, a * 4);
        }
        return new NDList(m.create(cls, new Shape(n, a)), m.create(box, new Shape(n, a, 4)),
                m.create(mask, new Shape(n, a)), m.create(pos, new Shape(n, a)));
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray cls = labels.get(0), boxT = labels.get(1), mask = labels.get(2), pos = labels.get(3);
        NDArray numPos = pos.sum().maximum(1f);
        NDArray ce = predictions.get(0).logSoftmax(2).gather(cls.expandDims(2), 2).squeeze(2).neg();
        NDArray clsLoss = ce.mul(mask).sum();
        NDArray d = predictions.get(1).sub(boxT).abs();
        NDArray sl1 = NDArrays.where(d.lt(1f), d.square().mul(0.5f), d.sub(0.5f)).sum(new int[] {2});
        NDArray boxLoss = sl1.mul(pos).sum();
        return clsLoss.add(boxLoss).div(numPos).toType(DataType.FLOAT32, false);
    }
}
