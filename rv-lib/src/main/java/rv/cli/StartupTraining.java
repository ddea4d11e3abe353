package rv.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a user command: the workload {@code bin/rv} runs once per build under
 * {@code -XX:ArchiveClassesAtExit} to record its AppCDS archive. It runs the common short commands
 * (help, demo-data, info, rasterize, stats, example-config, ls) on a small generated scene (256², two
 * buildings, seven cars) in
 * {@code DIR}, so that their classes (picocli's model, GeoTIFF reader and writer, GeoJSON, proj4j,
 * JTS, the rasterizer) are archived pre-parsed and pre-verified; later runs map them instead of
 * loading them from the jars. It also builds the model of every command once, so that the options
 * classes of the long commands are archived too. Output is discarded; a failing step only makes the
 * archive smaller.
 *
 * <p>Usage: {@code java … rv.cli.StartupTraining DIR} (DIR is created and may be deleted afterwards).
 */
final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: StartupTraining DIR");
        Path dir = Files.createDirectories(Path.of(args[0]));
        String d = dir.toString();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        Main.commandLine().getSubcommands().values().forEach(c -> c.getCommandSpec().options().size());
        int failures = 0;
        String[][] steps = {
                {"--help"},
                {"rasterize", "--help"},
                {"demo-data", d, "--size", "256", "--scenes", "1"}, // the smallest size with buildings and cars
                {"info", d + "/scene_0.tif"},
                {"info", "--json", d + "/scene_0.tif"},
                {"rasterize", d + "/scene_0_buildings.geojson", "--like", d + "/scene_0.tif", d + "/labels.tif"},
                {"rasterize", d + "/scene_0_cars.geojson", "--like", d + "/scene_0.tif", d + "/cars.tif", "--all-touched"},
                {"stats", d + "/scene_0.tif", "--out", d + "/stats.json"},
                {"stats", d + "/scene_0.tif"},
                {"example-config", "semantic_segmentation", d, d + "/root", "--out", d + "/cfg.json"},
                {"ls", d + "/cfg.json"},
                {"info", d + "/missing.tif"}, // the one-line error path
        };
        for (String[] step : steps) {
            try {
                Main.execute(step);
            } catch (RuntimeException | LinkageError e) {
                failures++;
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
