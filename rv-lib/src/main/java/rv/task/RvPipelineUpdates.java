package rv.task;

import rv.analyze.AnalyzerConfig;
import rv.analyze.StatsAnalyzerConfig;
import rv.data.SceneConfig;
import rv.data.raster.RasterTransformerConfig;
import rv.data.raster.StatsTransformerConfig;
import rv.eval.EvaluatorConfig;
import rv.pipeline.ConfigException;
import rv.pipeline.Uris;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The parts of {@code update()} the three RV pipeline configs share. */
public final class RvPipelineUpdates {
    private RvPipelineUpdates() {}

    public static String requireRoot(String rootUri) {
        if (rootUri == null || rootUri.isBlank()) {
            throw new ConfigException("root_uri", "required to fill the output URIs; set it in the config or pass -a root_uri DIR to getConfig");
        }
        return rootUri;
    }

    /** {@code uri} when set, else {@code root/name}. */
    public static String under(String uri, String root, String name) {
        return uri != null ? uri : Uris.join(root, name);
    }

    /** Updated evaluators; the task default when the list is empty. */
    public static List<EvaluatorConfig> evaluators(RvPipelineConfig c, Supplier<EvaluatorConfig> defaultEvaluator) {
        List<EvaluatorConfig> in = c.evaluators() == null || c.evaluators().isEmpty() ? List.of(defaultEvaluator.get()) : c.evaluators();
        List<EvaluatorConfig> out = new ArrayList<>();
        for (EvaluatorConfig e : in) out.add(e == null ? null : e.update(c));
        return out;
    }

    /** Updated analyzers; a StatsAnalyzer is added when a scene has a StatsTransformer and none is configured. */
    public static List<AnalyzerConfig> analyzers(RvPipelineConfig c) {
        List<AnalyzerConfig> in = new ArrayList<>(c.analyzers() == null ? List.of() : c.analyzers());
        boolean hasStatsTransformer = false;
        for (SceneConfig s : c.dataset().allScenes()) {
            if (s == null || s.rasterSource() == null) continue;
            for (RasterTransformerConfig t : s.rasterSource().transformers()) {
                if (t instanceof StatsTransformerConfig) hasStatsTransformer = true;
            }
        }
        boolean hasStatsAnalyzer = in.stream().anyMatch(a -> a instanceof StatsAnalyzerConfig);
        if (hasStatsTransformer && !hasStatsAnalyzer) in.add(StatsAnalyzerConfig.builder().draft());
        List<AnalyzerConfig> out = new ArrayList<>();
        for (AnalyzerConfig a : in) out.add(a == null ? null : a.update(c));
        return out;
    }
}
