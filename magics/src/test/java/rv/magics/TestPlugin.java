package rv.magics;

import rv.pipeline.Config;
import rv.pipeline.ConfigPlugin;

import java.util.List;

/** Registers the test pipeline. */
public final class TestPlugin implements ConfigPlugin {
    @Override
    public List<Class<? extends Config>> configTypes() { return List.of(CountingPipelineConfig.class); }
}
