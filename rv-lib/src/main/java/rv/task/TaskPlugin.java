package rv.task;

import rv.pipeline.Config;
import rv.pipeline.ConfigPlugin;

import java.util.List;

/** Config types of the task package (the ground-truth backend). */
public final class TaskPlugin implements ConfigPlugin {
    @Override
    public List<Class<? extends Config>> configTypes() {
        return List.of(rv.task.gt.GroundTruthBackendConfig.class);
    }
}
