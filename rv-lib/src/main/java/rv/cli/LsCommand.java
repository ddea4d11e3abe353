package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import rv.core.progress.Progress;
import rv.pipeline.ConfigSources;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.PipelineEngine;
import rv.pipeline.RvSettings;
import rv.pipeline.Validation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rv ls CFG}: the pipeline a config describes, its root and its commands with their status. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the pipeline in CFG (.json, .jsh or .java): its type, root_uri and commands with their status.")
final class LsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CFG", description = "Config file: .json, .jsh or .java.")
    Path cfg;

    @Mixin ConfigArgOptions args;

    @Mixin SettingsOptions settingsOptions;

    @Override
    public Integer call() {
        RvSettings settings = settingsOptions.load();
        PipelineConfig config = Validation.check(ConfigSources.load(cfg, "inprocess", args.asMap()).update());
        PrintStream out = System.out;
        Pipeline p = config.build(new PipelineContext(settings.tmpRoot(), out, settings, Progress.silent()));
        out.println(config.typeHint() + "  " + config.rootUri());
        for (PipelineEngine.Step s : PipelineEngine.plan(p, List.of(), false)) {
            String flags = (s.command().split() ? " split" : "") + (s.command().gpu() ? " gpu" : "");
            out.println("  " + s.command().name() + flags + "  " + (s.run() ? "to run (" + s.reason() + ")" : "done"));
        }
        return 0;
    }
}
