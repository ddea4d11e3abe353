package rv.learn;

import java.util.List;
import rv.pipeline.Config;
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
        @Required Boolean testMode,
        @rv.pipeline.Extension List<Object> rareClasses,
        @rv.pipeline.Extension Double desiredProb) implements PyTorchBackendConfig {

    public PyTorchChipClassificationConfig {
        augmentors = Copies.list(augmentors);
        rareClasses = Copies.jsonList(rareClasses);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new PyTorchChipClassificationConfig(null, null, true, false, List.of("RandomRotate90", "HorizontalFlip", "VerticalFlip"), false, null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link PyTorchChipClassificationConfig}. */
    public static final class Builder extends PyTorchBackendConfigBuilder<PyTorchChipClassificationConfig, Builder> {
        private Builder(PyTorchChipClassificationConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(ClassificationModelConfig v) {
            return set("model", v);
        }
    }
}
