package rv.data.vector;

import java.util.Map;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * Labelled features read from a GeoJSON file.
 * <p>JSON {@code type_hint}: {@code "geojson_vector_source"}.
 */
@ConfigType("geojson_vector_source")
public record GeoJSONVectorSourceConfig(
        Integer defaultClassId,
        Map<Integer, Object> classIdToFilter,
        Map<Integer, Double> lineBufs,
        Map<Integer, Double> pointBufs,
        @Required String uri,
        @Required Boolean ignoreCrsField) implements VectorSourceConfig {

    public GeoJSONVectorSourceConfig {
        classIdToFilter = classIdToFilter == null ? null : Copies.map(Copies.jsonValues(classIdToFilter));
        lineBufs = Copies.map(lineBufs);
        pointBufs = Copies.map(pointBufs);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new GeoJSONVectorSourceConfig(null, null, null, null, null, false));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link GeoJSONVectorSourceConfig}. */
    public static final class Builder extends ConfigBuilder<GeoJSONVectorSourceConfig, Builder> {
        private Builder(GeoJSONVectorSourceConfig draft) {
            super(draft, Builder::new);
        }

        /** Class id of features whose class cannot be inferred; null drops them. */
        public Builder defaultClassId(Integer v) {
            return set("defaultClassId", v);
        }

        /** Mapbox-style filter per class id, evaluated against feature properties. */
        public Builder classIdToFilter(Map<Integer, Object> v) {
            return set("classIdToFilter", v);
        }

        /** Buffer (pixels) per class id for LineStrings. */
        public Builder lineBufs(Map<Integer, Double> v) {
            return set("lineBufs", v);
        }

        /** Buffer (pixels) per class id for Points. */
        public Builder pointBufs(Map<Integer, Double> v) {
            return set("pointBufs", v);
        }

        /** The GeoJSON file. */
        public Builder uri(String v) {
            return set("uri", v);
        }

        /** Ignore a legacy "crs" member and assume WGS84. */
        public Builder ignoreCrsField(Boolean v) {
            return set("ignoreCrsField", v);
        }

    }
}
