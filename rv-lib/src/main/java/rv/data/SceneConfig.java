package rv.data;

import java.util.List;
import rv.data.label.LabelSourceConfig;
import rv.data.label.LabelStoreConfig;
import rv.data.raster.RasterSourceConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * A scene: imagery, its ground-truth labels, where predictions go, and the optional AOIs.
 * <p>JSON {@code type_hint}: {@code "scene"}.
 */
@ConfigType("scene")
public record SceneConfig(
        @Required String id,
        @Required RasterSourceConfig rasterSource,
        @Required LabelSourceConfig labelSource,
        LabelStoreConfig labelStore,
        List<String> aoiUris) implements Config {

    public SceneConfig {
        aoiUris = Copies.list(aoiUris);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SceneConfig(null, null, null, null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    /** Fills implied values of the sources and the store; {@code defaultStore} is used when no store is set. */
    public SceneConfig update(UpdateContext pipeline, LabelStoreConfig defaultStore) {
        LabelStoreConfig store = labelStore != null ? labelStore : defaultStore;
        SceneConfig s = this;
        RasterSourceConfig rs = rasterSource == null ? null : rasterSource.update(pipeline, s);
        LabelSourceConfig ls = labelSource == null ? null : labelSource.update(pipeline, s);
        LabelStoreConfig st = store == null ? null : store.update(pipeline, s);
        return new SceneConfig(id, rs, ls, st, aoiUris);
    }

    /** Fluent, immutable builder of {@link SceneConfig}. */
    public static final class Builder extends ConfigBuilder<SceneConfig, Builder> {
        private Builder(SceneConfig draft) {
            super(draft, Builder::new);
        }

        /** Unique scene id (used in output file names). */
        public Builder id(String v) {
            return set("id", v);
        }

        /** The imagery. */
        public Builder rasterSource(RasterSourceConfig v) {
            return set("rasterSource", v);
        }

        /** The ground-truth labels. */
        public Builder labelSource(LabelSourceConfig v) {
            return set("labelSource", v);
        }

        /** Where predictions are stored; filled by update() with the task default. */
        public Builder labelStore(LabelStoreConfig v) {
            return set("labelStore", v);
        }

        /** GeoJSON files whose polygons are the fully labelled areas of interest. */
        public Builder aoiUris(List<String> v) {
            return set("aoiUris", v);
        }

        /** GeoJSON files whose polygons are the fully labelled areas of interest. */
        public Builder aoiUris(String... v) {
            return set("aoiUris", List.of(v));
        }

    }
}
