package rv.learn;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * Optimisation settings of training.
 * <p>JSON {@code type_hint}: {@code "solver"}.
 */
@ConfigType("solver")
public record SolverConfig(
        @Required Double lr,
        @Required Integer numEpochs,
        @Required Integer testNumEpochs,
        @Required Integer testBatchSz,
        @Required Integer overfitNumSteps,
        @Required Integer syncInterval,
        @Required Integer batchSz,
        @Required Boolean oneCycle,
        @Required List<Integer> multiStage) implements Config {

    public SolverConfig {
        multiStage = Copies.list(multiStage);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SolverConfig(0.0001, 10, 2, 4, 1, 1, 32, true, List.of()));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (lr != null && lr <= 0) v.error("lr", "must be positive, got " + lr);
        positive(v, "num_epochs", numEpochs);
        positive(v, "test_num_epochs", testNumEpochs);
        positive(v, "test_batch_sz", testBatchSz);
        positive(v, "overfit_num_steps", overfitNumSteps);
        positive(v, "sync_interval", syncInterval);
        positive(v, "batch_sz", batchSz);
    }

    private static void positive(rv.pipeline.Validation v, String field, Integer x) {
        if (x != null && x <= 0) v.error(field, "must be positive, got " + x);
    }

    /** Fluent, immutable builder of {@link SolverConfig}. */
    public static final class Builder extends ConfigBuilder<SolverConfig, Builder> {
        private Builder(SolverConfig draft) {
            super(draft, Builder::new);
        }

        /** Learning rate. */
        public Builder lr(Double v) {
            return set("lr", v);
        }

        /** Number of epochs. */
        public Builder numEpochs(Integer v) {
            return set("numEpochs", v);
        }

        /** Epochs in test mode. */
        public Builder testNumEpochs(Integer v) {
            return set("testNumEpochs", v);
        }

        /** Batch size in test mode. */
        public Builder testBatchSz(Integer v) {
            return set("testBatchSz", v);
        }

        /** Steps in overfit mode. */
        public Builder overfitNumSteps(Integer v) {
            return set("overfitNumSteps", v);
        }

        /** Epochs between syncs of the output folder. */
        public Builder syncInterval(Integer v) {
            return set("syncInterval", v);
        }

        /** Batch size. */
        public Builder batchSz(Integer v) {
            return set("batchSz", v);
        }

        /** Use a one-cycle learning rate schedule. */
        public Builder oneCycle(Boolean v) {
            return set("oneCycle", v);
        }

        /** Epochs at which to divide the learning rate by 10. */
        public Builder multiStage(List<Integer> v) {
            return set("multiStage", v);
        }

        /** Epochs at which to divide the learning rate by 10. */
        public Builder multiStage(Integer... v) {
            return set("multiStage", List.of(v));
        }

    }
}
