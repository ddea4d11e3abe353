package rv.data.label;

import rv.core.ClassConfig;
import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.data.raster.RasterSourceConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * Semantic segmentation labels as a class raster (read or rasterized).
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation_label_source"}.
 */
@ConfigType("semantic_segmentation_label_source")
public record SemanticSegmentationLabelSourceConfig(
        @Required RasterSourceConfig rasterSource,
        ClassConfig rgbClassConfig) implements LabelSourceConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationLabelSourceConfig(null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public SemanticSegmentationLabelSourceConfig update(UpdateContext pipeline, SceneConfig scene) {
        if (rasterSource == null) return this;
        return new SemanticSegmentationLabelSourceConfig(rasterSource.update(pipeline, scene), rgbClassConfig);
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationLabelSourceConfig}. */
    public static final class Builder extends ConfigBuilder<SemanticSegmentationLabelSourceConfig, Builder> {
        private Builder(SemanticSegmentationLabelSourceConfig draft) {
            super(draft, Builder::new);
        }

        /** The labels as a raster (rasterio_source or rasterized_source). */
        public Builder rasterSource(RasterSourceConfig v) {
            return set("rasterSource", v);
        }

        /** If set, labels are RGB rasters mapped to class ids by these colours. */
        public Builder rgbClassConfig(ClassConfig v) {
            return set("rgbClassConfig", v);
        }

    }
}
