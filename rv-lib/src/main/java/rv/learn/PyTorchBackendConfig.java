package rv.learn;

import rv.pipeline.Validation;

import java.util.List;

/** The PyTorch-style backend configs of the three tasks: the options they share. */
public interface PyTorchBackendConfig extends BackendConfig {
    /** The task's model. */
    ModelConfig model();

    /** The solver. */
    SolverConfig solver();

    /** Augmentations applied during training. */
    List<String> augmentors();

    /** Run a tiny training to test the setup. */
    Boolean testMode();

    /** rv extension: class ids or names whose chips are oversampled. */
    List<Object> rareClasses();

    /** rv extension: with {@link #rareClasses()}, the probability that a drawn chip contains one. */
    Double desiredProb();

    /** Checks the rare-class oversampling options. */
    @Override
    default void validateSelf(Validation v) {
        if (desiredProb() != null && !(desiredProb() >= 0 && desiredProb() <= 1)) v.error("desired_prob", "must be between 0 and 1, got " + desiredProb());
        if (rareClasses() != null && !rareClasses().isEmpty() && desiredProb() == null) {
            v.error("desired_prob", "must be set (between 0 and 1) when rare_classes is given");
        }
        if (rareClasses() != null) {
            for (Object o : rareClasses()) {
                if (!(o instanceof Number || o instanceof String)) v.error("rare_classes", "entries must be class ids or class names, got " + o);
            }
        }
    }
}
