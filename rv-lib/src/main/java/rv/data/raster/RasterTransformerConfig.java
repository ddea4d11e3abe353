package rv.data.raster;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;

/** Config of a transformer applied to raster windows after reading (e.g. {@code stats_transformer}). */
public interface RasterTransformerConfig extends Config {
    default RasterTransformerConfig update(UpdateContext pipeline, SceneConfig scene) { return this; }
}
