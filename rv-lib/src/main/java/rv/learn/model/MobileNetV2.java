package rv.learn.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/** torchvision's MobileNetV2 (inverted residuals with depthwise convolutions, ReLU6) as a DJL block. */
public final class MobileNetV2 {
    private MobileNetV2() {}

    /** expansion t, channels c, repeats n, stride s — torchvision's table. */
    private static final int[][] SETTINGS = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    /** A classifier with {@code numClasses} logits; {@code widthMult} as in torchvision. */
    public static SequentialBlock classifier(int numClasses, double widthMult) {
        int inC = divisible(32 * widthMult);
        int lastC = divisible(1280 * Math.max(1.0, widthMult));
        SequentialBlock net = new SequentialBlock().add(convBnRelu6(inC, 3, 2, 1));
        for (int[] s : SETTINGS) {
            int outC = divisible(s[1] * widthMult);
            for (int i = 0; i < s[2]; i++) {
                net.add(invertedResidual(inC, outC, i == 0 ? s[3] : 1, s[0]));
                inC = outC;
            }
        }
        return net.add(convBnRelu6(lastC, 1, 1, 1))
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block invertedResidual(int inC, int outC, int stride, int expand) {
        int hidden = inC * expand;
        SequentialBlock main = new SequentialBlock();
        if (expand != 1) main.add(convBnRelu6(hidden, 1, 1, 1));
        main.add(convBnRelu6(hidden, 3, stride, hidden))
                .add(Layers.conv(outC, 1, 1, 1)).add(Layers.bn());
        if (stride == 1 && inC == outC) return Layers.residual(main, Blocks.identityBlock(), false);
        return main;
    }

    private static SequentialBlock convBnRelu6(int filters, int kernel, int stride, int groups) {
        return new SequentialBlock().add(Layers.conv(filters, kernel, stride, groups)).add(Layers.bn()).add(Activation.relu6Block());
    }

    /** torchvision's _make_divisible(v, 8). */
    static int divisible(double v) {
        int nv = Math.max(8, (int) (v + 4) / 8 * 8);
        if (nv < 0.9 * v) nv += 8;
        return nv;
    }
}
