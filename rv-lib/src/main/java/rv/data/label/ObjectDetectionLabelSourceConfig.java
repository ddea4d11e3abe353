package rv.data.label;

import rv.data.vector.VectorSourceConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * Object detection labels: boxes from a vector source.
 * <p>JSON {@code type_hint}: {@code "object_detection_label_source"}.
 */
@ConfigType("object_detection_label_source")
public record ObjectDetectionLabelSourceConfig(
        @Required VectorSourceConfig vectorSource) implements LabelSourceConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionLabelSourceConfig(null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link ObjectDetectionLabelSourceConfig}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionLabelSourceConfig, Builder> {
        private Builder(ObjectDetectionLabelSourceConfig draft) {
            super(draft, Builder::new);
        }

        /** The boxes. */
        public Builder vectorSource(VectorSourceConfig v) {
            return set("vectorSource", v);
        }

    }
}
