package rv.data.raster;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;

import java.util.List;

/** Config of a {@link RasterSource}: {@code rasterio_source} or {@code rasterized_source} (plugins may add more). */
public interface RasterSourceConfig extends Config {

    /** The transformers applied to what this source reads (none unless the type has the field). */
    default List<RasterTransformerConfig> transformers() { return List.of(); }

    /** Fills implied values (e.g. stats URIs of transformers); returns this when nothing changes. */
    default RasterSourceConfig update(UpdateContext pipeline, SceneConfig scene) { return this; }
}
