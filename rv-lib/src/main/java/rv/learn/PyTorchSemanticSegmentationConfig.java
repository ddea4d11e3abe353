package rv.learn;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * The PyTorch-style learner backend of the SemanticSegmentation pipeline.
 * <p>JSON {@code type_hint}: {@code "pytorch_semantic_segmentation_backend"}.
 */
@ConfigType("pytorch_semantic_segmentation_backend")
public record PyTorchSemanticSegmentationConfig(
        @Required SemanticSegmentationModelConfig model,
        @Required SolverConfig solver,
        @Required Boolean logTensorboard,
        @Required Boolean runTensorboard,
        @Required List<String> augmentors,
        @Required Boolean testMode,
        @rv.pipeline.Extension List<Object> rareClasses,
        @rv.pipeline.Extension Double desiredProb) implements BackendConfig {

    public PyTorchSemanticSegmentationConfig {
        augmentors = Copies.list(augmentors);
        rareClasses = Copies.jsonList(rareClasses);
    }

    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        BackendConfig.validateRareClasses(v, rareClasses, desiredProb);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new PyTorchSemanticSegmentationConfig(null, null, true, false, List.of("RandomRotate90", "HorizontalFlip", "VerticalFlip"), false, null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link PyTorchSemanticSegmentationConfig}. */
    public static final class Builder extends ConfigBuilder<PyTorchSemanticSegmentationConfig, Builder> {
        private Builder(PyTorchSemanticSegmentationConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(SemanticSegmentationModelConfig v) {
            return set("model", v);
        }

        /** The solver. */
        public Builder solver(SolverConfig v) {
            return set("solver", v);
        }

        /** Write TensorBoard-style logs. */
        public Builder logTensorboard(Boolean v) {
            return set("logTensorboard", v);
        }

        /** Run a TensorBoard server during training. */
        public Builder runTensorboard(Boolean v) {
            return set("runTensorboard", v);
        }

        /** Augmentations applied during training. */
        public Builder augmentors(List<String> v) {
            return set("augmentors", v);
        }

        /** Augmentations applied during training. */
        public Builder augmentors(String... v) {
            return set("augmentors", List.of(v));
        }

        /**
         * rv extension (Raster Vision 0.11's {@code rare_classes}): class ids or names whose chips are
         * oversampled in training (chip classification: the chip's class; segmentation: any pixel; detection: any box).
         */
        public Builder rareClasses(List<Object> v) {
            return set("rareClasses", v);
        }

        /** rv extension: class ids or names whose chips are oversampled. */
        public Builder rareClasses(Object... v) {
            return set("rareClasses", List.of(v));
        }

        /** rv extension (0.11's {@code desired_prob}): with {@code rare_classes}, the probability that a drawn chip contains one. */
        public Builder desiredProb(Double v) {
            return set("desiredProb", v);
        }

        /** Run a tiny training to test the setup. */
        public Builder testMode(Boolean v) {
            return set("testMode", v);
        }

    }
}
