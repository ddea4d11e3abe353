package rv.pipeline;

import rv.core.RvException;
import rv.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules shared by every runner: which commands are due (a command runs when asked for and
 * {@code --rerun} is given, one of its outputs is missing, it declares no outputs, or a command it
 * depends on runs), how one command (split) is run and announced, how completion of folder outputs is
 * recorded, and where {@code pipeline-config.json} goes.
 */
public final class PipelineEngine {
    /** Marker file the engine writes into a folder output once its command has finished. */
    public static final String DONE_MARKER = ".rv-done";
    /** Name of the serialised config under {@code root_uri}. */
    public static final String CONFIG_FILE = "pipeline-config.json";

    private PipelineEngine() {}

    /**
     * One command of a plan.
     *
     * @param command   the command
     * @param run       whether it will run
     * @param reason    why it runs or is skipped
     * @param dependsOn earlier commands whose outputs it reads
     */
    public record Step(PipelineCommand command, boolean run, String reason, List<String> dependsOn) {
        static final String NOT_REQUESTED = "not requested";

        /** Whether the step runs; when it does not, says so on {@code out} unless it was simply not requested. */
        public boolean runsOrReportsSkip(PrintStream out) {
            if (!run && !reason.equals(NOT_REQUESTED)) out.println("Skipping " + command.name() + " command (" + reason + ")");
            return run;
        }
    }

    /**
     * Plans a run: every command of {@code pipeline} in order, and whether it runs.
     *
     * @param requested command names to consider (empty: all)
     * @param rerun     run requested commands even when complete
     */
    public static List<Step> plan(Pipeline pipeline, List<String> requested, boolean rerun) {
        for (String r : requested) pipeline.command(r); // fails with the known names
        List<Step> steps = new ArrayList<>();
        Set<String> running = new HashSet<>();
        List<PipelineCommand> earlier = new ArrayList<>();
        for (PipelineCommand c : pipeline.commands()) {
            List<String> deps = new ArrayList<>();
            for (PipelineCommand e : earlier) if (dependsOn(c, e)) deps.add(e.name());
            earlier.add(c);
            if (!requested.isEmpty() && !requested.contains(c.name())) {
                steps.add(new Step(c, false, Step.NOT_REQUESTED, deps));
                continue;
            }
            String reason;
            if (rerun) reason = "--rerun";
            else if (c.outputs().isEmpty()) reason = "declares no outputs";
            else {
                String missing = c.outputs().stream().filter(o -> !isComplete(o)).findFirst().orElse(null);
                String upstream = deps.stream().filter(running::contains).findFirst().orElse(null);
                reason = missing != null ? "output missing: " + missing
                        : upstream != null ? "depends on " + upstream + ", which runs" : null;
            }
            if (reason != null) running.add(c.name());
            steps.add(new Step(c, reason != null, reason != null ? reason : "outputs exist", deps));
        }
        return steps;
    }

    /** Whether {@code later} reads something {@code earlier} writes (same path, or one inside the other's folder). */
    static boolean dependsOn(PipelineCommand later, PipelineCommand earlier) {
        for (String in : later.inputs()) {
            for (String out : earlier.outputs()) {
                if (in.equals(out) || (out.endsWith("/") && in.startsWith(out)) || (in.endsWith("/") && out.startsWith(in))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a declared output exists: a file, or a folder holding {@link #DONE_MARKER}. */
    public static boolean isComplete(String output) {
        Path p = localPath(output);
        return output.endsWith("/") ? Files.isRegularFile(p.resolve(DONE_MARKER)) : Files.exists(p);
    }

    /** Records that {@code command} finished: writes the marker into each of its folder outputs. */
    public static void markDone(PipelineCommand command) throws IOException {
        for (String o : command.outputs()) {
            if (!o.endsWith("/")) continue;
            Path dir = localPath(o);
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve(DONE_MARKER), "");
        }
    }

    /** Forgets that the folder outputs of {@code command} are complete (before it runs again). */
    public static void clearDone(PipelineCommand command) throws IOException {
        for (String o : command.outputs()) {
            if (o.endsWith("/")) Files.deleteIfExists(localPath(o).resolve(DONE_MARKER));
        }
    }

    /**
     * Runs split {@code splitInd} of {@code numSplits} of {@code command}, announcing it the way Raster
     * Vision does ({@code Running save_messages command split 1/2...}).
     */
    public static void runCommand(Pipeline pipeline, String command, int splitInd, int numSplits, PrintStream out) {
        PipelineCommand c = pipeline.command(command);
        if (numSplits < 1 || splitInd < 0 || splitInd >= numSplits) {
            throw new RvException("--split-ind " + splitInd + " must be in [0, " + numSplits + ") with --num-splits >= 1");
        }
        if (!c.split() && numSplits > 1) {
            throw new RvException("command '" + command + "' cannot be split; split commands: " + pipeline.splitCommands());
        }
        out.println(numSplits > 1
                ? "Running " + command + " command split " + (splitInd + 1) + "/" + numSplits + "..."
                : "Running " + command + " command...");
        out.flush();
        try {
            c.action().run(splitInd, numSplits);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RvException("command '" + command + "' failed: " + e, e);
        } finally {
            out.flush();
        }
    }

    /** The serialised config's path under the config's root URI. */
    public static Path configPath(PipelineConfig config) {
        if (config.rootUri() == null || config.rootUri().isBlank()) {
            throw new ConfigException("root_uri", "required to run a pipeline: every output goes under it");
        }
        return localPath(config.rootUri()).resolve(CONFIG_FILE);
    }

    /** Writes {@code config} as {@value #CONFIG_FILE} under its root URI, atomically; returns the file. */
    public static Path writeConfig(PipelineConfig config) throws IOException {
        Path p = configPath(config);
        AtomicFiles.writeString(p, ConfigCodec.create().write(config));
        return p;
    }

    /** A local path for a URI: a plain path or {@code file:} URI; other schemes are refused. */
    public static Path localPath(String uri) {
        if (uri.startsWith("file:")) return Path.of(URI.create(uri));
        int colon = uri.indexOf("://");
        if (colon > 0) throw new RvException("'" + uri + "': only local outputs are supported for now (a path or file:// URI)");
        return Path.of(uri);
    }

    /**
     * Group {@code splitInd} of {@code items} cut into groups of {@code ceil(n / numSplits)} items, as
     * Raster Vision's {@code split_into_groups} does (trailing groups may be empty).
     */
    public static <T> List<T> splitGroup(List<T> items, int splitInd, int numSplits) {
        int n = items.size();
        int size = (n + numSplits - 1) / numSplits;
        int start = Math.min(n, splitInd * size);
        return items.subList(start, Math.min(n, start + size));
    }
}
