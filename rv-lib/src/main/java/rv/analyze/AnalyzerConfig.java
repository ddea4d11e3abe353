package rv.analyze;

import rv.data.UpdateContext;
import rv.pipeline.Config;

import java.util.List;

/** Config of an analyzer run by the ANALYZE command (e.g. {@code stats_analyzer}). */
public interface AnalyzerConfig extends Config {
    default AnalyzerConfig update(UpdateContext pipeline) { return this; }

    /** Files this analyzer writes (the ANALYZE command's outputs). */
    List<String> outputUris();
}
