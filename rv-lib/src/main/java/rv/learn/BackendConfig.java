package rv.learn;

import rv.data.UpdateContext;
import rv.pipeline.Config;

/** Config of the backend that trains and runs models for an RV pipeline. */
public interface BackendConfig extends Config {
    default BackendConfig update(UpdateContext pipeline) { return this; }
}
