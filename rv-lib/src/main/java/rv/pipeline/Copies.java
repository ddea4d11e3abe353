package rv.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive, unmodifiable copies for record constructors; null stays null (it means "not set"). */
public final class Copies {
    private Copies() {}

    public static <T> List<T> list(List<T> l) {
        return l == null ? null : Collections.unmodifiableList(new ArrayList<>(l));
    }

    public static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Deep copy of a free-form JSON-like value (Map / List / String / Number / Boolean / null). */
    public static Object json(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), json(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object e : l) copy.add(json(e));
            return Collections.unmodifiableList(copy);
        }
        return o;
    }

    /** {@link #json} applied to every element of a list. */
    public static List<Object> jsonList(List<?> l) {
        if (l == null) return null;
        List<Object> copy = new ArrayList<>(l.size());
        for (Object e : l) copy.add(json(e));
        return Collections.unmodifiableList(copy);
    }

    /** {@link #json} applied to every value of a map (keys kept). */
    public static <K> Map<K, Object> jsonValues(Map<K, ?> m) {
        if (m == null) return null;
        Map<K, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, json(v)));
        return Collections.unmodifiableMap(copy);
    }
}
