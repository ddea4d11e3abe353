package rv.task.labels;

import rv.core.ClassConfig;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.data.vector.Feature;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.GeoJsonWriter;
import rv.data.vector.VectorSourceOptions;
import rv.task.labels.ChipClassificationLabelSource.Cell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chip classification predictions as GeoJSON (Raster Vision's {@code ChipClassificationGeoJSONStore}):
 * one polygon per cell in WGS 84 with {@code class_id}, {@code class_name} and {@code scores}.
 */
public final class ChipClassificationGeoJSONStore {
    private ChipClassificationGeoJSONStore() {}

    /** Writes the cells atomically. */
    public static void write(Path path, List<Cell> cells, ClassConfig classes, CrsTransformer crs) {
        List<Feature> features = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("class_id", c.classId());
            props.put("class_name", c.classId() >= 0 && c.classId() < classes.names().size() ? classes.names().get(c.classId()) : null);
            if (c.scores() != null) {
                List<Double> s = new ArrayList<>();
                for (float f : c.scores()) s.add((double) f);
                props.put("scores", s);
            }
            features.add(new Feature(GeoJsonLabels.toLonLat(GeoJsonLabels.box(c.box()), crs), props));
        }
        GeoJsonWriter.write(path, features, Crs.WGS84);
    }

    /** Reads cells back in the pixel coordinates of the scene {@code crs} describes. */
    public static ChipClassificationLabelSource read(Path path, ClassConfig classes, CrsTransformer crs) {
        return ChipClassificationLabelSource.fromFeatures(new GeoJsonVectorSource(path, options(classes), crs));
    }

    static VectorSourceOptions options(ClassConfig classes) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < classes.names().size(); i++) names.put(classes.names().get(i), i);
        return new VectorSourceOptions(null, null, names, null, null, null, false, true);
    }
}
