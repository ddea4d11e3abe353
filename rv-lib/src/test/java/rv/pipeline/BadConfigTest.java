package rv.pipeline;

import rv.testutil.Cli;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad configs and arguments: exit code 2 and one line that names the field or argument. */
class BadConfigTest {

    private static Cli.Result runWith(Path tmp, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode tree = (ObjectNode) ConfigCodec.parse(TestResources.text("tiny-spacenet-ss.json"));
        tree.put("root_uri", tmp.resolve("out").toString());
        edit.accept(tree);
        Path cfg = tmp.resolve("bad.json");
        Files.writeString(cfg, tree.toPrettyString());
        return Cli.run("run", "inprocess", cfg.toString(), "--dry-run");
    }

    private static void assertOneLine(Cli.Result r, String... parts) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("rv: ").endsWith("\n").contains(parts);
        assertThat(r.err().strip()).doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingField(@TempDir Path tmp) throws Exception {
        assertOneLine(runWith(tmp, t -> ((ObjectNode) t.at("/dataset/train_scenes/0/raster_source")).remove("uris")),
                "dataset.train_scenes[0].raster_source.uris: required field is missing");
    }

    @Test
    void wrongType(@TempDir Path tmp) throws Exception {
        assertOneLine(runWith(tmp, t -> ((ObjectNode) t.at("/backend/solver")).put("batch_sz", "two")),
                "bad.json: backend.solver.batch_sz: expected an integer, got string \"two\"");
    }

    @Test
    void unknownTypeHint(@TempDir Path tmp) throws Exception {
        assertOneLine(runWith(tmp, t -> ((ObjectNode) t.at("/backend")).put("type_hint", "tf_deeplab_backend")),
                "backend.type_hint: unknown type_hint 'tf_deeplab_backend'; known BackendConfig types: "
                        + "ground_truth_backend, pytorch_chip_classification_backend, pytorch_object_detection_backend, pytorch_semantic_segmentation_backend");
    }

    @Test
    void notJson(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("broken.json");
        Files.writeString(cfg, "{\"root_uri\": ");
        assertOneLine(Cli.run("run", "inprocess", cfg.toString()), "broken.json: not valid JSON");
    }

    @Test
    void badArguments(@TempDir Path tmp) throws Exception {
        Path jsh = TestResources.copy("example1.jsh", tmp);
        // getConfig asks for root_uri, which was not given.
        assertOneLine(Cli.run("run", "inprocess", jsh.toString(), "-a", "names", "x"),
                "the config needs argument 'root_uri': pass -a root_uri VALUE (given: names)");
        // -a without its value.
        Cli.Result r = Cli.run("run", "inprocess", jsh.toString(), "-a", "root_uri");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--arg");
        // -a with a JSON config.
        Path json = tmp.resolve("c.json");
        Files.writeString(json, ConfigCodec.create().write(rv.pipeline.examples.ChainPipelineConfig.builder().rootUri(tmp.toString()).build()));
        assertOneLine(Cli.run("run", "inprocess", json.toString(), "-a", "root_uri", "/x"),
                "-a root_uri: -a arguments are for .jsh and .java config files");
        // Unknown runner.
        assertOneLine(Cli.run("run", "batch", json.toString()), "unknown runner 'batch'; known runners: inprocess, local");
    }

    @Test
    void scriptErrorsNameTheLine(@TempDir Path tmp) throws Exception {
        Path jsh = tmp.resolve("bad.jsh");
        Files.writeString(jsh, "int x = 1;\nString s = 42;\n");
        assertOneLine(Cli.run("run", "inprocess", jsh.toString()), "bad.jsh: line 2: incompatible types");
        Path java = tmp.resolve("Bad.java");
        Files.writeString(java, "public class Bad { public static rv.pipeline.PipelineConfig getConfig(String r, java.util.Map<String,String> a) { return nope; } }\n");
        assertOneLine(Cli.run("run", "inprocess", java.toString()), "Bad.java:1: cannot find symbol");
    }
}
