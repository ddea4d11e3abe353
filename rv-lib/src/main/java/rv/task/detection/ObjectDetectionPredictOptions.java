package rv.task.detection;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * Post-processing of object detection predictions.
 * <p>JSON {@code type_hint}: {@code "object_detection_predict_options"}.
 */
@ConfigType("object_detection_predict_options")
public record ObjectDetectionPredictOptions(
        @Required Double mergeThresh,
        @Required Double scoreThresh) implements Config {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionPredictOptions(0.5, 0.5));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link ObjectDetectionPredictOptions}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionPredictOptions, Builder> {
        private Builder(ObjectDetectionPredictOptions draft) {
            super(draft, Builder::new);
        }

        /** Boxes overlapping with IOA above this are merged. */
        public Builder mergeThresh(Double v) {
            return set("mergeThresh", v);
        }

        /** Boxes scoring below this are dropped. */
        public Builder scoreThresh(Double v) {
            return set("scoreThresh", v);
        }

    }
}
