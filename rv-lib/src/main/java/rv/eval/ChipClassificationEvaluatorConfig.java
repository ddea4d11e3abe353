package rv.eval;

import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Uris;

/**
 * Evaluates chip classification predictions (per-class precision, recall, F1).
 * <p>JSON {@code type_hint}: {@code "chip_classification_evaluator"}.
 */
@ConfigType("chip_classification_evaluator")
public record ChipClassificationEvaluatorConfig(
        String outputUri) implements EvaluatorConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ChipClassificationEvaluatorConfig(null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public ChipClassificationEvaluatorConfig update(UpdateContext pipeline) {
        if (outputUri != null || pipeline == null || pipeline.evalUri() == null) return this;
        return new ChipClassificationEvaluatorConfig(Uris.join(pipeline.evalUri(), "eval.json"));
    }

    /** Fluent, immutable builder of {@link ChipClassificationEvaluatorConfig}. */
    public static final class Builder extends ConfigBuilder<ChipClassificationEvaluatorConfig, Builder> {
        private Builder(ChipClassificationEvaluatorConfig draft) {
            super(draft, Builder::new);
        }

        /** The eval.json; filled by update() as <eval_uri>/eval.json. */
        public Builder outputUri(String v) {
            return set("outputUri", v);
        }

    }
}
