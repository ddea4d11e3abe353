package rv.learn;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * The SemanticSegmentation model: a torchvision-style backbone.
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation_model"}.
 */
@ConfigType("semantic_segmentation_model")
public record SemanticSegmentationModelConfig(
        @Required Backbone backbone,
        @Required Boolean pretrained,
        String initWeights) implements ModelConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationModelConfig(Backbone.RESNET50, true, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (backbone != null && backbone != Backbone.RESNET50 && backbone != Backbone.RESNET101) {
            v.error("backbone", "DeepLabv3 supports only resnet50 and resnet101, got " + rv.pipeline.ConfigCodec.jsonName(backbone));
        }
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationModelConfig}. */
    public static final class Builder extends ConfigBuilder<SemanticSegmentationModelConfig, Builder> {
        private Builder(SemanticSegmentationModelConfig draft) {
            super(draft, Builder::new);
        }

        /** The backbone network. */
        public Builder backbone(Backbone v) {
            return set("backbone", v);
        }

        /** Start from ImageNet weights. */
        public Builder pretrained(Boolean v) {
            return set("pretrained", v);
        }

        /** URI of weights to start from. */
        public Builder initWeights(String v) {
            return set("initWeights", v);
        }

    }
}
