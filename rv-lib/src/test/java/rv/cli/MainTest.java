package rv.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void unknownOptionExitsWithTwoAndOneLine() {
        var cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("quickstart", "--no-such-option");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void helpListsQuickstart() {
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("quickstart");
    }

    private static String usage(CommandLine cl) {
        StringWriter out = new StringWriter();
        cl.usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
        return out.toString();
    }

    @Test
    void lazyCommandLineListsEveryCommandLikeTheFullOne() {
        assertThat(usage(Main.commandLine("--help"))).isEqualTo(usage(Main.commandLine()));
        assertThat(usage(Main.commandLine("-h", "rasterize"))).isEqualTo(usage(Main.commandLine()));
        assertThat(usage(Main.commandLine())).contains("rasterize").contains("example-config");
    }

    @Test
    void lazyCommandLineBuildsOnlyTheNamedCommand() {
        var cl = Main.commandLine("-v", "rasterize", "a.geojson", "--like", "b.tif", "c.tif");
        assertThat(cl.getSubcommands()).containsOnlyKeys("rasterize");
        assertThat(cl.getSubcommands().get("rasterize").getCommandSpec().userObject()).isInstanceOf(RasterizeCommand.class);
        assertThat(cl.getSubcommands().get("rasterize").getCommandSpec().findOption("--like")).isNotNull();
        // the command's help is the same as in the eager command line
        assertThat(usage(cl.getSubcommands().get("rasterize")))
                .isEqualTo(usage(Main.commandLine().getSubcommands().get("rasterize")));
        assertThat(Main.commandLine("--help").getSubcommands().get("info").getCommandSpec().findOption("--json")).isNull();
    }

    @Test
    void unknownCommandExitsWithTwo() {
        var cl = Main.commandLine("rasterise", "x");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("rasterise", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("rv: ").contains("'rasterise'");
    }
}
