package rv.data.raster;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Uris;

/**
 * Scales each band to uint8 with the channel statistics computed by the StatsAnalyzer.
 * <p>JSON {@code type_hint}: {@code "stats_transformer"}.
 */
@ConfigType("stats_transformer")
public record StatsTransformerConfig(
        String statsUri) implements RasterTransformerConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new StatsTransformerConfig(null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public StatsTransformerConfig update(UpdateContext pipeline, SceneConfig scene) {
        if (statsUri != null || pipeline == null || pipeline.analyzeUri() == null) return this;
        return new StatsTransformerConfig(Uris.join(pipeline.analyzeUri(), "stats.json"));
    }

    /** Fluent, immutable builder of {@link StatsTransformerConfig}. */
    public static final class Builder extends ConfigBuilder<StatsTransformerConfig, Builder> {
        private Builder(StatsTransformerConfig draft) {
            super(draft, Builder::new);
        }

        /** The stats.json of the StatsAnalyzer; filled by update() as <analyze_uri>/stats.json. */
        public Builder statsUri(String v) {
            return set("statsUri", v);
        }

    }
}
