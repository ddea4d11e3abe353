package rv.learn;

import java.util.List;
import rv.pipeline.Config;
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
        @Required Boolean testMode,
        @rv.pipeline.Extension List<Object> rareClasses,
        @rv.pipeline.Extension Double desiredProb) implements PyTorchBackendConfig {

    public PyTorchObjectDetectionConfig {
        augmentors = Copies.list(augmentors);
        rareClasses = Copies.jsonList(rareClasses);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new PyTorchObjectDetectionConfig(null, null, true, false, List.of("RandomRotate90", "HorizontalFlip", "VerticalFlip"), false, null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link PyTorchObjectDetectionConfig}. */
    public static final class Builder extends PyTorchBackendConfigBuilder<PyTorchObjectDetectionConfig, Builder> {
        private Builder(PyTorchObjectDetectionConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(ObjectDetectionModelConfig v) {
            return set("model", v);
        }
    }
}
