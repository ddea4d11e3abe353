package rv.analyze;

import java.util.List;
import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Uris;

/**
 * Computes per-band statistics of the training scenes (for the StatsTransformer).
 * <p>JSON {@code type_hint}: {@code "stats_analyzer"}.
 */
@ConfigType("stats_analyzer")
public record StatsAnalyzerConfig(
        String outputUri,
        Double sampleProb) implements AnalyzerConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new StatsAnalyzerConfig(null, 0.1));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (sampleProb != null && (sampleProb <= 0 || sampleProb > 1)) v.error("sample_prob", "must be > 0 and <= 1, got " + sampleProb);
    }

    @Override
    public StatsAnalyzerConfig update(UpdateContext pipeline) {
        if (outputUri != null || pipeline == null || pipeline.analyzeUri() == null) return this;
        return new StatsAnalyzerConfig(Uris.join(pipeline.analyzeUri(), "stats.json"), sampleProb);
    }

    @Override
    public List<String> outputUris() { return outputUri == null ? List.of() : List.of(outputUri); }

    /** Fluent, immutable builder of {@link StatsAnalyzerConfig}. */
    public static final class Builder extends ConfigBuilder<StatsAnalyzerConfig, Builder> {
        private Builder(StatsAnalyzerConfig draft) {
            super(draft, Builder::new);
        }

        /** The stats.json; filled by update() as <analyze_uri>/stats.json. */
        public Builder outputUri(String v) {
            return set("outputUri", v);
        }

        /** Probability of using each random window; null uses a sliding window. */
        public Builder sampleProb(Double v) {
            return set("sampleProb", v);
        }

    }
}
