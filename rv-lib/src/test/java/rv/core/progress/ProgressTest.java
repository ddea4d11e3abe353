package rv.core.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @Test
    void plainLinesWhenNotATerminalAndListenersSeeEveryUpdate() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<ProgressEvent> seen = new ArrayList<>();
        ProgressListener l = seen::add;
        Progress.addListener(l);
        try (Progress.Task t = new ConsoleProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), false).start("chip", 20)) {
            for (int i = 0; i < 20; i++) t.advance(1);
        } finally {
            Progress.removeListener(l);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(10); // every 10 % up to 90 %, then the end
        assertThat(lines[0]).startsWith("chip [##..................] 10% 2/20");
        assertThat(lines[9]).startsWith("chip [####################] 100% 20/20 done in 0:0");
        assertThat(seen).hasSize(22); // start, 20 steps, end
        assertThat(seen.get(21).finished()).isTrue();
        assertThat(seen.get(10).fraction()).isEqualTo(0.5);
    }

    @Test
    void terminalBarRedrawsOneLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress.Task t = new ConsoleProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), true).start("train", 4)) {
            t.advance(2);
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        assertThat(s).contains("\rtrain [##########..........] 50% 2/4 ETA ").endsWith("done in 0:00\n");
        assertThat(s.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }
}
