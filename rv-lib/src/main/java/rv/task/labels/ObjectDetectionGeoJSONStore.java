package rv.task.labels;

import rv.core.ClassConfig;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.data.vector.Feature;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.GeoJsonWriter;
import rv.task.Prediction.ScoredBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object detection predictions as GeoJSON (Raster Vision's {@code ObjectDetectionGeoJSONStore}):
 * one rectangle per box in WGS 84 with {@code class_id}, {@code class_name} and {@code score}.
 */
public final class ObjectDetectionGeoJSONStore {
    private ObjectDetectionGeoJSONStore() {}

    public static void write(Path path, List<ScoredBox> boxes, ClassConfig classes, CrsTransformer crs) {
        List<Feature> features = new ArrayList<>();
        for (ScoredBox b : boxes) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("class_id", b.classId());
            props.put("class_name", b.classId() >= 0 && b.classId() < classes.names().size() ? classes.names().get(b.classId()) : null);
            props.put("score", b.score());
            features.add(new Feature(GeoJsonLabels.toLonLat(GeoJsonLabels.box(b.x(), b.y(), b.w(), b.h()), crs), props));
        }
        GeoJsonWriter.write(path, features, Crs.WGS84);
    }

    public static ObjectDetectionLabelSource read(Path path, ClassConfig classes, CrsTransformer crs) {
        return ObjectDetectionLabelSource.fromFeatures(new GeoJsonVectorSource(path, ChipClassificationGeoJSONStore.options(classes), crs));
    }
}
