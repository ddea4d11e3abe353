package rv.pipeline;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Validates a config tree: required fields present, no null list elements, and each config's own
 * {@link Config#validateSelf} rules. Problems carry the snake_case field path.
 */
public final class Validation {
    private final List<String> errors = new ArrayList<>();
    private String prefix = "";

    private Validation() {}

    /** Validates {@code config} and everything below it; throws {@link ConfigException} listing every problem. */
    public static <C extends Config> C check(C config) {
        return check(config, "");
    }

    /** Like {@link #check(Config)} with a path prefix for a config nested in a bigger one. */
    public static <C extends Config> C check(C config, String path) {
        Validation v = new Validation();
        v.walk(config, path);
        if (!v.errors.isEmpty()) {
            String first = v.errors.get(0);
            int colon = first.indexOf(": ");
            String p = colon > 0 ? first.substring(0, colon) : "";
            String msg = String.join("; ", v.errors);
            throw ConfigException.withMessage(p, "invalid config: " + msg);
        }
        return config;
    }

    /** Reports a problem with {@code field} (snake_case) of the config being checked; null for the config itself. */
    public void error(String field, String message) {
        String p = field == null ? prefix : join(prefix, field);
        errors.add((p.isEmpty() ? "" : p + ": ") + message);
    }

    /** Reports a problem unless {@code condition} holds. */
    public void require(boolean condition, String field, String message) {
        if (!condition) error(field, message);
    }

    private void walk(Object value, String path) {
        if (value instanceof Config c && value instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                String name = Names.snake(rc.getName());
                Object v = Records.get(r, rc);
                String p = join(path, name);
                if (v == null) {
                    if (rc.isAnnotationPresent(Required.class)) errors.add(p + ": required field is missing");
                    continue;
                }
                walk(v, p);
            }
            String saved = prefix;
            prefix = path;
            c.validateSelf(this);
            prefix = saved;
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                if (e == null) errors.add(path + "[" + i + "]: null element");
                else walk(e, path + "[" + i + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) walk(e.getValue(), path + "." + e.getKey());
            }
        } else if (value instanceof Collection<?> col) {
            for (Object e : col) walk(e, path);
        }
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
