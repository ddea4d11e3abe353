package rv.data.label;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;

/** Config of a read-only source of ground-truth labels for a scene. */
public interface LabelSourceConfig extends Config {
    default LabelSourceConfig update(UpdateContext pipeline, SceneConfig scene) { return this; }
}
