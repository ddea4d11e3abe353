package rv.pipeline;

import rv.testutil.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Killing rv in the middle of a command leaves nothing a rerun mistakes for complete. */
class PipelineKillIT {

    @Test
    void killedMidCommandIsRerunAndFinishes(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("out");
        Path pausing = SkipRerunTest.writeChain(tmp, root, true);
        Child child = new Child("run", "inprocess", pausing.toString(), "--tmpdir", tmp.toString());
        child.awaitLine("PAUSED", 60);
        child.process.destroyForcibly();
        assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // first finished, middle wrote one of its files, last never ran.
        assertThat(root.resolve("first.txt")).exists();
        assertThat(root.resolve("middle/x.txt")).hasContent("X");
        assertThat(root.resolve("middle/.rv-done")).doesNotExist();
        assertThat(root.resolve("last.txt")).doesNotExist();
        try (Stream<Path> s = Files.walk(root)) {
            // atomic writes leave no partial file under an output's name
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> !n.endsWith(".tmp") || n.startsWith("."));
        }

        Path cfg = SkipRerunTest.writeChain(tmp, root, false);
        Cli.Result dry = Cli.run("run", "inprocess", cfg.toString(), "--dry-run");
        assertThat(dry.out()).contains("skip first: outputs exist", "run  middle: output missing: " + root + "/middle/",
                "run  last: output missing");
        Cli.Result rerun = Cli.run("run", "inprocess", cfg.toString());
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(SkipRerunTest.ran(rerun.out())).containsExactly("middle", "last");
        assertThat(root.resolve("last.txt")).hasContent("XYZ");
    }
}
