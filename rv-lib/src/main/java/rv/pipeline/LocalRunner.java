package rv.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.RvException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each due command as child JVMs on this machine: a split command as {@code -s N} parallel
 * children ({@code rv run_command CFG_JSON COMMAND --split-ind I --num-splits N}), other commands as
 * one child. Each child's output goes to a log file and is echoed in split order once it has ended.
 * A failed child fails the run with the tail of its log, and nothing after it runs.
 */
public final class LocalRunner implements Runner {
    private static final Logger log = LoggerFactory.getLogger(LocalRunner.class);
    private static final int TAIL_LINES = 20;

    @Override
    public String name() { return "local"; }

    @Override
    public void run(RunRequest r) throws Exception {
        PrintStream out = r.context().out();
        Path logDir = Files.createDirectories(r.context().tmpDir().resolve("logs"));
        for (PipelineEngine.Step step : r.steps()) {
            PipelineCommand c = step.command();
            if (!step.runsOrReportsSkip(out)) continue;
            PipelineEngine.clearDone(c);
            int n = c.split() ? r.splits() : 1;
            List<Process> children = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            Thread killer = new Thread(() -> children.forEach(Process::destroyForcibly));
            Runtime.getRuntime().addShutdownHook(killer);
            try {
                for (int i = 0; i < n; i++) {
                    Path logFile = logDir.resolve(c.name() + (n > 1 ? "-" + (i + 1) + "of" + n : "") + ".log");
                    List<String> cmd = childCommand(r, c.name(), i, n);
                    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                            .redirectOutput(logFile.toFile());
                    Process p = pb.start();
                    children.add(p);
                    logs.add(logFile);
                    System.err.println("rv: " + c.name() + (n > 1 ? " split " + (i + 1) + "/" + n : "") + " started as pid " + p.pid() + ", log " + logFile);
                    log.debug("child command: {}", cmd);
                }
                String failure = null;
                for (int i = 0; i < n; i++) {
                    int code = children.get(i).waitFor();
                    out.print(Files.readString(logs.get(i), StandardCharsets.UTF_8));
                    if (code != 0 && failure == null) {
                        failure = c.name() + (n > 1 ? " split " + (i + 1) + "/" + n : "") + " failed (exit code " + code
                                + ", pid " + children.get(i).pid() + "); last lines of " + logs.get(i) + ":\n" + tail(logs.get(i));
                    }
                }
                out.flush();
                if (failure != null) throw new CommandFailedException(failure);
            } finally {
                children.forEach(Process::destroyForcibly);
                try {
                    Runtime.getRuntime().removeShutdownHook(killer);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting; the hook kills the children
                }
            }
            PipelineEngine.markDone(c);
        }
    }

    /** {@code java -cp <this classpath> rv.cli.Main run_command CFG COMMAND --split-ind I --num-splits N}. */
    static List<String> childCommand(RunRequest r, String command, int splitInd, int numSplits) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        // Keep this JVM's system properties and memory/GC flags (bin/rv sets some), not agents or debuggers.
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((a.startsWith("-D") && !a.startsWith("-Dorg.slf4j.simpleLogger.logFile=")) || a.startsWith("-Xmx")
                    || a.startsWith("-Xms") || a.startsWith("-XX:")) {
                cmd.add(a);
            }
        }
        cmd.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        cmd.add("rv.cli.Main");
        cmd.add("run_command");
        cmd.add(r.configFile().toAbsolutePath().toString());
        cmd.add(command);
        cmd.add("--split-ind");
        cmd.add(Integer.toString(splitInd));
        cmd.add("--num-splits");
        cmd.add(Integer.toString(numSplits));
        cmd.add("--runner");
        cmd.add("local");
        cmd.add("--profile");
        cmd.add(r.context().settings().profile());
        cmd.add("--tmpdir");
        cmd.add(r.context().settings().tmpRoot().toString());
        return cmd;
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String tail(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
