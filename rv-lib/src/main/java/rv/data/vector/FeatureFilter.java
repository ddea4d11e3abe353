package rv.data.vector;

import rv.core.RvException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Mapbox GL (legacy) feature filter, as used by Raster Vision's {@code class_id_to_filter}:
 * {@code ["==", key, value]}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code ["in", key, v…]}, {@code !in}, {@code ["has", key]}, {@code !has},
 * {@code ["all", f…]}, {@code any}, {@code none}. The special keys {@code $type} (Point,
 * LineString or Polygon) and {@code $id} refer to the geometry type and the feature id.
 * Comparisons follow Mapbox: values of different types are never equal nor ordered.
 */
public sealed interface FeatureFilter {

    boolean test(Feature f);

    /**
     * Parses a filter given as nested lists (the JSON array form).
     *
     * @param where names the filter in error messages, e.g. {@code class_id_to_filter[1]}
     */
    static FeatureFilter parse(Object expr, String where) {
        if (!(expr instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof String op)) {
            throw new RvException(where + ": a filter must be a JSON array starting with an operator such as [\"==\", \"key\", value], got " + expr);
        }
        return switch (op) {
            case "==", "!=", "<", "<=", ">", ">=" -> {
                need(list, 3, 3, where, op);
                yield new Compare(op, key(list, where), list.get(2));
            }
            case "in", "!in" -> {
                need(list, 2, Integer.MAX_VALUE, where, op);
                yield new In(key(list, where), List.copyOf(list.subList(2, list.size()).stream().map(v -> v == null ? Null.NULL : v).toList()), op.equals("!in"));
            }
            case "has", "!has" -> {
                need(list, 2, 2, where, op);
                yield new Has(key(list, where), op.equals("!has"));
            }
            case "all", "any", "none" -> {
                List<FeatureFilter> parts = new ArrayList<>();
                for (int i = 1; i < list.size(); i++) parts.add(parse(list.get(i), where + "[" + i + "]"));
                yield new Combine(op, List.copyOf(parts));
            }
            default -> throw new RvException(where + ": unknown filter operator '" + op
                    + "' (use ==, !=, <, <=, >, >=, in, !in, has, !has, all, any or none)");
        };
    }

    private static void need(List<?> list, int min, int max, String where, String op) {
        if (list.size() < min || list.size() > max) {
            throw new RvException(where + ": operator '" + op + "' takes " + (min - 1) + (max == min ? "" : max == Integer.MAX_VALUE ? " or more" : "-" + (max - 1)) + " arguments, got " + (list.size() - 1));
        }
    }

    private static String key(List<?> list, String where) {
        if (!(list.get(1) instanceof String k)) throw new RvException(where + ": the property key must be a string, got " + list.get(1));
        return k;
    }

    /** Placeholder for JSON null inside immutable lists. */
    enum Null { NULL }

    /** The value a key refers to, or {@link #MISSING}. */
    static Object lookup(Feature f, String key) {
        switch (key) {
            case "$type": {
                String t = f.geometry().getGeometryType();
                return t.startsWith("Multi") ? t.substring(5) : t.equals("LinearRing") ? "LineString" : t;
            }
            case "$id": return f.id() == null ? MISSING : f.id();
            default:
                if (!f.properties().containsKey(key)) return MISSING;
                return f.properties().get(key);
        }
    }

    Object MISSING = new Object();

    /** Mapbox's strict equality: numbers by value, others by type and value. */
    static boolean same(Object a, Object b) {
        if (a == Null.NULL) a = null;
        if (b == Null.NULL) b = null;
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return Objects.equals(a, b);
    }

    record Compare(String op, String key, Object value) implements FeatureFilter {
        @Override public boolean test(Feature f) {
            Object v = lookup(f, key);
            if (op.equals("==")) return v != MISSING && same(v, value);
            if (op.equals("!=")) return v == MISSING || !same(v, value);
            int c;
            if (v instanceof Number x && value instanceof Number y) c = Double.compare(x.doubleValue(), y.doubleValue());
            else if (v instanceof String x && value instanceof String y) c = x.compareTo(y);
            else return false;
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    record In(String key, List<Object> values, boolean negate) implements FeatureFilter {
        @Override public boolean test(Feature f) {
            Object v = lookup(f, key);
            boolean found = false;
            if (v != MISSING) for (Object o : values) if (same(v, o)) { found = true; break; }
            return found != negate;
        }
    }

    record Has(String key, boolean negate) implements FeatureFilter {
        @Override public boolean test(Feature f) { return (lookup(f, key) != MISSING) != negate; }
    }

    record Combine(String op, List<FeatureFilter> parts) implements FeatureFilter {
        @Override public boolean test(Feature f) {
            return switch (op) {
                case "all" -> parts.stream().allMatch(p -> p.test(f));
                case "any" -> parts.stream().anyMatch(p -> p.test(f));
                default -> parts.stream().noneMatch(p -> p.test(f));
            };
        }
    }
}
