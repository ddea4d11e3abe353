package rv.pipeline;

import rv.testutil.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs' pipeline Examples 1–3, run through {@code rv run inprocess} from .jsh and .java config sources. */
class ExamplesTest {

    @Test
    void example1PrintsTheDocsLinesWithTwoSplits(@TempDir Path tmp) throws Exception {
        Path cfg = TestResources.copy("example1.jsh", tmp);
        Path root = tmp.resolve("sample-pipeline");
        Cli.Result r = Cli.run("run", "inprocess", cfg.toString(), "-a", "root_uri", root.toString(), "-s", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(String.join("\n",
                "Running save_messages command split 1/2...",
                "Saved message to " + root + "/alice.txt",
                "Saved message to " + root + "/bob.txt",
                "Running save_messages command split 2/2...",
                "Saved message to " + root + "/susan.txt",
                "Running print_messages command...",
                "hello alice!",
                "hello bob!",
                "hello susan!", ""));
        JsonNode json = ConfigCodec.parse(Files.readString(root.resolve("pipeline-config.json")));
        assertThat(json.get("type_hint").asText()).isEqualTo("sample_pipeline");
        assertThat(json.get("message_uris").get(2).asText()).isEqualTo(root + "/susan.txt");

        // Outputs of save_messages exist now: it is skipped; print_messages declares none and runs again.
        Cli.Result again = Cli.run("run", "inprocess", cfg.toString(), "-a", "root_uri", root.toString(), "-s", "2");
        assertThat(again.out()).startsWith("Skipping save_messages command (outputs exist)\nRunning print_messages command...\n");
    }

    @Test
    void example2FromJavaSource(@TempDir Path tmp) {
        Path cfg = TestResources.copy("Example2.java", tmp);
        Path root = tmp.resolve("sample-pipeline");
        Cli.Result r = Cli.run("run", "inprocess", cfg.toString(), "-a", "root_uri", root.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(String.join("\n",
                "Running save_messages command...",
                "Saved message to " + root + "/alice.txt",
                "Saved message to " + root + "/bob.txt",
                "Saved message to " + root + "/susan.txt",
                "Running print_messages command...",
                "hola alice!",
                "hola bob!",
                "hola susan!", ""));
    }

    @Test
    void example3PluginSubclassAndItsPipelineConfigJsonMatchTheDocs(@TempDir Path tmp) throws Exception {
        Path cfg = TestResources.copy("example3.jsh", tmp);
        Path root = tmp.resolve("sample-pipeline");
        Cli.Result r = Cli.run("run", "inprocess", cfg.toString(), "-a", "root_uri", root.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(String.join("\n",
                "Running save_messages command...",
                "Saved message to " + root + "/alice.txt",
                "Saved message to " + root + "/bob.txt",
                "Saved message to " + root + "/susan.txt",
                "Running print_messages command...",
                "hola alice!!!",
                "hola bob!!!",
                "hola susan!!!", ""));
        // The docs' (partial) pipeline-config.json, with /opt/data/sample-pipeline replaced by our root.
        String docs = """
                {
                    "root_uri": "/opt/data/sample-pipeline",
                    "type_hint": "sample_pipeline2",
                    "names": ["alice", "bob", "susan"],
                    "message_uris": [
                        "/opt/data/sample-pipeline/alice.txt",
                        "/opt/data/sample-pipeline/bob.txt",
                        "/opt/data/sample-pipeline/susan.txt"
                    ],
                    "message_maker": {"greeting": "hola", "type_hint": "deluxe_message_maker", "level": 3}
                }""".replace("/opt/data/sample-pipeline", root.toString());
        JsonNode expected = ConfigCodec.parse(docs);
        JsonNode actual = ConfigCodec.parse(Files.readString(root.resolve("pipeline-config.json")));
        List<String> keys = new ArrayList<>();
        actual.fieldNames().forEachRemaining(keys::add);
        // Every docs key with the docs value; the only extra keys are the PipelineConfig fields RV also writes.
        expected.properties().forEach(e -> assertThat(actual.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue()));
        assertThat(keys).containsExactlyInAnyOrder("root_uri", "type_hint", "names", "message_uris", "message_maker",
                "rv_config", "plugin_versions");
        // And it loads back into the same config.
        assertThat(ConfigCodec.create().read(Files.readString(root.resolve("pipeline-config.json")), PipelineConfig.class))
                .isInstanceOf(rv.pipeline.examples.SamplePipeline2Config.class);
    }

    @Test
    void lsListsThePipelineAndItsCommands(@TempDir Path tmp) {
        Path cfg = TestResources.copy("example1.jsh", tmp);
        Path root = tmp.resolve("p");
        Cli.Result r = Cli.run("ls", cfg.toString(), "-a", "root_uri", root.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("sample_pipeline  " + root + "\n"
                + "  save_messages split  to run (output missing: " + root + "/alice.txt)\n"
                + "  print_messages  to run (declares no outputs)\n");
    }

    @Test
    void theReadmeSegmentationScriptLoadsAndPlans(@TempDir Path tmp) {
        // readme-example.jsh is the README's example, copied verbatim.
        Path cfg = TestResources.copy("readme-example.jsh", tmp);
        Cli.Result r = Cli.run("run", "inprocess", cfg.toString(), "-a", "root_uri", tmp.resolve("out").toString(), "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("run  analyze: output missing: " + tmp.resolve("out/analyze/stats.json"),
                "outputs: " + tmp.resolve("out/predict/val.tif"));
    }
}
