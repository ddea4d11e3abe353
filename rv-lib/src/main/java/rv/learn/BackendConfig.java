package rv.learn;

import rv.data.UpdateContext;
import rv.pipeline.Config;

/** Config of the backend that trains and runs models for an RV pipeline. */
public interface BackendConfig extends Config {
    default BackendConfig update(UpdateContext pipeline) { return this; }

    /** Checks the rare-class oversampling options shared by the PyTorch backends. */
    static void validateRareClasses(rv.pipeline.Validation v, java.util.List<Object> rareClasses, Double desiredProb) {
        if (desiredProb != null && !(desiredProb >= 0 && desiredProb <= 1)) v.error("desired_prob", "must be between 0 and 1, got " + desiredProb);
        if (rareClasses != null && !rareClasses.isEmpty() && desiredProb == null) {
            v.error("desired_prob", "must be set (between 0 and 1) when rare_classes is given");
        }
        if (rareClasses != null) {
            for (Object o : rareClasses) {
                if (!(o instanceof Number || o instanceof String)) v.error("rare_classes", "entries must be class ids or class names, got " + o);
            }
        }
    }
}
