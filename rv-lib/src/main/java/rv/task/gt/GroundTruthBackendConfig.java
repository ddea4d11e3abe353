package rv.task.gt;

import rv.learn.BackendConfig;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;

/**
 * The "ground truth" backend: no learning; PREDICT's model answers each window with labels read
 * from the scene's own label source (predictions = ground truth), or from existing predictions
 * given by {@code prediction_uri}. For tests, and for users who already have predictions and want
 * rv's stitching, label stores and evaluation.
 * <p>JSON {@code type_hint}: {@code "ground_truth_backend"}. It can also replace a pipeline's
 * backend without editing the config: setting {@code [rv] backend = ground_truth} (or the
 * environment variable {@code RV_BACKEND=ground_truth}).
 *
 * @param predictionUri where to read predictions instead of the ground truth: a class GeoTIFF
 *                      (semantic segmentation) or a GeoJSON of cells / boxes, with {@code {scene_id}}
 *                      replaced by the scene id; null reads the scene's label source
 * @param xShiftPx      predictions are the labels of the window moved by this many pixels right (default 0)
 * @param yShiftPx      same, down
 * @param jitterPx      object detection: each window's boxes move by up to this many pixels at random (default 0)
 * @param seed          seed of the jitter
 */
@ConfigType("ground_truth_backend")
public record GroundTruthBackendConfig(String predictionUri, Integer xShiftPx, Integer yShiftPx, Double jitterPx, Long seed)
        implements BackendConfig {

    /** A builder with the defaults (predictions = ground truth, no shift, no jitter). */
    public static Builder builder() {
        return new Builder(new GroundTruthBackendConfig(null, 0, 0, 0.0, 0L));
    }

    public Builder toBuilder() { return new Builder(this); }

    /** Fluent, immutable builder of {@link GroundTruthBackendConfig}. */
    public static final class Builder extends ConfigBuilder<GroundTruthBackendConfig, Builder> {
        private Builder(GroundTruthBackendConfig draft) {
            super(draft, Builder::new);
        }

        /** Predictions to read instead of the ground truth ({@code {scene_id}} is replaced). */
        public Builder predictionUri(String v) { return set("predictionUri", v); }

        /** Shift of the predictions in pixels, right. */
        public Builder xShiftPx(Integer v) { return set("xShiftPx", v); }

        /** Shift of the predictions in pixels, down. */
        public Builder yShiftPx(Integer v) { return set("yShiftPx", v); }

        /** Random displacement of detection boxes per window, in pixels. */
        public Builder jitterPx(Double v) { return set("jitterPx", v); }

        /** Seed of the jitter. */
        public Builder seed(Long v) { return set("seed", v); }
    }
}
