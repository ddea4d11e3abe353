package rv.task;

import rv.analyze.AnalyzerConfig;
import rv.data.DatasetConfig;
import rv.data.UpdateContext;
import rv.eval.EvaluatorConfig;
import rv.learn.BackendConfig;
import rv.pipeline.PipelineConfig;

import java.util.List;

/**
 * The fields every Raster Vision pipeline (chip classification, semantic segmentation, object
 * detection) shares: the dataset, the backend, evaluators and analyzers, chip sizes and the output
 * URI of each command.
 */
public interface RvPipelineConfig extends PipelineConfig, UpdateContext {
    DatasetConfig dataset();
    BackendConfig backend();
    List<EvaluatorConfig> evaluators();
    List<AnalyzerConfig> analyzers();
    Integer trainChipSz();
    Integer predictChipSz();
    Integer predictBatchSz();
    String analyzeUri();
    String chipUri();
    String trainUri();
    String predictUri();
    String evalUri();
    String bundleUri();

    @Override
    RvPipelineConfig update();
}
