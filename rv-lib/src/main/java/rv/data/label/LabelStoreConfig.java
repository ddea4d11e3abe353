package rv.data.label;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;

/** Config of where a scene's predictions are stored. */
public interface LabelStoreConfig extends Config {
    /** The main prediction file; null until {@code update()} fills it. */
    String uri();

    /** Files the PREDICT command writes for this store. */
    default java.util.List<String> outputUris() { return uri() == null ? java.util.List.of() : java.util.List.of(uri()); }

    default LabelStoreConfig update(UpdateContext pipeline, SceneConfig scene) { return this; }
}
