package rv.task.segmentation;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * How training chips are cut for semantic segmentation.
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation_chip_options"}.
 */
@ConfigType("semantic_segmentation_chip_options")
public record SemanticSegmentationChipOptions(
        @Required SemanticSegmentationWindowMethod windowMethod,
        List<Integer> targetClassIds,
        @Required Double negativeSurvivalProb,
        @Required Integer chipsPerScene,
        @Required Integer targetCountThreshold,
        Integer stride) implements Config {

    public SemanticSegmentationChipOptions {
        targetClassIds = Copies.list(targetClassIds);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationChipOptions(SemanticSegmentationWindowMethod.SLIDING, null, 1.0, 1000, 1000, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (negativeSurvivalProb != null && (negativeSurvivalProb < 0 || negativeSurvivalProb > 1)) {
            v.error("negative_survival_prob", "must be in [0, 1], got " + negativeSurvivalProb);
        }
        if (chipsPerScene != null && chipsPerScene <= 0) v.error("chips_per_scene", "must be positive, got " + chipsPerScene);
        if (stride != null && stride <= 0) v.error("stride", "must be positive, got " + stride);
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationChipOptions}. */
    public static final class Builder extends ConfigBuilder<SemanticSegmentationChipOptions, Builder> {
        private Builder(SemanticSegmentationChipOptions draft) {
            super(draft, Builder::new);
        }

        /** sliding or random_sample. */
        public Builder windowMethod(SemanticSegmentationWindowMethod v) {
            return set("windowMethod", v);
        }

        /** Classes to favour when sampling (random_sample). */
        public Builder targetClassIds(List<Integer> v) {
            return set("targetClassIds", v);
        }

        /** Classes to favour when sampling (random_sample). */
        public Builder targetClassIds(Integer... v) {
            return set("targetClassIds", List.of(v));
        }

        /** Probability of keeping a chip with too few target pixels (random_sample). */
        public Builder negativeSurvivalProb(Double v) {
            return set("negativeSurvivalProb", v);
        }

        /** Chips per scene (random_sample). */
        public Builder chipsPerScene(Integer v) {
            return set("chipsPerScene", v);
        }

        /** Minimum target pixels of a chip (random_sample). */
        public Builder targetCountThreshold(Integer v) {
            return set("targetCountThreshold", v);
        }

        /** Stride of the sliding window; null is half the chip size. */
        public Builder stride(Integer v) {
            return set("stride", v);
        }

    }
}
