package rv.viz;

/** Plugins add renderers by listing an implementation in {@code META-INF/services/rv.viz.RendererProvider}. */
public interface RendererProvider {
    void register(RendererRegistry registry);
}
