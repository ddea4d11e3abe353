package rv.learn;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * The PyTorch-style learner backend of the Classification pipeline.
 * <p>JSON {@code type_hint}: {@code "pytorch_chip_classification_backend"}.
 */
@ConfigType("pytorch_chip_classification_backend")
public record PyTorchChipClassificationConfig(
        @Required ClassificationModelConfig model,
        @Required SolverConfig solver,
        @Required Boolean logTensorboard,
        @Required Boolean runTensorboard,
        @Required List<String> augmentors,
        @Required Boolean testMode) implements BackendConfig {

    public PyTorchChipClassificationConfig {
        augmentors = Copies.list(augmentors);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new PyTorchChipClassificationConfig(null, null, true, false, List.of("RandomRotate90", "HorizontalFlip", "VerticalFlip"), false));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link PyTorchChipClassificationConfig}. */
    public static final class Builder extends ConfigBuilder<PyTorchChipClassificationConfig, Builder> {
        private Builder(PyTorchChipClassificationConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(ClassificationModelConfig v) {
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

        /** Run a tiny training to test the setup. */
        public Builder testMode(Boolean v) {
            return set("testMode", v);
        }

    }
}
