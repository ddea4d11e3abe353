package rv.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 2: {@code jupyter nbconvert --execute} runs the kernel tour notebook: results,
 * display/update_display, images, %%html, %maven, an exception cell, and the kernel keeps going.
 */
class NotebookIT {

    @Test
    void kernelTourNotebookRuns(@TempDir Path prefix) throws Exception {
        JupyterHarness h = JupyterHarness.install(prefix, "jupyter_client", "nbclient", "nbconvert");
        Path notebook = JupyterHarness.testDir().resolve("notebooks/kernel-tour.ipynb");
        Path out = prefix.resolve("out");
        JupyterHarness.Result r = JupyterHarness.run(List.of(JupyterHarness.PYTHON, "-m", "nbconvert",
                "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.kernel_name=" + JupyterHarness.KERNEL_NAME,
                "--ExecutePreprocessor.timeout=120", "--output-dir", out.toString(), notebook.toString()),
                h.env(), 170);
        assertThat(r.exit()).as(r.output()).isZero();
        Map<String, JsonArray> outputs = outputsByTag(out.resolve("kernel-tour.ipynb"));

        assertThat(text(result(outputs.get("result")))).isEqualTo("42");

        // display() then updateDisplay(): the display_data shows the updated value
        JsonObject shown = single(outputs.get("display"), "display_data");
        assertThat(text(shown)).isEqualTo("second version");
        assertThat(text(result(outputs.get("display")))).isEqualTo("36"); // a UUID display id

        assertThat(data(result(outputs.get("image"))).get("image/png").getAsString()).startsWith("iVBORw0KGgo");
        assertThat(data(result(outputs.get("path-image"))).get("image/png").getAsString()).startsWith("iVBORw0KGgo");
        assertThat(data(result(outputs.get("html"))).get("text/html").getAsString()).isEqualTo("<b>bold</b> from <i>HTML</i>");
        assertThat(data(result(outputs.get("markdown"))).get("text/markdown").getAsString()).contains("**Markdown**");

        assertThat(text(result(outputs.get("maven")))).contains("commons-text-1.12.0.jar").contains("commons-lang3");
        assertThat(text(result(outputs.get("maven-use")))).isEqualTo("Hello World cba");

        JsonObject error = single(outputs.get("error"), "error");
        assertThat(error.get("ename").getAsString()).isEqualTo("java.lang.NumberFormatException");
        String traceback = error.getAsJsonArray("traceback").toString();
        assertThat(traceback).contains("line 1: int parsed = Integer.parseInt(").doesNotContain("rv.kernel")
                .doesNotContain("jdk.jshell");

        JsonObject stream = single(outputs.get("after-error"), "stream");
        assertThat(stream.get("text").getAsString()).isEqualTo("still running after the error\n");

        assertThat(single(outputs.get("time"), "stream").get("text").getAsString()).startsWith("Wall time: ");
        assertThat(text(result(outputs.get("time")))).isEqualTo("500500");

        assertThat(outputs.get("write-jsh")).isEmpty(); // trailing ';' hides the value
        assertThat(text(result(outputs.get("load")))).isEqualTo("42");
        assertThat(text(result(outputs.get("kernel-lock")))).isEqualTo("no deadlock");
        assertThat(data(result(outputs.get("javascript"))).get("application/javascript").getAsString())
                .contains("console.log");
    }

    private static Map<String, JsonArray> outputsByTag(Path executed) throws Exception {
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        Map<String, JsonArray> byTag = new HashMap<>();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            JsonArray tags = cell.getAsJsonObject("metadata").getAsJsonArray("tags");
            byTag.put(tags.get(0).getAsString(), cell.getAsJsonArray("outputs"));
        }
        return byTag;
    }

    private static JsonObject single(JsonArray outputs, String type) {
        List<JsonObject> matching = outputs.asList().stream().map(JsonElement::getAsJsonObject)
                .filter(o -> type.equals(o.get("output_type").getAsString())).toList();
        assertThat(matching).as("%s outputs in %s", type, outputs).hasSize(1);
        return matching.get(0);
    }

    private static JsonObject result(JsonArray outputs) {
        return single(outputs, "execute_result");
    }

    private static JsonObject data(JsonObject output) {
        return output.getAsJsonObject("data");
    }

    /** text/plain of an output; nbformat may store it as a list of lines. */
    private static String text(JsonObject output) {
        JsonElement t = data(output).get("text/plain");
        if (t.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            t.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return t.getAsString();
    }
}
