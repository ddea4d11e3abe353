package rv.data.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Infers each feature's class id the way Raster Vision's {@code ClassInference} does: the
 * {@code class_id} property, else the first matching {@code class_id_to_filter} entry, else the
 * {@code label} then {@code class_name} property looked up in the class names, else the default
 * (null → the feature is dropped). With a {@code classProperty}, only that property is consulted
 * (then the default).
 */
public final class ClassInference {
    private final Map<Integer, FeatureFilter> filters = new LinkedHashMap<>();
    private final VectorSourceOptions options;

    public ClassInference(VectorSourceOptions options) {
        this.options = options;
        options.classIdToFilter().forEach((id, expr) -> filters.put(id, FeatureFilter.parse(expr, "class_id_to_filter[" + id + "]")));
    }

    /** The class id, or null when the feature should be dropped. */
    public Integer classIdOf(Feature f) {
        if (options.classProperty() != null) {
            Integer id = fromValue(f.properties().get(options.classProperty()));
            return id != null ? id : options.defaultClassId();
        }
        Object cid = f.properties().get("class_id");
        if (cid instanceof Number n) return n.intValue();
        for (Map.Entry<Integer, FeatureFilter> e : filters.entrySet()) {
            if (e.getValue().test(f)) return e.getKey();
        }
        for (String key : new String[] {"label", "class_name"}) {
            Object v = f.properties().get(key);
            if (v instanceof String s && options.classNames().containsKey(s)) return options.classNames().get(s);
        }
        return options.defaultClassId();
    }

    private Integer fromValue(Object v) {
        if (v instanceof Number n) return n.intValue();
        if (v instanceof String s) {
            if (options.classNames().containsKey(s)) return options.classNames().get(s);
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
