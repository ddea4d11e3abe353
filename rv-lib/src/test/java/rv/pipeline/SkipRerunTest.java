package rv.pipeline;

import rv.testutil.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.pipeline.examples.ChainPipelineConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands run only when an output is missing, a dependency runs, or --rerun is given. */
class SkipRerunTest {

    static Path writeChain(Path dir, Path root, boolean pause) throws Exception {
        ChainPipelineConfig c = ChainPipelineConfig.builder().rootUri(root.toString()).pauseAfterFirstItem(pause).build();
        Path cfg = dir.resolve(pause ? "chain-pause.json" : "chain.json");
        Files.writeString(cfg, ConfigCodec.create().write(c));
        return cfg;
    }

    static List<String> ran(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("Running "))
                .map(l -> l.split(" ")[1]).distinct().toList();
    }

    @Test
    void skipsCompleteCommandsAndRerunsExactlyWhatDependsOnAMissingOutput(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("out");
        String cfg = writeChain(tmp, root, false).toString();

        Cli.Result first = Cli.run("run", "inprocess", cfg, "-s", "2");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(ran(first.out())).containsExactly("first", "middle", "last");
        assertThat(Files.readString(root.resolve("last.txt"))).isEqualTo("XYZ");
        assertThat(root.resolve("middle/.rv-done")).exists();

        Cli.Result second = Cli.run("run", "inprocess", cfg, "-s", "2");
        assertThat(ran(second.out())).isEmpty();
        Cli.Result dry = Cli.run("run", "inprocess", cfg, "--dry-run");
        assertThat(dry.out()).contains("skip first: outputs exist", "skip middle: outputs exist", "skip last: outputs exist")
                .doesNotContain("run  ");

        Files.delete(root.resolve("last.txt"));
        assertThat(ran(Cli.run("run", "inprocess", cfg).out())).containsExactly("last");

        Files.delete(root.resolve("first.txt"));
        assertThat(Cli.run("run", "inprocess", cfg, "--dry-run").out())
                .contains("run  first: output missing: " + root + "/first.txt",
                        "run  middle: depends on first, which runs", "run  last: depends on middle, which runs",
                        "inputs:  " + root + "/first.txt", "outputs: " + root + "/middle/");
        assertThat(ran(Cli.run("run", "inprocess", cfg).out())).containsExactly("first", "middle", "last");

        Files.delete(root.resolve("middle/.rv-done"));
        assertThat(ran(Cli.run("run", "inprocess", cfg).out())).containsExactly("middle", "last");

        assertThat(ran(Cli.run("run", "inprocess", cfg, "--rerun").out())).containsExactly("first", "middle", "last");
        assertThat(ran(Cli.run("run", "inprocess", cfg, "last", "--rerun").out())).containsExactly("last");
    }

    @Test
    void unknownCommandListsTheKnownOnes(@TempDir Path tmp) throws Exception {
        String cfg = writeChain(tmp, tmp.resolve("out"), false).toString();
        Cli.Result r = Cli.run("run", "inprocess", cfg, "chop");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rv: unknown command 'chop'; this pipeline has: first, middle, last\n");
    }
}
