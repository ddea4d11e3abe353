package rv.task.classification;

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
 * The chip classification pipeline.
 * <p>JSON {@code type_hint}: {@code "chip_classification"}.
 */
@ConfigType("chip_classification")
public record ChipClassificationConfig(
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
        String bundleUri) implements RvPipelineConfig {

    public ChipClassificationConfig {
        rvConfig = Copies.json(rvConfig);
        pluginVersions = Copies.map(pluginVersions);
        evaluators = Copies.list(evaluators);
        analyzers = Copies.list(analyzers);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ChipClassificationConfig(null, null, null, null, null, List.of(), List.of(), 300, 300, 8, null, null, null, null, null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public ChipClassificationConfig update() {
        String root = RvPipelineUpdates.requireRoot(rootUri);
        ChipClassificationConfig c = toBuilder()
                .analyzeUri(RvPipelineUpdates.under(analyzeUri, root, "analyze"))
                .chipUri(RvPipelineUpdates.under(chipUri, root, "chip"))
                .trainUri(RvPipelineUpdates.under(trainUri, root, "train"))
                .predictUri(RvPipelineUpdates.under(predictUri, root, "predict"))
                .evalUri(RvPipelineUpdates.under(evalUri, root, "eval"))
                .bundleUri(RvPipelineUpdates.under(bundleUri, root, "bundle"))
                .draft();
        if (c.dataset == null || c.backend == null) return Validation.check(c);
        DatasetConfig ds = c.dataset.update(c, s -> rv.data.label.ChipClassificationGeoJSONStoreConfig.builder().draft());
        c = c.toBuilder().dataset(ds).draft();
        c = c.toBuilder()
                .evaluators(RvPipelineUpdates.evaluators(c, () -> rv.eval.ChipClassificationEvaluatorConfig.builder().draft()))
                .analyzers(RvPipelineUpdates.analyzers(c))
                .backend(c.backend.update(c))
                .draft();
        return Validation.check(c);
    }

    @Override
    public Pipeline build(PipelineContext context) {
        return new RvPipeline(this, context);
    }

    /** Fluent, immutable builder of {@link ChipClassificationConfig}. */
    public static final class Builder extends RvPipelineConfigBuilder<ChipClassificationConfig, Builder> {
        private Builder(ChipClassificationConfig draft) {
            super(draft, Builder::new);
        }

    }
}
