package rv.data.raster;

import rv.data.vector.VectorSourceConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * A class raster made by rasterizing a vector source (semantic segmentation labels).
 * <p>JSON {@code type_hint}: {@code "rasterized_source"}.
 */
@ConfigType("rasterized_source")
public record RasterizedSourceConfig(
        @Required VectorSourceConfig vectorSource,
        @Required RasterizerConfig rasterizerConfig) implements RasterSourceConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new RasterizedSourceConfig(null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link RasterizedSourceConfig}. */
    public static final class Builder extends ConfigBuilder<RasterizedSourceConfig, Builder> {
        private Builder(RasterizedSourceConfig draft) {
            super(draft, Builder::new);
        }

        /** The polygons to burn. */
        public Builder vectorSource(VectorSourceConfig v) {
            return set("vectorSource", v);
        }

        /** How to burn them. */
        public Builder rasterizerConfig(RasterizerConfig v) {
            return set("rasterizerConfig", v);
        }

    }
}
