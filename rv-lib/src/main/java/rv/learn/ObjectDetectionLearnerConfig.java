package rv.learn;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * The ObjectDetection learner: model, solver, data and training switches.
 * <p>JSON {@code type_hint}: {@code "object_detection_learner"}.
 */
@ConfigType("object_detection_learner")
public record ObjectDetectionLearnerConfig(
        @Required ObjectDetectionModelConfig model,
        @Required SolverConfig solver,
        @Required ObjectDetectionDataConfig data,
        @Required Boolean predictMode,
        @Required Boolean testMode,
        @Required Boolean overfitMode,
        @Required Boolean evalTrain,
        @Required Boolean saveModelBundle,
        @Required Boolean logTensorboard,
        @Required Boolean runTensorboard,
        String outputUri) implements LearnerConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionLearnerConfig(null, null, null, false, false, false, false, true, true, false, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link ObjectDetectionLearnerConfig}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionLearnerConfig, Builder> {
        private Builder(ObjectDetectionLearnerConfig draft) {
            super(draft, Builder::new);
        }

        /** The model. */
        public Builder model(ObjectDetectionModelConfig v) {
            return set("model", v);
        }

        /** The solver. */
        public Builder solver(SolverConfig v) {
            return set("solver", v);
        }

        /** The data. */
        public Builder data(ObjectDetectionDataConfig v) {
            return set("data", v);
        }

        /** Only predict. */
        public Builder predictMode(Boolean v) {
            return set("predictMode", v);
        }

        /** Run a tiny training to test the setup. */
        public Builder testMode(Boolean v) {
            return set("testMode", v);
        }

        /** Overfit a single batch. */
        public Builder overfitMode(Boolean v) {
            return set("overfitMode", v);
        }

        /** Also evaluate on the training set. */
        public Builder evalTrain(Boolean v) {
            return set("evalTrain", v);
        }

        /** Write a model bundle after training. */
        public Builder saveModelBundle(Boolean v) {
            return set("saveModelBundle", v);
        }

        /** Write TensorBoard-style logs. */
        public Builder logTensorboard(Boolean v) {
            return set("logTensorboard", v);
        }

        /** Run a TensorBoard server during training. */
        public Builder runTensorboard(Boolean v) {
            return set("runTensorboard", v);
        }

        /** Where training output goes. */
        public Builder outputUri(String v) {
            return set("outputUri", v);
        }

    }
}
