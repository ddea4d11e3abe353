package rv.notebook;

import rv.cli.Main;
import rv.core.RvException;
import rv.core.progress.Progress;
import rv.magics.MagicRegistry;
import rv.magics.ProgressDisplay;
import rv.pipeline.ConfigRegistry;
import rv.pipeline.ConfigSources;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.PipelineEngine;
import rv.pipeline.RunRequest;
import rv.pipeline.Runner;
import rv.pipeline.RvSettings;
import rv.pipeline.Validation;
import rv.viz.ChipGrid;
import rv.viz.DisplayHandle;
import rv.viz.Displays;
import rv.viz.EvalMetrics;
import rv.viz.LeafletMap;
import rv.viz.MimeBundle;
import rv.viz.RendererRegistry;
import rv.viz.SceneView;
import rv.viz.TrainingHistory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * rv from Java code in notebooks and JShell: each {@code %rv} magic as a call.
 *
 * <pre>{@code
 * import static rv.notebook.Rv.*;
 * RunResult r = Rv.run(config, "train");       // live progress, then the eval table
 * Rv.show(Rv.scene("scene_0.tif").labels("scene_0_buildings.geojson"));
 * }</pre>
 */
public final class Rv {
    private static final Map<String, PipelineConfig> CONFIGS = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private Rv() {}

    // ---- pipelines ---------------------------------------------------------------------------------

    /** Runs {@code commands} (none: all) of {@code config} in this JVM; see {@link #run(String, PipelineConfig, List, int, boolean)}. */
    public static RunResult run(PipelineConfig config, String... commands) {
        return run("inprocess", config, Arrays.asList(commands), 1, false);
    }

    /**
     * Runs a pipeline like {@code rv run RUNNER CFG COMMANDS…}: commands whose outputs exist are skipped
     * (unless {@code rerun}); each command that runs gets one progress display, updated in place.
     */
    public static RunResult run(String runnerName, PipelineConfig config, List<String> commands, int splits, boolean rerun) {
        if (splits < 1) throw new RvException("-s/--splits must be at least 1, got " + splits);
        long t0 = System.nanoTime();
        RvSettings settings = RvSettings.load(null, null);
        Runner runner = ConfigRegistry.get().runner(runnerName);
        PipelineConfig updated = Validation.check(config.update());
        Path configFile = PipelineEngine.configPath(updated);
        Path tmp = settings.tmpRoot().resolve("rv-" + ProcessHandle.current().pid() + "-nb" + RUNS.incrementAndGet());
        PipelineContext ctx = new PipelineContext(tmp, System.out, settings, Progress.silent());
        Pipeline pipeline = updated.build(ctx);
        List<PipelineEngine.Step> plan = PipelineEngine.plan(pipeline, commands, rerun);
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            Files.createDirectories(tmp);
            PipelineEngine.writeConfig(updated);
            for (PipelineEngine.Step step : plan) {
                if (!step.run()) {
                    if (!step.reason().equals("not requested")) skipped.add(step.command().name());
                    continue;
                }
                try (ProgressDisplay display = ProgressDisplay.start(step.command().name())) {
                    runner.run(new RunRequest(updated, configFile, pipeline, List.of(step), splits, ctx));
                    display.finish(true);
                }
                ran.add(step.command().name());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RvException("rv run failed: " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
        Path eval = PipelineEngine.localPath(updated.rootUri()).resolve("eval").resolve("eval.json");
        EvalMetrics metrics = Files.isRegularFile(eval) ? EvalMetrics.load(eval) : null;
        return new RunResult(updated.rootUri(), ran, skipped, (System.nanoTime() - t0) / 1e9, metrics);
    }

    /** Loads a config file (.json, .jsh, .java) or returns the config stored under {@code nameOrFile} by {@code %%rv config}. */
    public static PipelineConfig config(String nameOrFile, String runner, Map<String, String> args) {
        PipelineConfig stored = CONFIGS.get(nameOrFile);
        if (stored != null) {
            if (!args.isEmpty()) throw new RvException("-a arguments apply to config files; '" + nameOrFile + "' is a stored config (%%rv config)");
            return stored;
        }
        Path f = Path.of(nameOrFile);
        if (!Files.exists(f)) {
            throw new RvException("config '" + nameOrFile + "' is neither a file nor a stored config" +
                    (CONFIGS.isEmpty() ? "" : " (stored: " + String.join(", ", CONFIGS.keySet()) + ")"));
        }
        return ConfigSources.load(f, runner, args);
    }

    /** The config stored under {@code name}. */
    public static PipelineConfig config(String name) {
        return config(name, "inprocess", Map.of());
    }

    /** Stores {@code config} under {@code name} for {@code %rv run RUNNER name}. */
    public static PipelineConfig storeConfig(String name, PipelineConfig config) {
        CONFIGS.put(name, config);
        return config;
    }

    /**
     * Evaluates {@code script} like a {@code .jsh} config file (the value of its {@code getConfig(runner, args)}
     * or of its last expression) and stores the config under {@code name}.
     */
    public static PipelineConfig defineConfig(String name, String script, String runner, Map<String, String> args) {
        try {
            Path dir = Files.createTempDirectory("rv-config-");
            Path f = dir.resolve(name.replaceAll("[^\\w.-]", "_") + ".jsh");
            try {
                Files.writeString(f, script, StandardCharsets.UTF_8);
                return storeConfig(name, ConfigSources.load(f, runner, args));
            } finally {
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new RvException("cannot write a temporary config script: " + e.getMessage(), e);
        }
    }

    // ---- looking at things ---------------------------------------------------------------------------

    /** Displays {@code value} with rv's renderers (text in JShell) and returns its handle. */
    public static DisplayHandle show(Object value) {
        return Displays.show(value);
    }

    /** Renders {@code value} without displaying it. */
    public static MimeBundle render(Object value) {
        return RendererRegistry.standard().render(value);
    }

    /** Renders {@code value} and saves it as PNG, HTML or text (by the file's extension). */
    public static Path save(Object value, String file) {
        return render(value).save(Path.of(file));
    }

    public static SceneView scene(String imageUri) {
        return SceneView.of(imageUri);
    }

    public static LeafletMap map(String imageUri, String... geojsonUris) {
        SceneView s = SceneView.of(imageUri);
        for (String g : geojsonUris) s = s.labels(g);
        return s.map();
    }

    public static ChipGrid chips(String zip, int n) {
        return ChipGrid.load(Path.of(zip), n);
    }

    /** An {@code eval.json}, or a pipeline root holding {@code eval/eval.json}. */
    public static EvalMetrics metrics(String evalJsonOrRoot) {
        Path p = Path.of(evalJsonOrRoot);
        if (Files.isDirectory(p)) p = Files.isRegularFile(p.resolve("eval.json")) ? p.resolve("eval.json") : p.resolve("eval").resolve("eval.json");
        return EvalMetrics.load(p);
    }

    /** Training history from a train folder (or pipeline root) or its history file. */
    public static TrainingHistory history(String trainDirOrFile) {
        Path p = Path.of(trainDirOrFile);
        if (Files.isDirectory(p) && !Files.exists(p.resolve("history.json")) && !Files.exists(p.resolve("log.csv"))
                && Files.isDirectory(p.resolve("train"))) p = p.resolve("train");
        return TrainingHistory.load(p);
    }

    /** A {@code stats.json} (from ANALYZE or {@code rv stats}) with its histograms, for display. */
    public static rv.analyze.RasterStats stats(String statsJson) {
        return rv.viz.Charts.loadStats(Path.of(statsJson));
    }

    /**
     * Runs an {@code rv} CLI command in this JVM (its output goes to standard output/error) and fails
     * with its message when it exits non-zero; e.g. {@code Rv.cli("demo-data", "data")}.
     */
    public static void cli(String... args) {
        int code = Main.execute(args);
        System.out.flush();
        System.err.flush();
        if (code != 0) throw new RvException("rv " + String.join(" ", args) + " failed (exit " + code + "); see the message above");
    }

    /** Whether this build's CLI has the subcommand {@code name}. */
    public static boolean hasCommand(String name) {
        return Main.commandLine().getSubcommands().containsKey(name);
    }

    /** Runs a {@code %rv …} line from code. */
    public static Object magic(String line) throws Exception {
        return MagicRegistry.standard().evalLine("rv", line);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
