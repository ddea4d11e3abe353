package rv.kernel;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StdinBridgeTest {

    @Test
    void asksForALineOnlyWhenTheBufferIsEmptyAndEndsOnNull() throws Exception {
        ArrayDeque<String> typed = new ArrayDeque<>(List.of("Ada", "Grace Hopper ✓"));
        int[] asked = {0};
        StdinBridge in = new StdinBridge(() -> {
            asked[0]++;
            return typed.poll();
        });
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("Ada");
        assertThat(r.readLine()).isEqualTo("Grace Hopper ✓");
        assertThat(r.readLine()).isNull();
        assertThat(asked[0]).isEqualTo(3);
    }
}
