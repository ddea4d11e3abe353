package rv.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) { return s.count(); }
    }

    @Test
    void writesStringAndLeavesNoTemp() throws IOException {
        Path t = dir.resolve("sub/a.json");
        AtomicFiles.writeString(t, "{\"x\": 1}");
        assertThat(Files.readString(t)).isEqualTo("{\"x\": 1}");
        assertThat(filesIn(t.getParent())).isEqualTo(1);
    }

    @Test
    void crashMidWriteLeavesNoTargetFile() throws IOException {
        Path t = dir.resolve("out.bin");
        assertThatThrownBy(() -> AtomicFiles.write(t, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        })).hasMessageContaining("disk on fire");
        assertThat(t).doesNotExist();
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void crashMidWriteKeepsPreviousContent() throws IOException {
        Path t = dir.resolve("out.txt");
        AtomicFiles.writeString(t, "old");
        assertThatThrownBy(() -> AtomicFiles.write(t, out -> {
            out.write("new partial".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(t)).isEqualTo("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void channelWriterSupportsRandomAccess() throws IOException {
        Path t = dir.resolve("c.bin");
        AtomicFiles.writeChannel(t, ch -> {
            ch.write(ByteBuffer.wrap(new byte[] {9, 9}), 4);
            ch.write(ByteBuffer.wrap(new byte[] {1, 2}), 0);
        });
        assertThat(Files.readAllBytes(t)).containsExactly(1, 2, 0, 0, 9, 9);
    }

    @Test
    void pendingWithoutCommitDeletesTemp() throws IOException {
        Path t = dir.resolve("p.bin");
        try (AtomicFiles.Pending p = AtomicFiles.open(t)) {
            p.channel().write(ByteBuffer.wrap(new byte[] {1}));
            assertThat(p.temp()).exists();
        }
        assertThat(t).doesNotExist();
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void concurrentWritersGetDistinctHiddenTempFilesWithOrdinaryPermissions() throws IOException {
        Path t = dir.resolve("o.tif");
        try (AtomicFiles.Pending a = AtomicFiles.open(t); AtomicFiles.Pending b = AtomicFiles.open(t)) {
            assertThat(a.temp()).isNotEqualTo(b.temp());
            assertThat(a.temp().getParent()).isEqualTo(dir);
            assertThat(a.temp().getFileName().toString()).startsWith(".o.tif.").endsWith(".tmp");
            // the same permissions as any new file here (umask applies), not createTempFile's owner-only
            Path plain = Files.createFile(dir.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(a.temp())).isEqualTo(Files.getPosixFilePermissions(plain));
            Files.delete(plain);
            b.commit();
        }
        assertThat(t).exists();
        assertThat(filesIn(dir)).isEqualTo(1);
    }
}
