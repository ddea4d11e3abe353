package rv.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The allow-list of config types by {@code type_hint}, and of runners by name, filled from every
 * {@link ConfigPlugin} found by {@link ServiceLoader}. Only types registered here can be created from
 * JSON: this is the only polymorphism the config reader supports.
 */
public final class ConfigRegistry {

    private static volatile ConfigRegistry instance;
    private static final Map<Class<?>, String> HINTS = new ConcurrentHashMap<>();

    private final Map<String, Class<? extends Config>> types = new TreeMap<>();
    private final Map<String, Runner> runners = new TreeMap<>();

    private ConfigRegistry() {}

    /** The registry of the plugins visible to this class's loader and the thread context loader. */
    public static ConfigRegistry get() {
        ConfigRegistry r = instance;
        if (r == null) {
            synchronized (ConfigRegistry.class) {
                r = instance;
                if (r == null) instance = r = load();
            }
        }
        return r;
    }

    /** Forgets the cached registry (after adding plugin jars to the class path at run time). */
    public static synchronized void reload() { instance = null; }

    private static ConfigRegistry load() {
        ConfigRegistry r = new ConfigRegistry();
        List<ConfigPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(ConfigPlugin.class, ConfigRegistry.class.getClassLoader()).forEach(plugins::add);
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        if (ctx != null && ctx != ConfigRegistry.class.getClassLoader()) {
            ServiceLoader.load(ConfigPlugin.class, ctx).forEach(p -> {
                if (plugins.stream().noneMatch(q -> q.getClass().getName().equals(p.getClass().getName()))) plugins.add(p);
            });
        }
        for (ConfigPlugin p : plugins) {
            for (Class<? extends Config> c : p.configTypes()) r.register(c);
            for (Runner run : p.runners()) r.runners.putIfAbsent(run.name(), run);
        }
        return r;
    }

    private void register(Class<? extends Config> c) {
        String hint = typeHintOf(c);
        Class<? extends Config> prev = types.putIfAbsent(hint, c);
        if (prev != null && prev != c) {
            throw new IllegalStateException("type_hint '" + hint + "' registered twice: " + prev.getName() + " and " + c.getName());
        }
    }

    /** The {@code type_hint} declared by {@link ConfigType} on {@code c}. */
    public static String typeHintOf(Class<?> c) {
        return HINTS.computeIfAbsent(c, k -> {
            ConfigType t = k.getAnnotation(ConfigType.class);
            if (t == null) throw new IllegalStateException(k.getName() + " lacks @ConfigType");
            return t.value();
        });
    }

    /** The registered type for {@code hint}, or null. */
    public Class<? extends Config> type(String hint) { return types.get(hint); }

    /** Registered type hints whose type is assignable to {@code base}, sorted. */
    public List<String> hintsFor(Class<?> base) {
        List<String> out = new ArrayList<>();
        types.forEach((h, c) -> { if (base.isAssignableFrom(c)) out.add(h); });
        return out;
    }

    /** All registered hints, sorted. */
    public List<String> hints() { return List.copyOf(types.keySet()); }

    /** The runner called {@code name}; throws with the known names when there is none. */
    public Runner runner(String name) {
        Runner r = runners.get(name);
        if (r == null) {
            throw new rv.core.RvException("unknown runner '" + name + "'; known runners: " + String.join(", ", runners.keySet()));
        }
        return r;
    }

    public Map<String, Runner> runners() { return Collections.unmodifiableMap(runners); }
}
