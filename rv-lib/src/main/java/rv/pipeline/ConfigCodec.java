package rv.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads and writes configs as Raster Vision 0.12 JSON: snake_case field names and a {@code type_hint}
 * in every config object. Types are resolved only through the {@link ConfigRegistry} allow-list;
 * fields missing from the JSON take the defaults of the type's {@code builder()}; unknown fields are
 * reported as warnings and ignored; every error names the field path.
 */
public final class ConfigCodec {
    private static final Logger log = LoggerFactory.getLogger(ConfigCodec.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ConfigRegistry registry;
    private final Consumer<String> warnings;

    private ConfigCodec(ConfigRegistry registry, Consumer<String> warnings) {
        this.registry = registry;
        this.warnings = warnings;
    }

    /** A codec that logs warnings (unknown fields) through SLF4J. */
    public static ConfigCodec create() {
        return new ConfigCodec(ConfigRegistry.get(), w -> log.warn(w));
    }

    /** A codec that hands warnings to {@code warnings}. */
    public static ConfigCodec create(Consumer<String> warnings) {
        return new ConfigCodec(ConfigRegistry.get(), warnings);
    }

    // ---------------------------------------------------------------- reading

    /** Parses {@code json} into a config of type {@code base} (a record or an interface) and validates it. */
    public <T extends Config> T read(String json, Class<T> base) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null) throw new ConfigException("", "empty JSON document");
        return readTree(node, base);
    }

    /** Converts a JSON tree into a validated config of type {@code base}. */
    public <T extends Config> T readTree(JsonNode node, Class<T> base) {
        T config = base.cast(readConfig(node, base, ""));
        return Validation.check(config);
    }

    private Object readConfig(JsonNode node, Class<?> base, String path) {
        if (!node.isObject()) throw new ConfigException(path, "expected a config object, got " + describe(node));
        JsonNode hintNode = node.get("type_hint");
        Class<? extends Config> type;
        String hintPath = Validation.join(path, "type_hint");
        if (hintNode == null || hintNode.isNull()) {
            if (base.isRecord()) {
                @SuppressWarnings("unchecked") Class<? extends Config> b = (Class<? extends Config>) base;
                type = b;
            } else {
                throw new ConfigException(hintPath, "missing; one of " + known(base) + " is needed");
            }
        } else {
            if (!hintNode.isTextual()) throw new ConfigException(hintPath, "expected a string, got " + describe(hintNode));
            type = registry.type(hintNode.asText());
            if (type == null) {
                throw new ConfigException(hintPath, "unknown type_hint '" + hintNode.asText() + "'; known "
                        + base.getSimpleName() + " types: " + known(base) + " (is the plugin that defines it on the class path?)");
            }
            if (!base.isAssignableFrom(type)) {
                throw new ConfigException(hintPath, "type_hint '" + hintNode.asText() + "' is a " + type.getSimpleName()
                        + ", not a " + base.getSimpleName() + "; expected one of " + known(base));
            }
        }
        Record defaults = defaults(type);
        RecordComponent[] rcs = type.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Set<String> seen = new LinkedHashSet<>();
        seen.add("type_hint");
        for (int i = 0; i < rcs.length; i++) {
            String name = Names.snake(rcs[i].getName());
            seen.add(name);
            JsonNode v = node.get(name);
            String p = Validation.join(path, name);
            if (v == null) {
                args[i] = defaults == null ? null : Records.get(defaults, rcs[i]);
            } else {
                args[i] = readValue(v, rcs[i].getGenericType(), p);
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!seen.contains(f)) {
                warnings.accept(Validation.join(path, f) + ": unknown field of " + ConfigRegistry.typeHintOf(type) + " ignored");
            }
        }
        try {
            return Records.construct(type.asSubclass(Record.class), args);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage());
        }
    }

    private String known(Class<?> base) {
        List<String> hints = registry.hintsFor(base);
        return hints.isEmpty() ? "(none registered)" : String.join(", ", hints);
    }

    /** The draft of {@code type.builder()}: the defaults for fields the JSON leaves out. */
    private static Record defaults(Class<?> type) {
        try {
            Method m = type.getMethod("builder");
            if (!Modifier.isStatic(m.getModifiers())) return null;
            Object b = m.invoke(null);
            return b instanceof ConfigBuilder<?, ?> cb ? (Record) cb.draft() : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make defaults of " + type.getName(), e);
        }
    }

    private Object readValue(JsonNode v, Type type, String path) {
        if (v.isNull()) return null;
        Class<?> raw = rawType(type);
        if (Config.class.isAssignableFrom(raw)) return readConfig(v, raw, path);
        if (raw == String.class) {
            if (!v.isTextual()) throw new ConfigException(path, "expected a string, got " + describe(v));
            return v.asText();
        }
        if (raw == Integer.class || raw == int.class) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < Integer.MAX_VALUE) return (int) v.asDouble();
                throw new ConfigException(path, "expected an integer, got " + describe(v));
            }
            return v.intValue();
        }
        if (raw == Long.class || raw == long.class) {
            if (!v.isIntegralNumber()) throw new ConfigException(path, "expected an integer, got " + describe(v));
            return v.longValue();
        }
        if (raw == Double.class || raw == double.class) {
            if (!v.isNumber()) throw new ConfigException(path, "expected a number, got " + describe(v));
            return v.doubleValue();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (!v.isBoolean()) throw new ConfigException(path, "expected true or false, got " + describe(v));
            return v.booleanValue();
        }
        if (raw.isEnum()) {
            if (!v.isTextual()) throw new ConfigException(path, "expected a string, got " + describe(v));
            for (Object c : raw.getEnumConstants()) {
                if (jsonName((Enum<?>) c).equals(v.asText())) return c;
            }
            List<String> names = new ArrayList<>();
            for (Object c : raw.getEnumConstants()) names.add(jsonName((Enum<?>) c));
            throw new ConfigException(path, "unknown value " + describe(v) + "; expected one of " + String.join(", ", names));
        }
        if (raw == List.class) {
            if (!v.isArray()) throw new ConfigException(path, "expected a list, got " + describe(v));
            Type elem = typeArg(type, 0);
            List<Object> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) out.add(readValue(v.get(i), elem, path + "[" + i + "]"));
            return out;
        }
        if (raw == Map.class) {
            if (!v.isObject()) throw new ConfigException(path, "expected an object, got " + describe(v));
            Class<?> key = rawType(typeArg(type, 0));
            Type val = typeArg(type, 1);
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                Object k = e.getKey();
                if (key == Integer.class) {
                    try {
                        k = Integer.parseInt(e.getKey());
                    } catch (NumberFormatException ex) {
                        throw new ConfigException(path, "key '" + e.getKey() + "' is not an integer");
                    }
                }
                out.put(k, readValue(e.getValue(), val, path + "." + e.getKey()));
            }
            return out;
        }
        if (raw == Object.class) return plain(v);
        throw new IllegalStateException("unsupported config field type " + type + " at " + path);
    }

    private static Object plain(JsonNode v) {
        if (v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        if (v.isNumber()) return v.doubleValue();
        if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            v.forEach(e -> l.add(plain(e)));
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        v.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
        return m;
    }

    private static String describe(JsonNode v) {
        String s = v.toString();
        if (s.length() > 40) s = s.substring(0, 37) + "...";
        String kind = v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isArray() ? "list" : v.isObject() ? "object" : "null";
        return kind + " " + s;
    }

    /** The JSON spelling of an enum constant: its name in lower case. */
    public static String jsonName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Class<?> rawType(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (t instanceof java.lang.reflect.WildcardType w) return rawType(w.getUpperBounds()[0]);
        return Object.class;
    }

    private static Type typeArg(Type t, int i) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    // ---------------------------------------------------------------- writing

    /**
     * The JSON tree of {@code config}: {@code type_hint} first, then every field (nulls included, as RV
     * writes them, except unset {@link Extension} fields).
     */
    public ObjectNode toTree(Config config) {
        ObjectNode o = NODES.objectNode();
        o.put("type_hint", config.typeHint());
        Record r = (Record) config;
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            Object v = Records.get(r, rc);
            if (v == null && rc.isAnnotationPresent(Extension.class)) continue;
            o.set(Names.snake(rc.getName()), valueToTree(v));
        }
        return o;
    }

    /** Pretty-printed JSON of {@code config}. */
    public String write(Config config) {
        try {
            return MAPPER.writeValueAsString(toTree(config)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode valueToTree(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof Config c) return toTree(c);
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof Double d) return NODES.numberNode(d);
        if (v instanceof Float f) return NODES.numberNode(f.doubleValue());
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Enum<?> e) return NODES.textNode(jsonName(e));
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            for (Object e : l) a.add(valueToTree(e));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, val) -> o.set(String.valueOf(k), valueToTree(val)));
            return o;
        }
        throw new IllegalStateException("cannot write " + v.getClass().getName() + " as config JSON");
    }

    /** Parses JSON text into a tree (for comparisons in tools and tests). */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    static List<String> enumNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigCodec::jsonName).toList();
    }
}
