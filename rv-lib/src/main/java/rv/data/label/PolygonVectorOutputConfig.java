package rv.data.label;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * Vectorises one predicted class into polygons.
 * <p>JSON {@code type_hint}: {@code "polygon_vector_output"}.
 */
@ConfigType("polygon_vector_output")
public record PolygonVectorOutputConfig(
        String uri,
        @Required Integer classId,
        @Required Integer denoise) implements VectorOutputConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new PolygonVectorOutputConfig(null, null, 0));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override public String mode() { return "polygons"; }

    @Override public PolygonVectorOutputConfig withUri(String u) { return toBuilder().uri(u).draft(); }

    /** Fluent, immutable builder of {@link PolygonVectorOutputConfig}. */
    public static final class Builder extends ConfigBuilder<PolygonVectorOutputConfig, Builder> {
        private Builder(PolygonVectorOutputConfig draft) {
            super(draft, Builder::new);
        }

        /** Output GeoJSON; filled by update() as <root_uri>/predict/<scene>-<class_id>-<mode>.json. */
        public Builder uri(String v) {
            return set("uri", v);
        }

        /** The predicted class to vectorise. */
        public Builder classId(Integer v) {
            return set("classId", v);
        }

        /** Radius of the structuring element that removes speckle before vectorising. */
        public Builder denoise(Integer v) {
            return set("denoise", v);
        }

    }
}
