package rv.pipeline;

import java.util.Map;

/**
 * The configuration of a whole pipeline: the root of a {@code pipeline-config.json}. Implementations
 * are records with at least {@code root_uri}, {@code rv_config} and {@code plugin_versions} (the
 * fields every Raster Vision 0.12 pipeline config has).
 */
public interface PipelineConfig extends Config {

    /** Where the pipeline's outputs go; needed to run. */
    String rootUri();

    /** Serialised RV settings for remote runs (kept for compatibility; rv does not use it). */
    Object rvConfig();

    /** Plugin versions recorded by Raster Vision (kept for compatibility). */
    Map<String, Integer> pluginVersions();

    /**
     * Fills implied values (output URIs under {@code root_uri}, per-scene stores, defaults) and returns
     * the completed config. Calling it again changes nothing.
     */
    default PipelineConfig update() { return this; }

    /** The pipeline (its ordered commands) this config describes. */
    Pipeline build(PipelineContext context);
}
