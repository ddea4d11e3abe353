package rv.pipeline.examples;

import rv.pipeline.Config;
import rv.pipeline.ConfigPlugin;

import java.util.List;

/** Registers the sample pipelines of the Raster Vision docs (Examples 1–3) and the test chain pipeline. */
public final class ExamplesPlugin implements ConfigPlugin {
    @Override
    public List<Class<? extends Config>> configTypes() {
        return List.of(SamplePipelineConfig.class, SamplePipeline2Config.class, BasicMessageMakerConfig.class,
                DeluxeMessageMakerConfig.class, ChainPipelineConfig.class);
    }
}
