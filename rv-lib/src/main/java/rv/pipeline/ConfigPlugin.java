package rv.pipeline;

import java.util.List;

/**
 * A plugin contributes config types (and optionally runners) to the {@link ConfigRegistry}. Plugins
 * are discovered with {@link java.util.ServiceLoader}: list the implementation class in
 * {@code META-INF/services/rv.pipeline.ConfigPlugin} of the plugin jar.
 */
public interface ConfigPlugin {

    /** Config records (each annotated with {@link ConfigType}) this plugin registers. */
    List<Class<? extends Config>> configTypes();

    /** Runners this plugin adds (by {@link Runner#name()}); none by default. */
    default List<Runner> runners() { return List.of(); }
}
