package rv.data.raster;

import java.util.List;
import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * Imagery read from one or more GeoTIFFs (several URIs are mosaicked).
 * <p>JSON {@code type_hint}: {@code "rasterio_source"}.
 */
@ConfigType("rasterio_source")
public record RasterioSourceConfig(
        List<Integer> channelOrder,
        @Required List<RasterTransformerConfig> transformers,
        @Required List<String> uris,
        @Required Double xShift,
        @Required Double yShift) implements RasterSourceConfig {

    public RasterioSourceConfig {
        channelOrder = Copies.list(channelOrder);
        transformers = Copies.list(transformers);
        uris = Copies.list(uris);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new RasterioSourceConfig(null, List.of(), null, 0.0, 0.0));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (uris != null && uris.isEmpty()) v.error("uris", "needs at least one image URI");
        if (channelOrder != null) {
            for (Integer c : channelOrder) if (c != null && c < 0) v.error("channel_order", "band index " + c + " is negative");
        }
    }

    @Override
    public RasterioSourceConfig update(UpdateContext pipeline, SceneConfig scene) {
        if (transformers == null) return this;
        List<RasterTransformerConfig> t = new java.util.ArrayList<>();
        for (RasterTransformerConfig x : transformers) t.add(x == null ? null : x.update(pipeline, scene));
        return toBuilder().transformers(t).draft();
    }

    /** Fluent, immutable builder of {@link RasterioSourceConfig}. */
    public static final class Builder extends ConfigBuilder<RasterioSourceConfig, Builder> {
        private Builder(RasterioSourceConfig draft) {
            super(draft, Builder::new);
        }

        /** Band indices (0-based) to read, in order; null reads all bands. */
        public Builder channelOrder(List<Integer> v) {
            return set("channelOrder", v);
        }

        /** Band indices (0-based) to read, in order; null reads all bands. */
        public Builder channelOrder(Integer... v) {
            return set("channelOrder", List.of(v));
        }

        /** Transformers applied after reading. */
        public Builder transformers(List<RasterTransformerConfig> v) {
            return set("transformers", v);
        }

        /** Transformers applied after reading. */
        public Builder transformers(RasterTransformerConfig... v) {
            return set("transformers", List.of(v));
        }

        /** Image URIs of the scene. */
        public Builder uris(List<String> v) {
            return set("uris", v);
        }

        /** Image URIs of the scene. */
        public Builder uris(String... v) {
            return set("uris", List.of(v));
        }

        /** Shift in metres applied to the x coordinates of the georeference. */
        public Builder xShift(Double v) {
            return set("xShift", v);
        }

        /** Shift in metres applied to the y coordinates of the georeference. */
        public Builder yShift(Double v) {
            return set("yShift", v);
        }

    }
}
