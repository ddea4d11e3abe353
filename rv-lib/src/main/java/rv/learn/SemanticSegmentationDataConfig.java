package rv.learn;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * Training data of the SemanticSegmentation learner.
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation_data"}.
 */
@ConfigType("semantic_segmentation_data")
public record SemanticSegmentationDataConfig(
        Object uri,
        Integer trainSz,
        List<Object> groupUris,
        Integer groupTrainSz,
        @Required SemanticSegmentationDataFormat dataFormat,
        @Required List<String> classNames,
        List<Object> classColors,
        @Required Integer imgSz,
        @Required Integer numWorkers,
        @Required List<String> augmentors) implements DataConfig {

    public SemanticSegmentationDataConfig {
        uri = Copies.json(uri);
        groupUris = Copies.jsonList(groupUris);
        classNames = Copies.list(classNames);
        classColors = Copies.jsonList(classColors);
        augmentors = Copies.list(augmentors);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationDataConfig(null, null, null, null, SemanticSegmentationDataFormat.DEFAULT, List.of(), null, 256, 4, List.of("RandomRotate90", "HorizontalFlip", "VerticalFlip")));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationDataConfig}. */
    public static final class Builder extends ConfigBuilder<SemanticSegmentationDataConfig, Builder> {
        private Builder(SemanticSegmentationDataConfig draft) {
            super(draft, Builder::new);
        }

        /** Zip file(s) or folder of training chips: a string or a list of strings. */
        public Builder uri(Object v) {
            return set("uri", v);
        }

        /** Use only this many training samples. */
        public Builder trainSz(Integer v) {
            return set("trainSz", v);
        }

        /** Groups of URIs sampled separately. */
        public Builder groupUris(List<Object> v) {
            return set("groupUris", v);
        }

        /** Training samples per group. */
        public Builder groupTrainSz(Integer v) {
            return set("groupTrainSz", v);
        }

        /** Layout of the training data. */
        public Builder dataFormat(SemanticSegmentationDataFormat v) {
            return set("dataFormat", v);
        }

        /** Class names. */
        public Builder classNames(List<String> v) {
            return set("classNames", v);
        }

        /** Class names. */
        public Builder classNames(String... v) {
            return set("classNames", List.of(v));
        }

        /** Class colours. */
        public Builder classColors(List<Object> v) {
            return set("classColors", v);
        }

        /** Size chips are resized to. */
        public Builder imgSz(Integer v) {
            return set("imgSz", v);
        }

        /** Data loading workers. */
        public Builder numWorkers(Integer v) {
            return set("numWorkers", v);
        }

        /** Augmentations applied during training. */
        public Builder augmentors(List<String> v) {
            return set("augmentors", v);
        }

        /** Augmentations applied during training. */
        public Builder augmentors(String... v) {
            return set("augmentors", List.of(v));
        }

    }
}
