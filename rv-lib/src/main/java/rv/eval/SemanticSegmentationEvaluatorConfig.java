package rv.eval;

import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Uris;

/**
 * Evaluates semantic segmentation predictions (per-class precision, recall, F1), raster and vector.
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation_evaluator"}.
 */
@ConfigType("semantic_segmentation_evaluator")
public record SemanticSegmentationEvaluatorConfig(
        String outputUri,
        String vectorOutputUri) implements EvaluatorConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationEvaluatorConfig(null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public SemanticSegmentationEvaluatorConfig update(UpdateContext pipeline) {
        if (pipeline == null || pipeline.evalUri() == null) return this;
        return new SemanticSegmentationEvaluatorConfig(
                outputUri != null ? outputUri : Uris.join(pipeline.evalUri(), "eval.json"),
                vectorOutputUri != null ? vectorOutputUri : Uris.join(pipeline.evalUri(), "vector-eval.json"));
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationEvaluatorConfig}. */
    public static final class Builder extends ConfigBuilder<SemanticSegmentationEvaluatorConfig, Builder> {
        private Builder(SemanticSegmentationEvaluatorConfig draft) {
            super(draft, Builder::new);
        }

        /** The eval.json; filled by update() as <eval_uri>/eval.json. */
        public Builder outputUri(String v) {
            return set("outputUri", v);
        }

        /** Evaluation of vector output; filled by update() as <eval_uri>/vector-eval.json. */
        public Builder vectorOutputUri(String v) {
            return set("vectorOutputUri", v);
        }

    }
}
