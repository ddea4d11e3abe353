package rv.data.raster.tiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs GDAL (Debian's python3-gdal, a test oracle only) over sample files: per file a JSON of facts
 * and one raw little-endian array per window. Fails, never skips, when the oracle is missing.
 */
final class GdalOracle {
    static final String PYTHON = "/usr/bin/python3";

    private GdalOracle() {}

    /** The committed samples folder (on the test classpath). */
    static Path samples() {
        try {
            return Path.of(GdalOracle.class.getResource("samples").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> s = Files.list(samples())) {
            return s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
    }

    /** Runs the oracle for {@code files}, writing into {@code out}. */
    static void run(Path out, List<Path> files) throws IOException, InterruptedException {
        Path script;
        try {
            script = Path.of(GdalOracle.class.getResource("gdal_oracle.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail("test oracle missing: " + PYTHON + " (install Debian's python3-gdal python3-numpy, see .ci/run)");
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), out.toString()));
        for (Path f : files) cmd.add(f.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("GDAL oracle timed out");
        }
        if (p.exitValue() != 0) fail("GDAL oracle failed (needs Debian's python3-gdal + python3-numpy):\n" + log);
    }

    static JsonNode facts(Path out, Path file) throws IOException {
        return new ObjectMapper().readTree(out.resolve(file.getFileName() + ".json").toFile());
    }

    /** Window {@code i} as GDAL read it, as a little-endian buffer. */
    static ByteBuffer window(Path out, Path file, int i) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(out.resolve(file.getFileName() + ".w" + i + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
    }
}
