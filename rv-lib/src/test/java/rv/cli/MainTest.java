package rv.cli;

import org.junit.jupiter.api.Test;

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
}
