package rv.viz;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renderers per type. {@link #render(Object)} uses the renderer of the value's class, else of its
 * nearest superclass, else of the first interface found breadth-first; values with none show as
 * {@code String.valueOf}. {@link #standard()} holds rv's built-in renderers plus those of every
 * {@link RendererProvider} on the class path.
 */
public final class RendererRegistry {
    private static volatile RendererRegistry standard;

    private final Map<Class<?>, Renderer<?>> byType = new LinkedHashMap<>();
    private final Map<Class<?>, Renderer<?>> resolved = new ConcurrentHashMap<>();

    /** The JVM-wide registry with the built-in renderers. */
    public static RendererRegistry standard() {
        RendererRegistry r = standard;
        if (r == null) {
            synchronized (RendererRegistry.class) {
                if (standard == null) {
                    RendererRegistry fresh = new RendererRegistry();
                    BuiltinRenderers.registerAll(fresh);
                    for (RendererProvider p : ServiceLoader.load(RendererProvider.class, RendererRegistry.class.getClassLoader())) {
                        p.register(fresh);
                    }
                    standard = fresh;
                }
                r = standard;
            }
        }
        return r;
    }

    /** Registers (or replaces) the renderer for {@code type} and its subtypes. */
    public synchronized <T> RendererRegistry register(Class<T> type, Renderer<? super T> renderer) {
        byType.put(type, renderer);
        resolved.clear();
        return this;
    }

    /** The types that have a renderer of their own, in registration order. */
    public synchronized Set<Class<?>> types() {
        return Set.copyOf(byType.keySet());
    }

    /** Whether some renderer other than the text fallback applies to {@code type}. */
    public boolean handles(Class<?> type) {
        return find(type) != null;
    }

    /** Renders {@code value}; a {@link MimeBundle} passes through, null shows as "null". */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MimeBundle render(Object value) {
        if (value == null) return MimeBundle.text("null");
        if (value instanceof MimeBundle b) return b;
        Renderer r = find(value.getClass());
        if (r == null) return MimeBundle.text(String.valueOf(value));
        try {
            return r.render(value);
        } catch (RuntimeException e) {
            // A broken renderer must not hide the value: show the error next to its text form.
            return ErrorView.of(e).bundle().with(MimeBundle.TEXT, String.valueOf(value) + "\n(render failed: " + e + ")");
        }
    }

    private synchronized Renderer<?> find(Class<?> type) {
        Renderer<?> hit = resolved.get(type);
        if (hit != null) return hit;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Renderer<?> r = byType.get(c);
            if (r != null) {
                resolved.put(type, r);
                return r;
            }
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) queue.addAll(java.util.List.of(c.getInterfaces()));
        while (!queue.isEmpty()) {
            Class<?> i = queue.poll();
            if (!seen.add(i)) continue;
            Renderer<?> r = byType.get(i);
            if (r != null) {
                resolved.put(type, r);
                return r;
            }
            queue.addAll(java.util.List.of(i.getInterfaces()));
        }
        return null;
    }
}
