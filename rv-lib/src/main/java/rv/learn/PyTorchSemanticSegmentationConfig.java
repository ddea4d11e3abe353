package rv.learn;

import java.util.List;
import rv.pipeline.Config;
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
        @rv.pipeline.Extension Double desiredProb) implements PyTorchBackendConfig {

    public PyTorchSemanticSegmentationConfig {
        augmentors = Copies.list(augmentors);
        rareClasses = Copies.jsonList(rareClasses);
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
    public static final class Builder extends PyTorchBackendConfigBuilder<PyTorchSemanticSegmentationConfig, Builder> {
        private Builder(PyTorchSemanticSegmentationConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(SemanticSegmentationModelConfig v) {
            return set("model", v);
        }
    }
}
