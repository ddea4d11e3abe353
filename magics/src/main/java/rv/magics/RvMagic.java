package rv.magics;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.ClassConfig;
import rv.core.RvException;
import rv.notebook.Rv;
import rv.viz.MimeBundle;
import rv.viz.SceneView;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code %rv SUBCOMMAND …} and {@code %%rv config NAME}: the rv CLI's commands with the same names
 * and options, returning values the notebook renders (progress displays, tables, images, maps).
 */
public final class RvMagic {
    private RvMagic() {}

    static void register(MagicRegistry registry) {
        registry.line("rv", RvMagic::line);
        registry.cell("rv", RvMagic::cell);
    }

    @Command(name = "%rv", description = "rv in notebooks: the CLI's commands, with rich output.",
            subcommands = {RunCmd.class, ShowCmd.class, ChipsCmd.class, MetricsCmd.class, HistoryCmd.class,
                    PredictCmd.class, DemoDataCmd.class, HelpCmd.class})
    static final class Root {}

    /** Runs {@code %rv args…}; returns what to display. */
    public static Object line(List<String> args) throws Exception {
        if (args.isEmpty()) return usage(null);
        if (args.get(0).equals("config")) throw new RvException("config is a cell magic: start the cell with %%rv config NAME");
        CommandLine cl = commandLine();
        CommandLine.ParseResult pr;
        try {
            pr = cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new RvException(e.getMessage() + "; try %rv help " + (args.isEmpty() ? "" : args.get(0)));
        }
        CommandLine.ParseResult sub = pr.subcommand();
        if (sub == null) return usage(null);
        if (sub.isUsageHelpRequested()) return usage(sub.commandSpec().name());
        Object cmd = sub.commandSpec().userObject();
        @SuppressWarnings("unchecked")
        Callable<Object> c = (Callable<Object>) cmd;
        return c.call();
    }

    /** {@code %%rv config NAME [-a KEY VALUE]…}: the body is a JShell script producing a PipelineConfig. */
    public static Object cell(List<String> args, String body) {
        if (args.isEmpty() || !args.get(0).equals("config")) {
            throw new RvException("%%rv supports one cell magic: %%rv config NAME [-a KEY VALUE]… (body: Java producing a PipelineConfig)");
        }
        if (args.size() < 2) throw new RvException("%%rv config needs a NAME to store the config under");
        String name = args.get(1);
        Map<String, String> a = pairs(args.subList(2, args.size()));
        return Rv.defineConfig(name, body, "inprocess", a);
    }

    private static Map<String, String> pairs(List<String> rest) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < rest.size(); i += 3) {
            String o = rest.get(i);
            if (!o.equals("-a") && !o.equals("--arg")) throw new RvException("%%rv config: unexpected '" + o + "'; expected -a KEY VALUE");
            if (i + 2 >= rest.size()) throw new RvException(o + " needs KEY VALUE");
            m.put(rest.get(i + 1), rest.get(i + 2));
        }
        return m;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Root());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    static MimeBundle usage(String sub) {
        CommandLine cl = commandLine();
        CommandLine target = sub == null ? cl : cl.getSubcommands().get(sub);
        if (target == null) throw new RvException("no %rv " + sub + "; %rv help lists the commands");
        StringWriter sw = new StringWriter();
        target.usage(new PrintWriter(sw), CommandLine.Help.Ansi.OFF);
        String text = sw.toString().replace("Usage: %rv", "Usage: %rv").strip();
        if (sub == null) text += "\n\nCell magic:\n  %%rv config NAME [-a KEY VALUE]…   the cell body (Java, like a .jsh config) builds a PipelineConfig stored as NAME";
        return MimeBundle.text(text).withHtml("<pre>" + rv.viz.Html.escape(text) + "</pre>");
    }

    // ---- subcommands ----------------------------------------------------------------------------------

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run COMMANDS of the pipeline in CFG (a .json/.jsh/.java file or a %%rv config NAME) with RUNNER,",
                    "showing one live progress display per command, then the evaluation table."})
    static final class RunCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "RUNNER", description = "inprocess (this JVM) or local (child processes).") String runner;
        @Parameters(index = "1", paramLabel = "CFG", description = "Config file or stored config name.") String cfg;
        @Parameters(index = "2..*", paramLabel = "COMMANDS", description = "Commands to run (default: all).") List<String> commands = new ArrayList<>();
        @Option(names = {"-a", "--arg"}, arity = "2", paramLabel = "KEY VALUE", hideParamSyntax = true,
                description = "Argument passed to getConfig(runner, args); repeatable.") List<String> pairs = new ArrayList<>();
        @Option(names = {"-s", "--splits"}, paramLabel = "N", defaultValue = "1", description = "Parallel parts for split commands.") int splits;
        @Option(names = "--rerun", description = "Run commands even when their outputs exist.") boolean rerun;

        @Override public Object call() {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i + 1 < pairs.size(); i += 2) a.put(pairs.get(i), pairs.get(i + 1));
            return Rv.run(runner, Rv.config(cfg, runner, a), commands, splits, rerun);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show an image (with label layers and AOI), or on a map with --map.",
                    "Also: GeoJSON files alone on a map, a chip .zip (grid), an eval.json (table), a train folder (curves)."})
    static final class ShowCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "URI", description = "GeoTIFF (or chip zip, eval.json, train folder).") String uri;
        @Option(names = "--map", description = "Show on an inline Leaflet map.") boolean map;
        @Option(names = {"-l", "--labels"}, paramLabel = "GEOJSON", description = "Label layer(s) to draw; repeatable.") List<String> labels = new ArrayList<>();
        @Option(names = "--aoi", paramLabel = "GEOJSON", description = "AOI polygon(s) to outline.") String aoi;
        @Option(names = "--channels", split = ",", paramLabel = "B", description = "Bands to show, 0-based: three (RGB) or one (grey); e.g. 2,1,0.") int[] channels;
        @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "Class names by id (label colours and popups).") List<String> classes;
        @Option(names = "--max-size", defaultValue = "640", description = "Longest side of the thumbnail in pixels (default: ${DEFAULT-VALUE}).") int maxSize;

        @Override public Object call() {
            Path p = Path.of(uri);
            String lower = uri.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip")) return Rv.chips(uri, 16);
            if (lower.endsWith(".geojson") || (lower.endsWith(".json") && isFeatureCollection(p))) {
                List<Path> files = new ArrayList<>(List.of(p));
                labels.forEach(l -> files.add(Path.of(l)));
                return rv.viz.LeafletMap.ofGeoJson(files);
            }
            if (lower.endsWith(".json")) return Rv.metrics(uri);
            if (Files.isDirectory(p)) return Rv.history(uri);
            SceneView s = SceneView.of(uri).maxSize(maxSize);
            if (classes != null) s = s.classes(ClassConfig.builder().names(classes).draft().update());
            if (channels != null) s = s.channels(channels);
            for (String l : labels) s = s.labels(l);
            if (aoi != null) s = s.aoi(aoi);
            return map ? s.map() : s;
        }
    }

    private static boolean isFeatureCollection(Path p) {
        try (var r = Files.newBufferedReader(p)) {
            char[] head = new char[4096];
            int n = r.read(head);
            return n > 0 && new String(head, 0, n).replaceAll("\\s", "").contains("\"type\":\"FeatureCollection\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Command(name = "chips", mixinStandardHelpOptions = true, description = "Show the first chips of a chip archive (train-0.zip …) with their labels.")
    static final class ChipsCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "URI", description = "Chip archive (.zip) written by CHIP.") String uri;
        @Option(names = {"-n", "--n"}, defaultValue = "16", description = "How many chips (default: ${DEFAULT-VALUE}).") int n;

        @Override public Object call() { return Rv.chips(uri, n); }
    }

    @Command(name = "metrics", mixinStandardHelpOptions = true, description = "Show an eval.json as a table (and confusion matrix when present).")
    static final class MetricsCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "EVAL_JSON", description = "eval.json, or the pipeline root.") String uri;

        @Override public Object call() { return Rv.metrics(uri); }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Show training curves (loss, validation metrics, learning rate).")
    static final class HistoryCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "TRAIN_DIR", description = "Train folder (history.json or log.csv), or the pipeline root.") String uri;

        @Override public Object call() { return Rv.history(uri); }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict IMAGE with a model bundle into OUT (the CLI's rv predict), then show it.")
    static final class PredictCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "BUNDLE") String bundle;
        @Parameters(index = "1", paramLabel = "IMAGE") String image;
        @Parameters(index = "2", paramLabel = "OUT") String out;
        @Option(names = "--map", description = "Show the prediction on an inline map.") boolean map;

        @Override public Object call() {
            if (!Rv.hasCommand("predict")) {
                throw new RvException("rv predict is not part of this build (the predict command comes with the learner); %rv predict needs it");
            }
            Rv.cli("predict", bundle, image, out);
            SceneView s = SceneView.of(image);
            String lower = out.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".geojson") || lower.endsWith(".json")) s = s.labels("prediction", out);
            else if (Files.isRegularFile(Path.of(out))) s = s.labelRaster("prediction", out);
            return map ? s.map() : s;
        }
    }

    @Command(name = "demo-data", mixinStandardHelpOptions = true, description = "Write the synthetic demo scenes (rv demo-data), then show the first one with its labels.")
    static final class DemoDataCmd implements Callable<Object> {
        @Parameters(index = "0", paramLabel = "DIR") String dir;
        @Option(names = "--size", defaultValue = "1200", description = "Scene width and height in pixels (default: ${DEFAULT-VALUE}).") int size;
        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).") long seed;
        @Option(names = "--scenes", defaultValue = "2", description = "Number of scenes (default: ${DEFAULT-VALUE}).") int scenes;

        @Override public Object call() {
            Rv.cli("demo-data", dir, "--size", String.valueOf(size), "--seed", String.valueOf(seed), "--scenes", String.valueOf(scenes));
            Path d = Path.of(dir);
            return SceneView.of(d.resolve("scene_0.tif").toString())
                    .classes(ClassConfig.builder().names("background", "building", "car").colors(List.of("black", "orange", "cyan")).draft())
                    .labels("buildings", d.resolve("scene_0_buildings.geojson").toString())
                    .labels("cars", d.resolve("scene_0_cars.geojson").toString())
                    .aoi(d.resolve("scene_0_aoi.geojson").toString());
        }
    }

    @Command(name = "help", description = "List the %rv commands, or show one's options.")
    static final class HelpCmd implements Callable<Object> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND") String command;

        @Override public Object call() { return usage(command); }
    }
}
