package rv.task.commands;

import rv.analyze.AnalyzerConfig;
import rv.analyze.RasterStats;
import rv.analyze.StatsAnalyzer;
import rv.analyze.StatsAnalyzerConfig;
import rv.analyze.StatsAnalyzerOptions;
import rv.core.RvException;
import rv.data.SceneConfig;
import rv.data.raster.RasterSource;
import rv.task.RvPipelineConfig;
import rv.task.TaskFiles;
import rv.task.scene.SceneLoader;

import java.util.ArrayList;
import java.util.List;

/** ANALYZE: runs each analyzer (the StatsAnalyzer) over the training and validation imagery, before transformers. */
public final class AnalyzeCommand {
    private final RvPipelineConfig config;

    public AnalyzeCommand(RvPipelineConfig config) { this.config = config; }

    /** Statistics need every scene at once, so split 0 does the work and other splits have none. */
    public void run(int splitInd) {
        if (splitInd != 0) return;
        for (AnalyzerConfig a : config.analyzers()) {
            if (!(a instanceof StatsAnalyzerConfig s)) throw new RvException("analyzer " + a.getClass().getSimpleName() + " is not supported");
            if (s.outputUri() == null) throw new RvException("stats_analyzer has no output_uri; run update()");
            List<SceneConfig> scenes = new ArrayList<>(config.dataset().trainScenes());
            scenes.addAll(config.dataset().validationScenes());
            SceneLoader loader = new SceneLoader(config.dataset().classConfig());
            List<RasterSource> sources = new ArrayList<>();
            try {
                for (SceneConfig sc : scenes) sources.add(loader.openImagery(sc.rasterSource(), "scene '" + sc.id() + "'"));
                StatsAnalyzerOptions o = s.sampleProb() == null ? StatsAnalyzerOptions.sliding() : StatsAnalyzerOptions.sampled(s.sampleProb(), 0);
                RasterStats stats = StatsAnalyzer.compute(sources, o);
                stats.save(TaskFiles.localPath(s.outputUri()));
            } finally {
                sources.forEach(RasterSource::close);
            }
        }
    }
}
