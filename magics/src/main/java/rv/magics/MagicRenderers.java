package rv.magics;

import rv.notebook.RunResult;
import rv.viz.RendererProvider;
import rv.viz.RendererRegistry;

/** Renderers for the values magics return. */
public final class MagicRenderers implements RendererProvider {
    @Override
    public void register(RendererRegistry registry) {
        registry.register(RunResult.class, RunResult::bundle);
    }
}
