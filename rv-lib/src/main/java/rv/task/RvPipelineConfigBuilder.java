package rv.task;

import rv.analyze.AnalyzerConfig;
import rv.data.DatasetConfig;
import rv.eval.EvaluatorConfig;
import rv.learn.BackendConfig;
import rv.pipeline.ConfigBuilder;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Setters shared by the builders of the three task pipeline configs (the fields of {@link RvPipelineConfig}). */
public abstract class RvPipelineConfigBuilder<C extends Record & RvPipelineConfig, B extends RvPipelineConfigBuilder<C, B>>
        extends ConfigBuilder<C, B> {

    protected RvPipelineConfigBuilder(C draft, Function<C, B> factory) {
        super(draft, factory);
    }

        /** Root URI of every output of the pipeline. */
        public B rootUri(String v) {
            return set("rootUri", v);
        }

        /** Serialised RV settings for remote runs (kept, not used). */
        public B rvConfig(Object v) {
            return set("rvConfig", v);
        }

        /** Plugin versions recorded by Raster Vision (kept, not used). */
        public B pluginVersions(Map<String, Integer> v) {
            return set("pluginVersions", v);
        }

        /** Train, validation and test scenes. */
        public B dataset(DatasetConfig v) {
            return set("dataset", v);
        }

        /** The learner backend. */
        public B backend(BackendConfig v) {
            return set("backend", v);
        }

        /** Evaluators of the EVAL command; the task default when empty. */
        public B evaluators(List<EvaluatorConfig> v) {
            return set("evaluators", v);
        }

        /** Evaluators of the EVAL command; the task default when empty. */
        public B evaluators(EvaluatorConfig... v) {
            return set("evaluators", List.of(v));
        }

        /** Analyzers of the ANALYZE command; a StatsAnalyzer is added when a scene has a StatsTransformer. */
        public B analyzers(List<AnalyzerConfig> v) {
            return set("analyzers", v);
        }

        /** Analyzers of the ANALYZE command; a StatsAnalyzer is added when a scene has a StatsTransformer. */
        public B analyzers(AnalyzerConfig... v) {
            return set("analyzers", List.of(v));
        }

        /** Size of training chips in pixels. */
        public B trainChipSz(Integer v) {
            return set("trainChipSz", v);
        }

        /** Size of prediction chips in pixels. */
        public B predictChipSz(Integer v) {
            return set("predictChipSz", v);
        }

        /** Batch size during prediction. */
        public B predictBatchSz(Integer v) {
            return set("predictBatchSz", v);
        }

        /** Output of ANALYZE; default <root_uri>/analyze. */
        public B analyzeUri(String v) {
            return set("analyzeUri", v);
        }

        /** Output of CHIP; default <root_uri>/chip. */
        public B chipUri(String v) {
            return set("chipUri", v);
        }

        /** Output of TRAIN; default <root_uri>/train. */
        public B trainUri(String v) {
            return set("trainUri", v);
        }

        /** Output of PREDICT; default <root_uri>/predict. */
        public B predictUri(String v) {
            return set("predictUri", v);
        }

        /** Output of EVAL; default <root_uri>/eval. */
        public B evalUri(String v) {
            return set("evalUri", v);
        }

        /** Output of BUNDLE; default <root_uri>/bundle. */
        public B bundleUri(String v) {
            return set("bundleUri", v);
        }
}
