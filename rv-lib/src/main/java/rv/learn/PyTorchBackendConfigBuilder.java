package rv.learn;

import rv.pipeline.ConfigBuilder;

import java.util.List;
import java.util.function.Function;

/** Setters shared by the builders of the three PyTorch backend configs (all but the task's model). */
public abstract class PyTorchBackendConfigBuilder<C extends Record & PyTorchBackendConfig, B extends PyTorchBackendConfigBuilder<C, B>>
        extends ConfigBuilder<C, B> {

    protected PyTorchBackendConfigBuilder(C draft, Function<C, B> factory) {
        super(draft, factory);
    }

    /** The solver. */
    public B solver(SolverConfig v) {
        return set("solver", v);
    }

    /** Write TensorBoard-style logs. */
    public B logTensorboard(Boolean v) {
        return set("logTensorboard", v);
    }

    /** Run a TensorBoard server during training. */
    public B runTensorboard(Boolean v) {
        return set("runTensorboard", v);
    }

    /** Augmentations applied during training. */
    public B augmentors(List<String> v) {
        return set("augmentors", v);
    }

    /** Augmentations applied during training. */
    public B augmentors(String... v) {
        return set("augmentors", List.of(v));
    }

    /**
     * rv extension (Raster Vision 0.11's {@code rare_classes}): class ids or names whose chips are
     * oversampled in training (chip classification: the chip's class; segmentation: any pixel; detection: any box).
     */
    public B rareClasses(List<Object> v) {
        return set("rareClasses", v);
    }

    /** rv extension: class ids or names whose chips are oversampled. */
    public B rareClasses(Object... v) {
        return set("rareClasses", List.of(v));
    }

    /** rv extension (0.11's {@code desired_prob}): with {@code rare_classes}, the probability that a drawn chip contains one. */
    public B desiredProb(Double v) {
        return set("desiredProb", v);
    }

    /** Run a tiny training to test the setup. */
    public B testMode(Boolean v) {
        return set("testMode", v);
    }
}
