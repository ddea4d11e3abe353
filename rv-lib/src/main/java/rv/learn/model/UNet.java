package rv.learn.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic segmentation: a U-Net on a torchvision ResNet encoder. Each decoder level doubles the
 * resolution (1×1 conv + pixel shuffle), concatenates the encoder feature of that scale and mixes with
 * two 3×3 conv-BN-ReLU layers; a last up-step (no conv at full resolution, to keep CPU cost down)
 * returns to full resolution and a 1×1 conv gives per-pixel
 * logits (N, classes, H, W). Input H and W must be multiples of 32.
 *
 * <p>The last up-step (1×1 conv to 4·L channels, pixel shuffle) and the 1×1 head are all linear with
 * nothing in between, so {@link #forwardInternal} runs them as one 1×1 conv to 4·classes channels at
 * half resolution, with weights composed from both layers' parameters on every call, followed by a
 * pixel shuffle: the same function and the same parameters (gradients flow through the composition),
 * without the full-resolution L-channel tensor: that tensor and the two convs around it cost a few ms of
 * a ~30 ms ResNet-18 ×0.5 U-Net prediction (batch 8, 128 px, 2 CPU threads).
 * {@link #forwardUnfused} keeps the literal layer order.
 */
public final class UNet extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Block stem;
    private final List<Block> stages = new ArrayList<>();
    private final List<Block> ups = new ArrayList<>();
    private final List<Block> mixes = new ArrayList<>();
    private final Block finalUp;
    private final Block head;
    private final Conv2d finalUpConv;
    private final Conv2d headConv;

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
        SequentialBlock up = Layers.upsample2x(lastC);
        finalUpConv = (Conv2d) up.getChildren().get(0).getValue();
        finalUp = addChildBlock("final_up", up);
        headConv = Layers.convBias(numClasses, 1);
        head = addChildBlock("head", headConv);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = decoder(ps, inputs, training, params);
        NDArray y;
        // Ops on parameters put their results in the model's manager, which lives as long as the model:
        // the scope frees the composed weights and their temporaries after the conv (libtorch's autograd
        // graph keeps its own references for backward), so each forward leaves nothing behind.
        try (NDScope scope = new NDScope()) {
            y = Conv2d.conv2d(x, upHeadWeight(ps, x.getDevice(), training), upHeadBias(ps, x.getDevice(), training)).singletonOrThrow();
            NDScope.unregister(y);
        }
        return Layers.pixelShuffle2(new NDList(y));
    }

    /** The literal layer order (final up-step, then head): the reference {@link #forwardInternal} equals. */
    public NDList forwardUnfused(ParameterStore ps, NDList inputs, boolean training) {
        NDArray x = decoder(ps, inputs, training, null);
        x = finalUp.forward(ps, new NDList(x), training).singletonOrThrow();
        return head.forward(ps, new NDList(x), training);
    }

    /**
     * head(shuffle(conv(x))) = shuffle(conv'(x)) with conv' of weight W'[k·4+s, i] = Σ_c Wh[k, c]·Wu[c·4+s, i]
     * and bias b'[k·4+s] = Σ_c Wh[k, c]·bu[c·4+s] + bh[k] (Wu, bu: the up conv, out channel c·4+s is
     * sub-pixel s of channel c; Wh, bh: the head).
     */
    private NDArray upHeadWeight(ParameterStore ps, Device device, boolean training) {
        NDArray wu = ps.getValue(param(finalUpConv, "weight"), device, training);
        NDArray wh = ps.getValue(param(headConv, "weight"), device, training);
        long l = wh.getShape().get(1), k = wh.getShape().get(0), in = wu.getShape().get(1);
        return wh.reshape(k, l).matMul(wu.reshape(l, 4 * in)).reshape(k * 4, in, 1, 1);
    }

    private NDArray upHeadBias(ParameterStore ps, Device device, boolean training) {
        NDArray bu = ps.getValue(param(finalUpConv, "bias"), device, training);
        NDArray wh = ps.getValue(param(headConv, "weight"), device, training);
        NDArray bh = ps.getValue(param(headConv, "bias"), device, training);
        long l = wh.getShape().get(1), k = wh.getShape().get(0);
        return wh.reshape(k, l).matMul(bu.reshape(l, 4)).add(bh.reshape(k, 1)).reshape(k * 4);
    }

    private static Parameter param(Block block, String name) {
        for (Pair<String, Parameter> p : block.getParameters()) if (p.getKey().equals(name)) return p.getValue();
        throw new IllegalStateException("no parameter " + name + " in " + block);
    }

    /** Encoder and decoder up to (not including) the last up-step: (N, C, H/2, W/2). */
    private NDArray decoder(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
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
        return x;
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
