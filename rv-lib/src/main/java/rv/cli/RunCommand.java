package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.RvException;
import rv.core.progress.ConsoleProgress;
import rv.pipeline.ConfigRegistry;
import rv.pipeline.ConfigSources;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineCommand;
import rv.pipeline.PipelineConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.PipelineEngine;
import rv.pipeline.RunRequest;
import rv.pipeline.Runner;
import rv.pipeline.RvSettings;
import rv.pipeline.Validation;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rv run RUNNER CFG [COMMANDS…]}: runs a pipeline's commands, skipping those already done. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run COMMANDS of the pipeline configured in CFG using RUNNER.",
                "CFG is a .json (serialised config), .jsh (JShell script) or .java (class with static getConfig(String runner, Map<String,String> args)).",
                "A command whose outputs all exist is skipped unless --rerun; commands that depend on a command that runs run too."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUNNER", description = "inprocess (one JVM) or local (child processes; split commands in parallel).")
    String runner;

    @Parameters(index = "1", paramLabel = "CFG", description = "Config file: .json, .jsh or .java.")
    Path cfg;

    @Parameters(index = "2..*", paramLabel = "COMMANDS", description = "Commands to run (default: all, in pipeline order).")
    List<String> commands = new ArrayList<>();

    @Mixin ConfigArgOptions args;

    @Option(names = {"-s", "--splits"}, paramLabel = "N", defaultValue = "1",
            description = "Number of parallel parts for splittable commands (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--rerun", description = "Run commands even when their outputs exist.")
    boolean rerun;

    @Option(names = "--dry-run", description = "Print each command with its inputs and outputs and whether it would run; run nothing.")
    boolean dryRun;

    @Mixin SettingsOptions settingsOptions;

    @Override
    public Integer call() throws Exception {
        if (splits < 1) throw new RvException("-s/--splits must be at least 1, got " + splits);
        RvSettings settings = settingsOptions.load();
        Runner r = ConfigRegistry.get().runner(runner);
        PipelineConfig config = Validation.check(ConfigSources.load(cfg, runner, args.asMap()).update());
        Path configFile = PipelineEngine.configPath(config);
        PrintStream out = System.out;
        Path tmp = Files.createDirectories(settings.tmpRoot()).resolve("rv-" + ProcessHandle.current().pid());
        PipelineContext ctx = new PipelineContext(tmp, out, settings, ConsoleProgress.stderr());
        Pipeline pipeline = config.build(ctx);
        List<PipelineEngine.Step> plan = PipelineEngine.plan(pipeline, commands, rerun);
        if (dryRun) {
            printPlan(out, plan, splits);
            return 0;
        }
        Files.createDirectories(tmp);
        PipelineEngine.writeConfig(config);
        try {
            r.run(new RunRequest(config, configFile, pipeline, plan, splits, ctx));
        } finally {
            deleteTree(tmp);
        }
        return 0;
    }

    static void printPlan(PrintStream out, List<PipelineEngine.Step> plan, int splits) {
        for (PipelineEngine.Step s : plan) {
            PipelineCommand c = s.command();
            String how = c.split() && splits > 1 ? " (" + splits + " splits)" : "";
            out.println((s.run() ? "run  " : "skip ") + c.name() + how + ": " + s.reason());
            out.println("     inputs:  " + (c.inputs().isEmpty() ? "-" : String.join(" ", c.inputs())));
            out.println("     outputs: " + (c.outputs().isEmpty() ? "-" : String.join(" ", c.outputs())));
        }
        out.flush();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
