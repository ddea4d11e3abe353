package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.RvException;
import rv.core.progress.ConsoleProgress;
import rv.pipeline.ConfigCodec;
import rv.pipeline.ConfigException;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.PipelineEngine;
import rv.pipeline.RvSettings;
import rv.pipeline.Validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rv run_command CFG_JSON COMMAND}: runs one command (or one split of it) of a serialised pipeline config. */
@Command(name = "run_command", mixinStandardHelpOptions = true,
        description = "Run a single COMMAND using the serialised pipeline config CFG_JSON (what runners start).")
final class RunCommandCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CFG_JSON", description = "A pipeline-config.json.")
    Path cfg;

    @Parameters(index = "1", paramLabel = "COMMAND", description = "The command to run.")
    String command;

    @Option(names = "--split-ind", paramLabel = "I", defaultValue = "0", description = "0-based index of the split to run.")
    int splitInd;

    @Option(names = "--num-splits", paramLabel = "N", defaultValue = "1", description = "Number of splits.")
    int numSplits;

    @Option(names = "--runner", paramLabel = "R", defaultValue = "inprocess", description = "Name of the runner that started this command.")
    String runner;

    @Mixin SettingsOptions settingsOptions;

    @Override
    public Integer call() throws Exception {
        RvSettings settings = settingsOptions.load();
        if (!Files.isRegularFile(cfg)) throw new RvException("config file not found: " + cfg);
        PipelineConfig config;
        try {
            config = ConfigCodec.create().read(Files.readString(cfg), PipelineConfig.class);
        } catch (ConfigException e) {
            throw ConfigException.withMessage(e.path(), cfg + ": " + e.getMessage());
        }
        config = Validation.check(config.update());
        Path tmp = Files.createDirectories(settings.tmpRoot()).resolve("rv-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp);
        try {
            Pipeline pipeline = config.build(new PipelineContext(tmp, System.out, settings, ConsoleProgress.stderr()));
            PipelineEngine.runCommand(pipeline, command, splitInd, numSplits, System.out);
            if (numSplits == 1) PipelineEngine.markDone(pipeline.command(command));
        } finally {
            RunCommand.deleteTree(tmp);
        }
        return 0;
    }
}
