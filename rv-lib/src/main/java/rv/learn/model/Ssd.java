package rv.learn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A single-shot detector on a ResNet encoder, built for small objects: 3×3 conv heads on a stride-4
 * feature (the first stage plus the upsampled second stage, a one-step feature pyramid) and on the
 * stride-8 second stage predict, for each anchor of {@link Anchors}, class logits (slot 0 = no object,
 * slot k+1 = class k) and box offsets. Output: {@code cls} (N, anchors, classes+1) and {@code box}
 * (N, anchors, 4), anchors in the order {@link Anchors#generate} lists them. The deeper stages are
 * not used: at stride 8 the receptive field already spans several car lengths, and skipping them
 * halves the training time.
 */
public final class Ssd extends AbstractBlock {
    private static final byte VERSION = 2;
    private static final int STAGES = 2;
    private final Block stem;
    private final List<Block> stages = new ArrayList<>();
    private final Block up;
    private final List<Block> clsHeads = new ArrayList<>();
    private final List<Block> boxHeads = new ArrayList<>();
    private final int numClasses;

    public Ssd(int depth, int numClasses, double widthMult) {
        super(VERSION);
        this.numClasses = numClasses;
        ResNet.Encoder e = ResNet.encoder(depth, widthMult);
        stem = addChildBlock("stem", e.stem());
        for (int i = 0; i < STAGES; i++) stages.add(addChildBlock("stage" + (i + 1), e.stages().get(i)));
        up = addChildBlock("up", Layers.upsample2x(e.stageChannels()[0]));
        for (int l = 0; l < Anchors.LEVELS; l++) {
            Block cls = Layers.convBias(Anchors.PER_CELL * (numClasses + 1), 3);
            cls.setInitializer(backgroundPrior(numClasses), ai.djl.nn.Parameter.Type.BIAS);
            Block box = Layers.convBias(Anchors.PER_CELL * 4, 3);
            // Small head weights (as in SSD/RetinaNet): the first steps start near the prior instead of at huge losses.
            for (Block head : List.of(cls, box)) head.setInitializer(new NormalInitializer(0.01f), ai.djl.nn.Parameter.Type.WEIGHT);
            clsHeads.add(addChildBlock("cls" + l, cls));
            boxHeads.add(addChildBlock("box" + l, box));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = stem.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray c1 = stages.get(0).forward(ps, new NDList(x), training, params).singletonOrThrow();
        NDArray c2 = stages.get(1).forward(ps, new NDList(c1), training, params).singletonOrThrow();
        NDArray u = up.forward(ps, new NDList(c2), training, params).singletonOrThrow();
        long h = c1.getShape().get(2), w = c1.getShape().get(3);
        if (u.getShape().get(2) != h || u.getShape().get(3) != w) u = u.get(new NDIndex(":, :, :{}, :{}", h, w));
        List<NDArray> feats = List.of(c1.add(u), c2);
        NDList cls = new NDList(), box = new NDList();
        for (int l = 0; l < Anchors.LEVELS; l++) {
            NDArray f = feats.get(l);
            long n = f.getShape().get(0);
            cls.add(flat(clsHeads.get(l).forward(ps, new NDList(f), training, params).singletonOrThrow(), n, numClasses + 1));
            box.add(flat(boxHeads.get(l).forward(ps, new NDList(f), training, params).singletonOrThrow(), n, 4));
        }
        return new NDList(NDArrays.concat(cls, 1), NDArrays.concat(box, 1));
    }

    /** (N, A·k, H, W) → (N, H·W·A, k): cell-major, then anchor. */
    private static NDArray flat(NDArray a, long n, int k) {
        return a.transpose(0, 2, 3, 1).reshape(n, -1, k);
    }

    /** Feature-map sizes of the two levels (strides 4 and 8) for an input of {@code h × w}. */
    public int[][] featureSizes(int h, int w) {
        Shape x = stem.getOutputShapes(new Shape[] {new Shape(1, 3, h, w)})[0];
        int[][] out = new int[Anchors.LEVELS][];
        for (int i = 0; i < STAGES; i++) {
            x = stages.get(i).getOutputShapes(new Shape[] {x})[0];
            out[i] = new int[] {(int) x.get(2), (int) x.get(3)};
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        int[][] fs = featureSizes((int) in.get(2), (int) in.get(3));
        long a = 0;
        for (int[] f : fs) a += (long) f[0] * f[1] * Anchors.PER_CELL;
        return new Shape[] {new Shape(in.get(0), a, numClasses + 1), new Shape(in.get(0), a, 4)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        stem.initialize(manager, dataType, x);
        x = stem.getOutputShapes(new Shape[] {x})[0];
        Shape[] feats = new Shape[STAGES];
        for (int i = 0; i < STAGES; i++) {
            stages.get(i).initialize(manager, dataType, x);
            x = stages.get(i).getOutputShapes(new Shape[] {x})[0];
            feats[i] = x;
        }
        up.initialize(manager, dataType, feats[1]);
        for (int l = 0; l < Anchors.LEVELS; l++) {
            clsHeads.get(l).initialize(manager, dataType, feats[l]);
            boxHeads.get(l).initialize(manager, dataType, feats[l]);
        }
    }

    /**
     * Starts every anchor at "no object" with probability ≈ 0.99 (the background logit's bias at
     * log 99): almost all anchors are background, so an unbiased start spends its first epochs, and
     * huge losses, learning just that.
     */
    private static ai.djl.training.initializer.Initializer backgroundPrior(int numClasses) {
        return (manager, shape, dataType) -> {
            float[] b = new float[(int) shape.size()];
            for (int i = 0; i < b.length; i += numClasses + 1) b[i] = (float) Math.log(99);
            return manager.create(b, shape).toType(dataType, false);
        };
    }
}
