package rv.task.detection;

import java.util.List;
import java.util.Map;
import rv.analyze.AnalyzerConfig;
import rv.data.DatasetConfig;
import rv.eval.EvaluatorConfig;
import rv.learn.BackendConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineContext;
import rv.pipeline.Required;
import rv.pipeline.Validation;
import rv.task.RvPipeline;
import rv.task.RvPipelineConfig;
import rv.task.RvPipelineUpdates;

/**
 * The object detection pipeline.
 * <p>JSON {@code type_hint}: {@code "object_detection"}.
 */
@ConfigType("object_detection")
public record ObjectDetectionConfig(
        String rootUri,
        Object rvConfig,
        Map<String, Integer> pluginVersions,
        @Required DatasetConfig dataset,
        @Required BackendConfig backend,
        @Required List<EvaluatorConfig> evaluators,
        @Required List<AnalyzerConfig> analyzers,
        @Required Integer trainChipSz,
        @Required Integer predictChipSz,
        @Required Integer predictBatchSz,
        String analyzeUri,
        String chipUri,
        String trainUri,
        String predictUri,
        String evalUri,
        String bundleUri,
        @Required ObjectDetectionChipOptions chipOptions,
        @Required ObjectDetectionPredictOptions predictOptions) implements RvPipelineConfig {

    public ObjectDetectionConfig {
        rvConfig = Copies.json(rvConfig);
        pluginVersions = Copies.map(pluginVersions);
        evaluators = Copies.list(evaluators);
        analyzers = Copies.list(analyzers);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ObjectDetectionConfig(null, null, null, null, null, List.of(), List.of(), 300, 300, 8, null, null, null, null, null, null, ObjectDetectionChipOptions.builder().draft(), ObjectDetectionPredictOptions.builder().draft()));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public ObjectDetectionConfig update() {
        String root = RvPipelineUpdates.requireRoot(rootUri);
        ObjectDetectionConfig c = toBuilder()
                .analyzeUri(RvPipelineUpdates.under(analyzeUri, root, "analyze"))
                .chipUri(RvPipelineUpdates.under(chipUri, root, "chip"))
                .trainUri(RvPipelineUpdates.under(trainUri, root, "train"))
                .predictUri(RvPipelineUpdates.under(predictUri, root, "predict"))
                .evalUri(RvPipelineUpdates.under(evalUri, root, "eval"))
                .bundleUri(RvPipelineUpdates.under(bundleUri, root, "bundle"))
                .draft();
        if (c.dataset == null || c.backend == null) return Validation.check(c);
        DatasetConfig ds = c.dataset.update(c, s -> rv.data.label.ObjectDetectionGeoJSONStoreConfig.builder().draft());
        c = c.toBuilder().dataset(ds).draft();
        c = c.toBuilder()
                .evaluators(RvPipelineUpdates.evaluators(c, () -> rv.eval.ObjectDetectionEvaluatorConfig.builder().draft()))
                .analyzers(RvPipelineUpdates.analyzers(c))
                .backend(c.backend.update(c))
                .draft();
        return Validation.check(c);
    }

    @Override
    public Pipeline build(PipelineContext context) {
        return new RvPipeline(this, context);
    }

    /** Fluent, immutable builder of {@link ObjectDetectionConfig}. */
    public static final class Builder extends ConfigBuilder<ObjectDetectionConfig, Builder> {
        private Builder(ObjectDetectionConfig draft) {
            super(draft, Builder::new);
        }

        /** Root URI of every output of the pipeline. */
        public Builder rootUri(String v) {
            return set("rootUri", v);
        }

        /** Serialised RV settings for remote runs (kept, not used). */
        public Builder rvConfig(Object v) {
            return set("rvConfig", v);
        }

        /** Plugin versions recorded by Raster Vision (kept, not used). */
        public Builder pluginVersions(Map<String, Integer> v) {
            return set("pluginVersions", v);
        }

        /** Train, validation and test scenes. */
        public Builder dataset(DatasetConfig v) {
            return set("dataset", v);
        }

        /** The learner backend. */
        public Builder backend(BackendConfig v) {
            return set("backend", v);
        }

        /** Evaluators of the EVAL command; the task default when empty. */
        public Builder evaluators(List<EvaluatorConfig> v) {
            return set("evaluators", v);
        }

        /** Evaluators of the EVAL command; the task default when empty. */
        public Builder evaluators(EvaluatorConfig... v) {
            return set("evaluators", List.of(v));
        }

        /** Analyzers of the ANALYZE command; a StatsAnalyzer is added when a scene has a StatsTransformer. */
        public Builder analyzers(List<AnalyzerConfig> v) {
            return set("analyzers", v);
        }

        /** Analyzers of the ANALYZE command; a StatsAnalyzer is added when a scene has a StatsTransformer. */
        public Builder analyzers(AnalyzerConfig... v) {
            return set("analyzers", List.of(v));
        }

        /** Size of training chips in pixels. */
        public Builder trainChipSz(Integer v) {
            return set("trainChipSz", v);
        }

        /** Size of prediction chips in pixels. */
        public Builder predictChipSz(Integer v) {
            return set("predictChipSz", v);
        }

        /** Batch size during prediction. */
        public Builder predictBatchSz(Integer v) {
            return set("predictBatchSz", v);
        }

        /** Output of ANALYZE; default <root_uri>/analyze. */
        public Builder analyzeUri(String v) {
            return set("analyzeUri", v);
        }

        /** Output of CHIP; default <root_uri>/chip. */
        public Builder chipUri(String v) {
            return set("chipUri", v);
        }

        /** Output of TRAIN; default <root_uri>/train. */
        public Builder trainUri(String v) {
            return set("trainUri", v);
        }

        /** Output of PREDICT; default <root_uri>/predict. */
        public Builder predictUri(String v) {
            return set("predictUri", v);
        }

        /** Output of EVAL; default <root_uri>/eval. */
        public Builder evalUri(String v) {
            return set("evalUri", v);
        }

        /** Output of BUNDLE; default <root_uri>/bundle. */
        public Builder bundleUri(String v) {
            return set("bundleUri", v);
        }

        /** How training chips are cut. */
        public Builder chipOptions(ObjectDetectionChipOptions v) {
            return set("chipOptions", v);
        }

        /** How predictions are post-processed. */
        public Builder predictOptions(ObjectDetectionPredictOptions v) {
            return set("predictOptions", v);
        }

    }
}
