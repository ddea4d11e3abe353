package rv.task;

import rv.core.RvException;
import rv.learn.BackendConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link Backend} for a backend config. */
public final class Backends {
    private Backends() {}

    /** Every backend on the class path. */
    public static List<Backend> all() {
        List<Backend> out = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) out.add(b);
        return out;
    }

    /** The backend for {@code config}; an {@link RvException} naming the config type when none is found. */
    public static Backend forConfig(BackendConfig config) {
        if (config == null) throw new RvException("the pipeline config has no backend: set 'backend'");
        List<String> names = new ArrayList<>();
        for (Backend b : all()) {
            if (b.supports(config)) return b;
            names.add(b.name());
        }
        throw new RvException("no rv backend runs " + config.getClass().getSimpleName()
                + " (backends on the class path: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + "); add the jar that provides it, or use the ground_truth backend");
    }
}
