package rv.data.vector;

import rv.pipeline.Config;

import java.util.Map;

/** Config of a source of labelled vector features (e.g. {@code geojson_vector_source}). */
public interface VectorSourceConfig extends Config {
    /** Class id for features whose class cannot be inferred; null deletes them. */
    Integer defaultClassId();

    /** Mapbox-style filter expression per class id, used to infer missing class ids. */
    Map<Integer, Object> classIdToFilter();

    /** Buffer in pixels per class id for LineStrings (null: 1 pixel). */
    Map<Integer, Double> lineBufs();

    /** Buffer in pixels per class id for Points (null: 1 pixel). */
    Map<Integer, Double> pointBufs();
}
