package rv.data.vector;

import org.locationtech.jts.geom.Geometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A GeoJSON feature: a JTS geometry plus its properties as plain Java values (String, Number,
 * Boolean, null, List, Map), in the order the file gave them. {@code id} is the feature's
 * {@code id} member, or null.
 */
public record Feature(Object id, Geometry geometry, Map<String, Object> properties) {

    public Feature {
        Objects.requireNonNull(geometry, "geometry");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties == null ? Map.of() : properties));
    }

    public Feature(Geometry geometry, Map<String, Object> properties) { this(null, geometry, properties); }

    /** The {@code class_id} property when it is an integer number. */
    public OptionalInt classId() {
        Object v = properties.get("class_id");
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return OptionalInt.of(n.intValue());
        return OptionalInt.empty();
    }

    public Feature withGeometry(Geometry g) { return new Feature(id, g, properties); }

    /** A copy with one property set (or replaced). */
    public Feature withProperty(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.put(key, value);
        return new Feature(id, geometry, p);
    }
}
