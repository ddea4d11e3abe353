package rv.kernel.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryStoreTest {

    @Test
    void persistsAcrossSessionsAndAnswersTailRangeSearch(@TempDir Path dir) {
        Path file = dir.resolve("h/history.jsonl");
        HistoryStore first = new HistoryStore(file);
        assertThat(first.session()).isEqualTo(1);
        first.add(1, "int x = 1;", null);
        first.add(2, "x + 1", "2");

        HistoryStore second = new HistoryStore(file);
        assertThat(second.session()).isEqualTo(2);
        second.add(1, "x + 1", "2");
        second.add(2, "System.out.println(x)", null);

        assertThat(second.tail(3)).extracting(HistoryStore.Entry::source)
                .containsExactly("x + 1", "x + 1", "System.out.println(x)");
        assertThat(second.range(1, 2, 3)).containsExactly(new HistoryStore.Entry(1, 2, "x + 1", "2"));
        assertThat(second.range(0, 1, 0)).hasSize(2).allMatch(e -> e.session() == 2);
        assertThat(second.search("x ?*", 0, false)).hasSize(2);
        assertThat(second.search("x ?*", 0, true)).containsExactly(new HistoryStore.Entry(2, 1, "x + 1", "2"));
        assertThat(second.search("*println*", 1, false)).extracting(HistoryStore.Entry::line).containsExactly(2);
    }
}
