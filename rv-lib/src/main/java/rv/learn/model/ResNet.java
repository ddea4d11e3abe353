package rv.learn.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's ResNet-18/34/50/101/152 as DJL blocks (DJL's own {@code ResNetV1} with 18 layers is a
 * different, bottleneck network): a 7×7 stride-2 stem with max-pooling, four stages of basic (18/34) or
 * bottleneck (50+) residual units with strides 1, 2, 2, 2, global average pooling and a linear head.
 * Any number of input bands; {@code widthMult} scales every stage's width (1 = torchvision).
 */
public final class ResNet {
    private ResNet() {}

    /** Residual units per stage and whether they are bottlenecks, for a torchvision depth. */
    record Spec(int[] units, boolean bottleneck) {}

    static Spec spec(int depth) {
        return switch (depth) {
            case 18 -> new Spec(new int[] {2, 2, 2, 2}, false);
            case 34 -> new Spec(new int[] {3, 4, 6, 3}, false);
            case 50 -> new Spec(new int[] {3, 4, 6, 3}, true);
            case 101 -> new Spec(new int[] {3, 4, 23, 3}, true);
            case 152 -> new Spec(new int[] {3, 8, 36, 3}, true);
            default -> throw new IllegalArgumentException("ResNet depth must be 18, 34, 50, 101 or 152, got " + depth);
        };
    }

    /** The stem and four stages, with their output widths: the encoder of the segmentation U-Net. */
    public record Encoder(Block stem, List<Block> stages, int stemChannels, int[] stageChannels) {}

    /** The stem (stride 2, before the max-pool) and the four stages (strides 4, 8, 16, 32 overall). */
    public static Encoder encoder(int depth, double widthMult) {
        Spec spec = spec(depth);
        int stemC = Layers.scaled(64, widthMult);
        SequentialBlock stem = Layers.convBnRelu(stemC, 7, 2);
        List<Block> stages = new ArrayList<>();
        int[] out = new int[4];
        for (int s = 0; s < 4; s++) {
            int planes = Layers.scaled(64 << s, widthMult);
            SequentialBlock stage = new SequentialBlock();
            if (s == 0) stage.add(new StemMaxPool());
            int inC = s == 0 ? stemC : out[s - 1];
            for (int u = 0; u < spec.units()[s]; u++) {
                int stride = (u == 0 && s > 0) ? 2 : 1;
                int unitIn = u == 0 ? inC : (spec.bottleneck() ? planes * 4 : planes);
                stage.add(spec.bottleneck() ? bottleneck(planes, stride, unitIn) : basic(planes, stride, unitIn));
            }
            out[s] = spec.bottleneck() ? planes * 4 : planes;
            stages.add(stage);
        }
        return new Encoder(stem, stages, stemC, out);
    }

    /** A classifier: encoder, global average pooling, linear layer to {@code numClasses} logits. */
    public static SequentialBlock classifier(int depth, int numClasses, double widthMult) {
        Encoder e = encoder(depth, widthMult);
        SequentialBlock net = new SequentialBlock().add(e.stem());
        e.stages().forEach(net::add);
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block basic(int planes, int stride, int inC) {
        SequentialBlock main = new SequentialBlock()
                .add(Layers.conv(planes, 3, stride, 1)).add(Layers.bn()).add(Activation.reluBlock())
                .add(Layers.conv(planes, 3, 1, 1)).add(Layers.bn());
        return Layers.residual(main, shortcut(planes, stride, inC), true);
    }

    private static Block bottleneck(int planes, int stride, int inC) {
        // torchvision (v1.5): the stride sits on the 3×3 conv.
        SequentialBlock main = new SequentialBlock()
                .add(Layers.conv(planes, 1, 1, 1)).add(Layers.bn()).add(Activation.reluBlock())
                .add(Layers.conv(planes, 3, stride, 1)).add(Layers.bn()).add(Activation.reluBlock())
                .add(Layers.conv(planes * 4, 1, 1, 1)).add(Layers.bn());
        return Layers.residual(main, shortcut(planes * 4, stride, inC), true);
    }

    private static Block shortcut(int outC, int stride, int inC) {
        if (stride == 1 && inC == outC) return Blocks.identityBlock();
        return new SequentialBlock().add(Layers.conv(outC, 1, stride, 1)).add(Layers.bn());
    }
}
