package rv.task.segmentation;

import java.util.List;
import java.util.Map;
import rv.analyze.AnalyzerConfig;
import rv.data.DatasetConfig;
import rv.eval.EvaluatorConfig;
import rv.learn.BackendConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineContext;
import rv.pipeline.Required;
import rv.pipeline.Validation;
import rv.task.RvPipeline;
import rv.task.RvPipelineConfigBuilder;
import rv.task.RvPipelineConfig;
import rv.task.RvPipelineUpdates;

/**
 * The semantic segmentation pipeline.
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation"}.
 */
@ConfigType("semantic_segmentation")
public record SemanticSegmentationConfig(
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
        @Required SemanticSegmentationChipOptions chipOptions) implements RvPipelineConfig {

    public SemanticSegmentationConfig {
        rvConfig = Copies.json(rvConfig);
        pluginVersions = Copies.map(pluginVersions);
        evaluators = Copies.list(evaluators);
        analyzers = Copies.list(analyzers);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationConfig(null, null, null, null, null, List.of(), List.of(), 300, 300, 8, null, null, null, null, null, null, SemanticSegmentationChipOptions.builder().draft()));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public SemanticSegmentationConfig update() {
        String root = RvPipelineUpdates.requireRoot(rootUri);
        SemanticSegmentationConfig c = toBuilder()
                .analyzeUri(RvPipelineUpdates.under(analyzeUri, root, "analyze"))
                .chipUri(RvPipelineUpdates.under(chipUri, root, "chip"))
                .trainUri(RvPipelineUpdates.under(trainUri, root, "train"))
                .predictUri(RvPipelineUpdates.under(predictUri, root, "predict"))
                .evalUri(RvPipelineUpdates.under(evalUri, root, "eval"))
                .bundleUri(RvPipelineUpdates.under(bundleUri, root, "bundle"))
                .draft();
        if (c.dataset == null || c.backend == null) return Validation.check(c);
        DatasetConfig ds = c.dataset.update(c, s -> rv.data.label.SemanticSegmentationLabelStoreConfig.builder().draft());
        if (ds.classConfig() != null) ds = ds.toBuilder().classConfig(ds.classConfig().ensureNullClass()).draft();
        c = c.toBuilder().dataset(ds).draft();
        c = c.toBuilder()
                .evaluators(RvPipelineUpdates.evaluators(c, () -> rv.eval.SemanticSegmentationEvaluatorConfig.builder().draft()))
                .analyzers(RvPipelineUpdates.analyzers(c))
                .backend(c.backend.update(c))
                .draft();
        return Validation.check(c);
    }

    @Override
    public Pipeline build(PipelineContext context) {
        return new RvPipeline(this, context);
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationConfig}. */
    public static final class Builder extends RvPipelineConfigBuilder<SemanticSegmentationConfig, Builder> {
        private Builder(SemanticSegmentationConfig draft) {
            super(draft, Builder::new);
        }

        /** How training chips are cut. */
        public Builder chipOptions(SemanticSegmentationChipOptions v) {
            return set("chipOptions", v);
        }

    }
}
