package rv.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/rv} itself (with {@code RV_SKIP_BUILD=1}, on the jar this build just packaged): it trains
 * its start-up archive once, maps it in later runs of both JVM profiles, and works the same without
 * it ({@code RV_CDS=0}); short commands print no JVM notices; bad input exits 2 with one line.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path ARCHIVE = ROOT.resolve("rv-lib/target/rv-cds.jsa");

    @TempDir Path dir;

    record Result(int exit, String out, String err) {}

    private Result rv(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("bin/rv").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("RV_SKIP_BUILD", "1");
        pb.environment().remove("RV_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/rv " + String.join(" ", args) + " finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void trainsTheArchiveOnceAndRunsShortAndLongCommandsWithAndWithoutIt() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        Files.deleteIfExists(ARCHIVE.resolveSibling("rv-cds.jsa.key"));

        Result help = rv(Map.of(), "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("rasterize").contains("quickstart").contains("example-config");
        assertThat(help.err()).isEmpty();
        assertThat(ARCHIVE).isNotEmptyFile();
        assertThat(Files.readString(ARCHIVE.resolveSibling("rv-cds.jsa.key"))).contains("rv-lib-");
        long trained = Files.getLastModifiedTime(ARCHIVE).toMillis();
        try (var s = Files.list(ARCHIVE.getParent())) {
            assertThat(s.map(q -> q.getFileName().toString())).noneMatch(n -> n.startsWith(".rv-cds."));
        }

        String d = dir.resolve("demo").toString();
        Result demo = rv(Map.of(), "demo-data", d, "--size", "64", "--scenes", "1");
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.err()).doesNotContain("WARNING");

        // short profile, archive mapped: rv's own classes come from it
        Result ras = rv(Map.of("RV_JAVA_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes.txt")),
                "rasterize", d + "/scene_0_buildings.geojson", "--like", d + "/scene_0.tif", dir.resolve("a.tif").toString());
        assertThat(ras.exit()).as(ras.err()).isZero();
        assertThat(ras.err()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("classes.txt")))
                .anyMatch(l -> l.contains("rv.cli.RasterizeCommand source: shared objects file"))
                .anyMatch(l -> l.contains("picocli.CommandLine source: shared objects file"));
        assertThat(Files.getLastModifiedTime(ARCHIVE).toMillis()).as("not retrained").isEqualTo(trained);

        // the same without the archive: identical output file
        Result plain = rv(Map.of("RV_CDS", "0"),
                "rasterize", d + "/scene_0_buildings.geojson", "--like", d + "/scene_0.tif", dir.resolve("b.tif").toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b.tif"))).isEqualTo(Files.readAllBytes(dir.resolve("a.tif")));

        Result info = rv(Map.of(), "info", dir.resolve("a.tif").toString());
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("epsg:        32611").contains("64 x 64");

        // long profile (libdeflate via jdk.incubator.foreign): its notice is filtered out
        Result stats = rv(Map.of(), "stats", d + "/scene_0.tif");
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("mean");
        assertThat(stats.err()).doesNotContain("incubator");

        Result bad = rv(Map.of(), "info", dir.resolve("missing.tif").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1).first().asString().startsWith("rv: ").contains("missing.tif");
    }

    @Test
    void aJvmThatCannotDumpTheArchiveTrainsOnceAndStillRuns() throws Exception {
        // a java that refuses -Xshare:dump and logs every start
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Path calls = dir.resolve("calls.log");
        Path java = jdk.resolve("java");
        String real = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(java, String.join("\n", "#!/bin/bash",
                "for a in \"$@\"; do [[ \"$a\" == -Xshare:dump ]] && exit 1; done",
                "echo start >> '" + calls + "'",
                "exec '" + real + "' \"$@\"", ""));
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Map<String, String> env = Map.of("JAVA_HOME", dir.resolve("jdk").toString());
        for (int i = 0; i < 3; i++) {
            Result r = rv(env, "--version");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("rv ");
        }
        // one training run (the dump itself is refused before logging), then three plain runs
        assertThat(Files.readAllLines(calls)).hasSize(4);
        assertThat(Files.readString(ARCHIVE.resolveSibling("rv-cds.jsa.failed"))).contains(java.toString());
    }
}
