package rv.data.vector;

import rv.core.Crs;

import java.util.List;

/**
 * Features read from one GeoJSON file, still in the file's CRS.
 *
 * @param crs           the file's CRS (its legacy {@code crs} member, else WGS 84)
 * @param repairedCount polygons that were invalid (self-intersecting, unclosed) and were repaired
 * @param skippedCount  features without geometry (GeoJSON {@code null}) that were skipped
 */
public record FeatureCollection(List<Feature> features, Crs crs, int repairedCount, int skippedCount) {
    public FeatureCollection {
        features = List.copyOf(features);
    }

    public int size() { return features.size(); }
}
