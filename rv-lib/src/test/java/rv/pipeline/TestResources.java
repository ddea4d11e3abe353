package rv.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources of this package (example configs and scripts). */
final class TestResources {
    private TestResources() {}

    /** Copies resource {@code name} to {@code dir}. */
    static Path copy(String name, Path dir) {
        try (InputStream in = TestResources.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resource {@code name} as UTF-8 text. */
    static String text(String name) {
        try (InputStream in = TestResources.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
