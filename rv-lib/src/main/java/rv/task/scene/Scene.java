package rv.task.scene;

import rv.core.Aoi;
import rv.core.Box;
import rv.core.CrsTransformer;
import rv.data.SceneConfig;
import rv.data.raster.RasterSource;
import rv.task.labels.LabelSource;

/**
 * A scene ready to work on: imagery (after channel order, shifts and transformers), its ground
 * truth (may be null when labels were not asked for), the AOI in pixels (null: the whole image).
 */
public record Scene(SceneConfig config, RasterSource raster, CrsTransformer crs, LabelSource labels, Aoi aoi)
        implements AutoCloseable {

    public String id() { return config.id(); }

    public Box extent() { return raster.extent(); }

    /** Whether a window lies in the AOI (the whole window when {@code fully}, else any part of it). */
    public boolean inAoi(Box window, boolean fully) {
        if (aoi == null) return true;
        return fully ? aoi.contains(window) : aoi.overlapShare(window) > 0;
    }

    @Override
    public void close() {
        raster.close();
        if (labels != null) labels.close();
    }
}
