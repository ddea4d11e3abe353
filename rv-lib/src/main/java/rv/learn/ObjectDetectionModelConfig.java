package rv.learn;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * The ObjectDetection model: a torchvision-style backbone.
 * <p>rv extension: {@code width_mult} scales the backbone's channel widths (unset: 1).
 * <p>JSON {@code type_hint}: {@code "object_detection_model"}.
 */
@ConfigType("object_detection_model")
public record ObjectDetectionModelConfig(
        @Required Backbone backbone,
        @Required Boolean pretrained,
        String initWeights,
        @rv.pipeline.Extension Double widthMult,
        @rv.pipeline.Extension String pretrainedUri) implements ModelConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionModelConfig(Backbone.RESNET50, true, null, null, null));
    }

    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (widthMult != null && (widthMult <= 0 || widthMult > 4)) v.error("width_mult", "must be in (0, 4], got " + widthMult);
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link ObjectDetectionModelConfig}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionModelConfig, Builder> {
        private Builder(ObjectDetectionModelConfig draft) {
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

        /**
         * rv extension: with {@code pretrained}, the URI (path, file://, http(s)://, zip://) of backbone
         * weights to start from (rv ships none and fetches nothing by itself); only the backbone's
         * parameters are taken from it. {@code init_weights} supersedes it.
         */
        public Builder pretrainedUri(String v) {
            return set("pretrainedUri", v);
        }

        /**
         * URI of weights the whole model starts from (supersedes {@code pretrained}): an rv {@code model}
         * file, a named {@code .npz}/{@code .safetensors} file, or a TorchScript {@code .pt} module, which
         * then becomes the network that is fine-tuned.
         */
        public Builder initWeights(String v) {
            return set("initWeights", v);
        }

        /** rv extension: channel-width multiplier of the backbone (0.25–1; small models for CPU). */
        public Builder widthMult(Double v) {
            return set("widthMult", v);
        }

    }
}
