package rv.pipeline;

import rv.testutil.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.pipeline.examples.SamplePipelineConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The local runner: split commands as parallel child JVMs. */
class LocalRunnerIT {
    private static final List<String> NAMES = List.of("ann", "ben", "cat", "dan", "eve", "fay", "gus", "hal");

    private static Path config(Path dir, Path root, List<String> messageUris) throws Exception {
        var c = SamplePipelineConfig.builder().rootUri(root.toString()).names(NAMES).messageUris(messageUris).build();
        Path cfg = dir.resolve(root.getFileName() + ".json");
        Files.writeString(cfg, ConfigCodec.create().write(c));
        return cfg;
    }

    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) m.put(p.getFileName().toString(), Files.readString(p));
        }
        return m;
    }

    @Test
    void fourSplitsRunAsFourChildProcessesAndMatchInprocess(@TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("local");
        Cli.Result r = Cli.run("run", "local", config(tmp, local, null).toString(), "-s", "4", "--tmpdir", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Matcher m = Pattern.compile("rv: save_messages split (\\d)/4 started as pid (\\d+), log (\\S+)").matcher(r.err());
        java.util.Set<String> pids = new java.util.HashSet<>();
        java.util.Set<String> splits = new java.util.HashSet<>();
        while (m.find()) {
            splits.add(m.group(1));
            pids.add(m.group(2));
        }
        assertThat(splits).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(pids).hasSize(4).doesNotContain(Long.toString(ProcessHandle.current().pid()));
        for (int i = 1; i <= 4; i++) assertThat(r.out()).contains("Running save_messages command split " + i + "/4...");
        assertThat(r.out()).contains("Running print_messages command...", "hello hal!");

        Path inproc = tmp.resolve("inprocess");
        Cli.Result r2 = Cli.run("run", "inprocess", config(tmp, inproc, null).toString(), "-s", "4");
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(contents(local)).hasSize(8).isEqualTo(contents(inproc));
    }

    @Test
    void aFailedSplitFailsTheRunWithItsLogTailAndNothingDownstreamRuns(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("failing");
        Files.createDirectories(root);
        Path blocker = Files.writeString(root.resolve("not-a-dir"), "x");
        List<String> uris = new java.util.ArrayList<>();
        for (String n : NAMES) uris.add(root.resolve(n + ".txt").toString());
        uris.set(7, blocker.resolve("hal.txt").toString()); // a file where a folder must be: split 4 fails
        Cli.Result r = Cli.run("run", "local", config(tmp, root, uris).toString(), "-s", "4", "--tmpdir", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("rv: save_messages split 4/4 failed (exit code 1").contains("not-a-dir");
        assertThat(r.out()).doesNotContain("Running print_messages");
        assertThat(root.resolve("ann.txt")).hasContent("hello ann!");
    }
}
