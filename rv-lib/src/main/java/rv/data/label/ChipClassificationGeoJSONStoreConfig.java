package rv.data.label;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Uris;

/**
 * Chip classification predictions stored as GeoJSON.
 * <p>JSON {@code type_hint}: {@code "chip_classification_geojson_store"}.
 */
@ConfigType("chip_classification_geojson_store")
public record ChipClassificationGeoJSONStoreConfig(
        String uri) implements LabelStoreConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ChipClassificationGeoJSONStoreConfig(null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public ChipClassificationGeoJSONStoreConfig update(UpdateContext pipeline, SceneConfig scene) {
        if (uri != null || pipeline == null || scene == null || pipeline.predictUri() == null) return this;
        return new ChipClassificationGeoJSONStoreConfig(Uris.join(pipeline.predictUri(), scene.id() + ".json"));
    }

    /** Fluent, immutable builder of {@link ChipClassificationGeoJSONStoreConfig}. */
    public static final class Builder extends ConfigBuilder<ChipClassificationGeoJSONStoreConfig, Builder> {
        private Builder(ChipClassificationGeoJSONStoreConfig draft) {
            super(draft, Builder::new);
        }

        /** GeoJSON file of predictions; filled by update() as <predict_uri>/<scene id>.json. */
        public Builder uri(String v) {
            return set("uri", v);
        }

    }
}
