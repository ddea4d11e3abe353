package rv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rv.core.RvException;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code rv} command line. Subcommands live in their own classes and are listed in
 * {@link #SUBCOMMANDS}. Errors caused by input ({@link RvException}, bad options) print one line and
 * exit with code 2; {@code -v} adds the stack trace.
 */
@Command(name = "rv", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Raster Vision for the JVM: geospatial deep learning pipelines on GeoTIFF + GeoJSON.",
        subcommandsRepeatable = false)
public final class Main implements Runnable {

    /** Every subcommand class; add new commands here. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            QuickstartCommand.class,
            RunCommand.class,
            RunCommandCommand.class,
            LsCommand.class,
            InfoCommand.class,
            BenchCommand.class,
            ReadCommand.class,
            CropCommand.class,
            CogifyCommand.class,
            DemoDataCommand.class,
            RasterizeCommand.class,
            StatsCommand.class,
            BenchLearnCommand.class,
            PredictCliCommand.class,
            EvalCliCommand.class,
            ExampleConfigCommand.class
    );

    @Option(names = {"-v", "--verbose"}, description = "Verbose output; repeat (-vv) for debug logs and stack traces.", scope = CommandLine.ScopeType.INHERIT)
    boolean[] verbose = new boolean[0];

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 failure, 2 bad input or usage). */
    public static int execute(String... args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose") || a.startsWith("-vv")) verbose = true;
        }
        if (verbose) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        CommandLine cl = commandLine(args);
        final boolean showTrace = verbose;
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable user = findUserError(ex);
            if (showTrace) ex.printStackTrace(err);
            if (user != null) {
                err.println("rv: " + user.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof rv.pipeline.CommandFailedException) {
                err.println("rv: " + ex.getMessage());
                err.flush();
                return 1;
            }
            err.println("rv: internal error: " + ex);
            if (!showTrace) err.println("rv: rerun with -v for the stack trace");
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    /** A command line with every subcommand registered; exposed for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : SUBCOMMANDS) cl.addSubcommand(c);
        return withErrorHandler(cl);
    }

    /**
     * A command line for one invocation: when {@code args} name a command, only that one is built and
     * registered. picocli builds a command's model by reflecting over every option and its type,
     * which loads the command's dependencies; doing that for all commands was half of a short
     * command's start-up (see BENCHMARKS.md, "Rasterize and stats"). Without a command name (help,
     * version) or with an unknown one, every command is registered as a light entry (name, aliases,
     * description from its {@code @Command}): enough for the command list of {@code rv --help} and
     * for picocli's error message.
     */
    static CommandLine commandLine(String... args) {
        String wanted = firstPositional(args);
        CommandLine cl = new CommandLine(new Main());
        List<Command> listing = new java.util.ArrayList<>();
        for (Class<?> c : SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a == null) throw new IllegalStateException(c + " in Main.SUBCOMMANDS lacks @Command");
            if (a.name().equals(wanted) || java.util.Arrays.asList(a.aliases()).contains(wanted)) {
                cl.addSubcommand(c);
                return withErrorHandler(cl);
            }
            listing.add(a);
        }
        for (Command a : listing) cl.addSubcommand(a.name(), listingOnly(a), a.aliases());
        return withErrorHandler(cl);
    }

    /**
     * The command named in {@code args}: the first argument that is not an option of {@code rv}
     * itself (its options take no values); null when {@code rv}'s own help or version comes first,
     * since that prints the list of all commands.
     */
    private static String firstPositional(String[] args) {
        for (String a : args) {
            if (a.equals("--") || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return null;
            if (!a.startsWith("-")) return a;
        }
        return null;
    }

    /** A model with a command's name and help texts only, for the command list of {@code rv --help}. */
    private static CommandLine.Model.CommandSpec listingOnly(Command a) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(a.name()).aliases(a.aliases());
        spec.usageMessage().description(a.description()).header(a.header()).hidden(a.hidden());
        return spec;
    }

    private static CommandLine withErrorHandler(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("rv: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return 2;
        });
        return cl;
    }

    private static Throwable findUserError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RvException || c instanceof IllegalArgumentException) return c;
        }
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rv " + (v == null ? "dev" : v)};
        }
    }
}
