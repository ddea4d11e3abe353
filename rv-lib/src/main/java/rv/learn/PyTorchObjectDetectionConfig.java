package rv.learn;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * The PyTorch-style learner backend of the ObjectDetection pipeline.
 * <p>JSON {@code type_hint}: {@code "pytorch_object_detection_backend"}.
 */
@ConfigType("pytorch_object_detection_backend")
public record PyTorchObjectDetectionConfig(
        @Required ObjectDetectionModelConfig model,
        @Required SolverConfig solver,
        @Required Boolean logTensorboard,
        @Required Boolean runTensorboard,
        @Required List<String> augmentors,
        @Required Boolean testMode) implements BackendConfig {

    public PyTorchObjectDetectionConfig {
        augmentors = Copies.list(augmentors);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new PyTorchObjectDetectionConfig(null, null, true, false, List.of("RandomRotate90", "HorizontalFlip", "VerticalFlip"), false));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link PyTorchObjectDetectionConfig}. */
    public static final class Builder extends ConfigBuilder<PyTorchObjectDetectionConfig, Builder> {
        private Builder(PyTorchObjectDetectionConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(ObjectDetectionModelConfig v) {
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
