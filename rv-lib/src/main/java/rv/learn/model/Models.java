package rv.learn.model;

import ai.djl.nn.Block;
import rv.core.RvException;
import rv.learn.Backbone;
import rv.learn.train.LearnerSpec;

/** Builds the network a {@link LearnerSpec} describes. */
public final class Models {
    private Models() {}

    public static Block build(LearnerSpec spec) {
        return switch (spec.task()) {
            case CLASSIFICATION -> spec.backbone() == Backbone.MOBILENET_V2
                    ? MobileNetV2.classifier(spec.numClasses(), spec.widthMult())
                    : ResNet.classifier(resnetDepth(spec.backbone()), spec.numClasses(), spec.widthMult());
            case SEGMENTATION -> new UNet(resnetDepth(spec.backbone()), spec.numClasses(), spec.widthMult());
            case DETECTION -> new Ssd(resnetDepth(spec.backbone()), spec.numClasses(), spec.widthMult());
        };
    }

    static int resnetDepth(Backbone b) {
        return switch (b) {
            case RESNET18 -> 18;
            case RESNET34 -> 34;
            case RESNET50 -> 50;
            case RESNET101 -> 101;
            case RESNET152 -> 152;
            default -> throw new RvException("backbone " + b.name().toLowerCase() + " is not available in rv's DJL backend;"
                    + " use resnet18/34/50/101/152 (or mobilenet_v2 for chip classification)");
        };
    }
}
