package rv.eval;

import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Uris;

/**
 * Evaluates object detection predictions (per-class precision, recall, F1).
 * <p>JSON {@code type_hint}: {@code "object_detection_evaluator"}.
 */
@ConfigType("object_detection_evaluator")
public record ObjectDetectionEvaluatorConfig(
        String outputUri) implements EvaluatorConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionEvaluatorConfig(null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public ObjectDetectionEvaluatorConfig update(UpdateContext pipeline) {
        if (outputUri != null || pipeline == null || pipeline.evalUri() == null) return this;
        return new ObjectDetectionEvaluatorConfig(Uris.join(pipeline.evalUri(), "eval.json"));
    }

    /** Fluent, immutable builder of {@link ObjectDetectionEvaluatorConfig}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionEvaluatorConfig, Builder> {
        private Builder(ObjectDetectionEvaluatorConfig draft) {
            super(draft, Builder::new);
        }

        /** The eval.json; filled by update() as <eval_uri>/eval.json. */
        public Builder outputUri(String v) {
            return set("outputUri", v);
        }

    }
}
