package rv.task.detection;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * How training chips are cut for object detection.
 * <p>JSON {@code type_hint}: {@code "object_detection_chip_options"}.
 */
@ConfigType("object_detection_chip_options")
public record ObjectDetectionChipOptions(
        @Required Double negRatio,
        @Required Double ioaThresh,
        @Required ObjectDetectionWindowMethod windowMethod) implements Config {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionChipOptions(1.0, 0.8, ObjectDetectionWindowMethod.CHIP));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link ObjectDetectionChipOptions}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionChipOptions, Builder> {
        private Builder(ObjectDetectionChipOptions draft) {
            super(draft, Builder::new);
        }

        /** Ratio of negative (box-free) chips to positive chips. */
        public Builder negRatio(Double v) {
            return set("negRatio", v);
        }

        /** Minimum IOA of a box with a chip for the clipped box to be kept. */
        public Builder ioaThresh(Double v) {
            return set("ioaThresh", v);
        }

        /** The window method (chip). */
        public Builder windowMethod(ObjectDetectionWindowMethod v) {
            return set("windowMethod", v);
        }

    }
}
