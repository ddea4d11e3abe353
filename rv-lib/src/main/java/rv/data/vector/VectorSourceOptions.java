package rv.data.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a vector source turns features into labelled pixel geometry (Raster Vision's
 * {@code VectorSourceConfig} / {@code GeoJSONVectorSourceConfig} fields, minus the URI).
 *
 * @param defaultClassId   class of features whose class cannot be inferred; null drops them (default 1)
 * @param classIdToFilter  class id → Mapbox GL filter (nested lists), tried in map order
 * @param classNames       class name → class id, used for {@code label} / {@code class_name} properties
 * @param classProperty    if set, the only property the class is read from (number, numeric string or class name)
 * @param lineBufs         class id → buffer in pixels for lines (null value: leave unbuffered); missing → 1
 * @param pointBufs        same for points
 * @param ignoreCrsField   ignore a legacy {@code crs} member and read coordinates as WGS 84
 * @param repairInvalid    repair invalid polygons (self-intersections, unclosed rings) with JTS's GeometryFixer
 */
public record VectorSourceOptions(Integer defaultClassId, Map<Integer, Object> classIdToFilter,
                                  Map<String, Integer> classNames, String classProperty,
                                  Map<Integer, Double> lineBufs, Map<Integer, Double> pointBufs,
                                  boolean ignoreCrsField, boolean repairInvalid) {

    public VectorSourceOptions {
        classIdToFilter = classIdToFilter == null ? Map.of() : copy(classIdToFilter);
        classNames = classNames == null ? Map.of() : copy(classNames);
        lineBufs = lineBufs == null ? Map.of() : copy(lineBufs);
        pointBufs = pointBufs == null ? Map.of() : copy(pointBufs);
    }

    /** Raster Vision's defaults: default class 1, buffers of 1 pixel, repair on. */
    public static VectorSourceOptions defaults() {
        return new VectorSourceOptions(1, null, null, null, null, null, false, true);
    }

    public VectorSourceOptions withDefaultClassId(Integer id) {
        return new VectorSourceOptions(id, classIdToFilter, classNames, classProperty, lineBufs, pointBufs, ignoreCrsField, repairInvalid);
    }

    public VectorSourceOptions withClassIdToFilter(Map<Integer, Object> f) {
        return new VectorSourceOptions(defaultClassId, f, classNames, classProperty, lineBufs, pointBufs, ignoreCrsField, repairInvalid);
    }

    public VectorSourceOptions withClassNames(Map<String, Integer> names) {
        return new VectorSourceOptions(defaultClassId, classIdToFilter, names, classProperty, lineBufs, pointBufs, ignoreCrsField, repairInvalid);
    }

    public VectorSourceOptions withClassProperty(String p) {
        return new VectorSourceOptions(defaultClassId, classIdToFilter, classNames, p, lineBufs, pointBufs, ignoreCrsField, repairInvalid);
    }

    public VectorSourceOptions withBuffers(Map<Integer, Double> lines, Map<Integer, Double> points) {
        return new VectorSourceOptions(defaultClassId, classIdToFilter, classNames, classProperty, lines, points, ignoreCrsField, repairInvalid);
    }

    public VectorSourceOptions withIgnoreCrsField(boolean ignore) {
        return new VectorSourceOptions(defaultClassId, classIdToFilter, classNames, classProperty, lineBufs, pointBufs, ignore, repairInvalid);
    }

    public VectorSourceOptions withRepairInvalid(boolean repair) {
        return new VectorSourceOptions(defaultClassId, classIdToFilter, classNames, classProperty, lineBufs, pointBufs, ignoreCrsField, repair);
    }

    /** Buffer for a line of this class: the map's value (may be null = none), else 1. */
    public Double lineBuffer(int classId) { return lineBufs.containsKey(classId) ? lineBufs.get(classId) : Double.valueOf(1); }

    public Double pointBuffer(int classId) { return pointBufs.containsKey(classId) ? pointBufs.get(classId) : Double.valueOf(1); }

    private static <K, V> Map<K, V> copy(Map<K, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
