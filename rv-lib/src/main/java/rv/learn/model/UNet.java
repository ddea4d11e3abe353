package rv.learn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic segmentation: a U-Net on a torchvision ResNet encoder. Each decoder level doubles the
 * resolution (1×1 conv + pixel shuffle), concatenates the encoder feature of that scale and mixes with
 * two 3×3 conv-BN-ReLU layers; a last up-step (no conv at full resolution, to keep CPU cost down)
 * returns to full resolution and a 1×1 conv gives per-pixel
 * logits (N, classes, H, W). Input H and W must be multiples of 32.
 */
public final class UNet extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Block stem;
    private final List<Block> stages = new ArrayList<>();
    private final List<Block> ups = new ArrayList<>();
    private final List<Block> mixes = new ArrayList<>();
    private final Block finalUp;
    private final Block head;

    /** A U-Net on a ResNet-{@code depth} encoder, {@code numClasses} outputs. */
    public UNet(int depth, int numClasses, double widthMult) {
        super(VERSION);
        ResNet.Encoder e = ResNet.encoder(depth, widthMult);
        stem = addChildBlock("stem", e.stem());
        for (int i = 0; i < 4; i++) stages.add(addChildBlock("stage" + (i + 1), e.stages().get(i)));
        // Decoder widths: the skip's width at each scale (stage3, stage2, stage1, stem).
        int[] skipC = {e.stageChannels()[2], e.stageChannels()[1], e.stageChannels()[0], e.stemChannels()};
        for (int i = 0; i < 4; i++) {
            int c = Math.max(16, skipC[i]);
            ups.add(addChildBlock("up" + (i + 1), Layers.upsample2x(c)));
            mixes.add(addChildBlock("mix" + (i + 1), new SequentialBlock()
                    .add(Layers.convBnRelu(c, 3, 1)).add(Layers.convBnRelu(c, 3, 1))));
        }
        int lastC = Math.max(16, e.stemChannels() / 2);
        finalUp = addChildBlock("final_up", Layers.upsample2x(lastC));
        head = addChildBlock("head", Layers.convBias(numClasses, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray s0 = stem.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray[] skips = new NDArray[5];
        skips[0] = s0;
        NDArray x = s0;
        for (int i = 0; i < 4; i++) {
            x = stages.get(i).forward(ps, new NDList(x), training, params).singletonOrThrow();
            skips[i + 1] = x;
        }
        for (int i = 0; i < 4; i++) {
            NDArray up = ups.get(i).forward(ps, new NDList(x), training, params).singletonOrThrow();
            NDArray cat = NDArrays.concat(new NDList(up, skips[3 - i]), 1);
            x = mixes.get(i).forward(ps, new NDList(cat), training, params).singletonOrThrow();
        }
        x = finalUp.forward(ps, new NDList(x), training, params).singletonOrThrow();
        return head.forward(ps, new NDList(x), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape h = head.getOutputShapes(new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))})[0];
        return new Shape[] {new Shape(in.get(0), h.get(1), in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (in.get(2) % 32 != 0 || in.get(3) % 32 != 0) {
            throw new IllegalArgumentException("U-Net input height and width must be multiples of 32, got " + in);
        }
        stem.initialize(manager, dataType, in);
        Shape[] skips = new Shape[5];
        Shape x = stem.getOutputShapes(new Shape[] {in})[0];
        skips[0] = x;
        for (int i = 0; i < 4; i++) {
            stages.get(i).initialize(manager, dataType, x);
            x = stages.get(i).getOutputShapes(new Shape[] {x})[0];
            skips[i + 1] = x;
        }
        for (int i = 0; i < 4; i++) {
            ups.get(i).initialize(manager, dataType, x);
            Shape up = ups.get(i).getOutputShapes(new Shape[] {x})[0];
            Shape skip = skips[3 - i];
            Shape cat = new Shape(up.get(0), up.get(1) + skip.get(1), skip.get(2), skip.get(3));
            mixes.get(i).initialize(manager, dataType, cat);
            x = mixes.get(i).getOutputShapes(new Shape[] {cat})[0];
        }
        finalUp.initialize(manager, dataType, x);
        x = finalUp.getOutputShapes(new Shape[] {x})[0];
        head.initialize(manager, dataType, x);
    }
}
