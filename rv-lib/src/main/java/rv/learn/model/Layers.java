package rv.learn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/** Small building blocks shared by the models (torchvision conventions: no conv bias before BatchNorm). */
final class Layers {
    private Layers() {}

    static Conv2d conv(int filters, int kernel, int stride, int groups) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optGroups(groups)
                .setFilters(filters)
                .optBias(false)
                .build();
    }

    static Conv2d convBias(int filters, int kernel) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters).build();
    }

    static BatchNorm bn() {
        // torchvision: eps 1e-5, momentum 0.1 (DJL's momentum is the weight of the old running value).
        return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
    }

    /** conv → BN → ReLU. */
    static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
        return new SequentialBlock().add(conv(filters, kernel, stride, 1)).add(bn()).add(Activation.reluBlock());
    }

    /** {@code relu(main(x) + shortcut(x))}. */
    static Block residual(Block main, Block shortcut, boolean relu) {
        return new ParallelBlock(outs -> {
            NDArray sum = outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow());
            return new NDList(relu ? Activation.relu(sum) : sum);
        }, List.of(main, shortcut));
    }

    /**
     * Doubles H and W: a 1×1 conv to 4·C channels, then a pixel-shuffle reshape. Together they equal a
     * stride-2, kernel-2 transposed convolution, which this engine lacks.
     */
    static SequentialBlock upsample2x(int filters) {
        return new SequentialBlock().add(convBias(4 * filters, 1)).add(new LambdaBlock(Layers::pixelShuffle2, "pixel_shuffle"));
    }

    static NDList pixelShuffle2(NDList in) {
        NDArray x = in.singletonOrThrow();
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1) / 4, h = s.get(2), w = s.get(3);
        NDArray y = x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, h * 2, w * 2);
        return new NDList(y);
    }

    static int scaled(int channels, double widthMult) {
        return Math.max(8, (int) Math.round(channels * widthMult));
    }
}
