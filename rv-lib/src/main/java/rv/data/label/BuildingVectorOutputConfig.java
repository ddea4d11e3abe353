package rv.data.label;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * Vectorises one predicted class into buildings, breaking up clusters.
 * <p>JSON {@code type_hint}: {@code "building_vector_output"}.
 */
@ConfigType("building_vector_output")
public record BuildingVectorOutputConfig(
        String uri,
        @Required Integer classId,
        @Required Integer denoise,
        @Required Double minAspectRatio,
        @Required Double minArea,
        @Required Double elementWidthFactor,
        @Required Double elementThickness) implements VectorOutputConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new BuildingVectorOutputConfig(null, null, 0, 1.618, 0.0, 0.5, 0.001));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override public String mode() { return "buildings"; }

    @Override public BuildingVectorOutputConfig withUri(String u) { return toBuilder().uri(u).draft(); }

    /** Fluent, immutable builder of {@link BuildingVectorOutputConfig}. */
    public static final class Builder extends ConfigBuilder<BuildingVectorOutputConfig, Builder> {
        private Builder(BuildingVectorOutputConfig draft) {
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

        /** Aspect ratio above which a shape may be a row of buildings. */
        public Builder minAspectRatio(Double v) {
            return set("minAspectRatio", v);
        }

        /** Minimum area of a cluster of buildings. */
        public Builder minArea(Double v) {
            return set("minArea", v);
        }

        /** Width of the structuring element as a fraction of the cluster width. */
        public Builder elementWidthFactor(Double v) {
            return set("elementWidthFactor", v);
        }

        /** Thickness of the structuring element. */
        public Builder elementThickness(Double v) {
            return set("elementThickness", v);
        }

    }
}
