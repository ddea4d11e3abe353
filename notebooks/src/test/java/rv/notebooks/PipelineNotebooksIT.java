package rv.notebooks;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executes the notebooks that train models (01-quickstart, 03-chip-classification, 04-object-detection,
 * 05-predict-with-a-bundle) with nbconvert on
 * rv's kernel: every command's progress display ends done at 100 %, the eval table, charts and maps
 * are there, no cell errors; 01's HTML opens in headless Chromium with the network off.
 */
class PipelineNotebooksIT {
    static final String PNG = "image/png";
    static final String HTML = "text/html";

    @Test
    void quickstartNotebookTrainsAndShowsProgressMapsAndMetrics() throws Exception {
        Path out = Jupyter.outDir().resolve("01-quickstart");
        Jupyter j = Jupyter.install(out.resolve("prefix"));
        long t0 = System.nanoTime();
        Path executed = j.execute(Jupyter.notebooksDir().resolve("01-quickstart.ipynb"), out.resolve("work"), 300);
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, JsonArray> o = Jupyter.outputsByTag(executed);
        assertThat(Jupyter.errors(o)).as("cells with errors").isEmpty();
        assertThat(secs).as("runs within the 5-minute budget on CPU").isLessThan(300);
        assertThat(Jupyter.data(o.get("scene-map")).get(HTML)).contains("L.imageOverlay").contains("scene_1_buildings.geojson");
        assertProgressAndEval(o.get("run"), "train");
        assertThat(Jupyter.data(o.get("history"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("compare"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("prediction-map")).get(HTML)).contains("scene_1-1-polygons.json");
        assertThat(Jupyter.data(o.get("metrics")).get(HTML)).contains("<table").contains("building");
        Path evalJson = out.resolve("work/qs/semantic_segmentation/eval/eval.json");
        assertThat(evalJson).isRegularFile();
        assertThat(out.resolve("work/qs/semantic_segmentation/bundle/model-bundle.zip")).isRegularFile();

        // Acceptance 4: bin/rv quickstart's code path (rv.cli.Main quickstart, its own JVM) with the same
        // epochs and seed writes the same eval.json, byte for byte.
        assertThat(Jupyter.source(executed, "config")).contains("Quickstart.config(rv.task.TaskKind.SEMANTIC_SEGMENTATION, java.nio.file.Path.of(\"qs\"), 2)");
        String cp = Jupyter.kernelJar() + java.io.File.pathSeparator + Jupyter.kernelJar().resolveSibling("lib") + "/*";
        long c0 = System.nanoTime();
        Jupyter.Result cli = Jupyter.run(java.util.List.of(Jupyter.java(), "-Dai.djl.offline=true", "-cp", cp, "rv.cli.Main",
                "quickstart", "--out", "qs-cli", "--epochs", "2"), Map.of(), out.resolve("work"), 300);
        assertThat(cli.exit()).as(cli.output()).isZero();
        System.out.printf("01-quickstart: notebook %.0f s, rv quickstart %.0f s%n", secs, (System.nanoTime() - c0) / 1e9);
        assertThat(Files.readString(out.resolve("work/qs-cli/semantic_segmentation/eval/eval.json")))
                .isEqualTo(Files.readString(evalJson));

        Path html = j.toHtml(executed);
        String probe = Browser.probe(html, Jupyter.outDir().resolve("01-quickstart.png"));
        assertThat(probe).contains("\"containers\":2").contains("\"overlays\":2").contains("\"loaded\":2").contains("\"network\":[]")
                .contains("\"analyze=done\"").contains("\"train=done\"").contains("\"bundle=done\"");
        assertThat(probe).doesNotContain("=running").doesNotContain("=failed");
        assertThat(probe.replaceAll(".*\"progressMax\":\\[([^]]*)].*", "$1").split(",")).hasSize(6).containsOnly("100");
        assertThat(Integer.parseInt(probe.replaceAll(".*\"paths\":(\\d+).*", "$1"))).isGreaterThan(10);
    }

    @Test
    void chipClassificationNotebookRuns() throws Exception {
        Path out = Jupyter.outDir().resolve("03-chip-classification");
        Jupyter j = Jupyter.install(out.resolve("prefix"));
        Path executed = j.execute(Jupyter.notebooksDir().resolve("03-chip-classification.ipynb"), out.resolve("work"), 300);
        Map<String, JsonArray> o = Jupyter.outputsByTag(executed);
        assertThat(Jupyter.errors(o)).as("cells with errors").isEmpty();
        assertThat(Jupyter.data(o.get("config")).get(HTML)).contains("<details").contains("chip_classification");
        assertProgressAndEval(o.get("run"), "predict");
        assertThat(Jupyter.data(o.get("chips")).get("text/plain")).contains("16 of 36 chips").contains("chip_classification");
        assertThat(Jupyter.data(o.get("history")).get(HTML).split("<img").length - 1).isEqualTo(3);
        assertThat(Jupyter.data(o.get("metrics")).get(HTML)).contains("<table").contains("building").contains("<img");
        assertThat(Jupyter.data(o.get("compare"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("map")).get(HTML)).contains("L.imageOverlay").contains("scene_1.json");
        assertThat(Files.exists(out.resolve("work/cc/bundle/model-bundle.zip"))).isTrue();

        // The same config through the CLI (rv run) gives the same eval.json, byte for byte.
        String cell = Jupyter.source(executed, "config");
        String script = cell.substring(cell.indexOf('\n') + 1).replace("Path.of(\"cc\")", "Path.of(\"cc-cli\")");
        assertThat(script).contains("cc-cli");
        Path jsh = Files.writeString(out.resolve("work/cc-cli.jsh"), script);
        String cp = Jupyter.kernelJar() + java.io.File.pathSeparator + Jupyter.kernelJar().resolveSibling("lib") + "/*";
        Jupyter.Result cli = Jupyter.run(java.util.List.of(Jupyter.java(), "-Dai.djl.offline=true", "-cp", cp, "rv.cli.Main",
                "run", "inprocess", jsh.toString()), Map.of(), out.resolve("work"), 300);
        assertThat(cli.exit()).as(cli.output()).isZero();
        assertThat(Files.readString(out.resolve("work/cc-cli/eval/eval.json")))
                .isEqualTo(Files.readString(out.resolve("work/cc/eval/eval.json")));
    }

    @Test
    void objectDetectionNotebookRuns() throws Exception {
        Path out = Jupyter.outDir().resolve("04-object-detection");
        Jupyter j = Jupyter.install(out.resolve("prefix"));
        long t0 = System.nanoTime();
        Path executed = j.execute(Jupyter.notebooksDir().resolve("04-object-detection.ipynb"), out.resolve("work"), 300);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("04-object-detection: %.0f s%n", secs);
        Map<String, JsonArray> o = Jupyter.outputsByTag(executed);
        assertThat(Jupyter.errors(o)).as("cells with errors").isEmpty();
        assertThat(secs).as("runs within the 5-minute budget on CPU").isLessThan(300);
        assertThat(Jupyter.data(o.get("scene-map")).get(HTML)).contains("L.imageOverlay").contains("scene_1_cars.geojson");
        assertThat(Jupyter.data(o.get("config")).get(HTML)).contains("<details").contains("object_detection");
        assertProgressAndEval(o.get("run"), "train");
        assertThat(Jupyter.data(o.get("history"))).isNotEmpty();
        assertThat(Jupyter.data(o.get("metrics")).get(HTML)).contains("<table").contains("car");
        assertThat(Jupyter.data(o.get("compare"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("map")).get(HTML)).contains("L.imageOverlay").contains("scene_1.json").contains("scene_1_cars.geojson");
        assertThat(out.resolve("work/qs/object_detection/bundle/model-bundle.zip")).isRegularFile();
    }

    @Test
    void predictWithABundleNotebookRuns() throws Exception {
        Path out = Jupyter.outDir().resolve("05-predict-with-a-bundle");
        Jupyter j = Jupyter.install(out.resolve("prefix"));
        long t0 = System.nanoTime();
        Path executed = j.execute(Jupyter.notebooksDir().resolve("05-predict-with-a-bundle.ipynb"), out.resolve("work"), 300);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("05-predict-with-a-bundle: %.0f s%n", secs);
        Map<String, JsonArray> o = Jupyter.outputsByTag(executed);
        assertThat(Jupyter.errors(o)).as("cells with errors").isEmpty();
        assertThat(secs).as("runs within the 5-minute budget on CPU").isLessThan(300);
        assertProgressAndEval(o.get("run"), "bundle");
        assertThat(Jupyter.data(o.get("new-scene"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("predict")).get(HTML)).contains("leaflet").contains("L.imageOverlay").contains("prediction");
        assertThat(out.resolve("work/new/prediction.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("work/new/prediction.json"))).contains("\"FeatureCollection\"").contains("\"class_name\"");
        assertThat(Jupyter.data(o.get("summary")).get("text/plain")).matches("(?s).*\\b36 cells, \\d+ predicted as building.*");
    }

    /** Six progress displays, each updated in place to done/100 %, then the result with the eval table. */
    private static void assertProgressAndEval(JsonArray run, String someCommand) {
        int displays = 0;
        for (var e : run) {
            var out = e.getAsJsonObject();
            if (!"display_data".equals(out.get("output_type").getAsString())) continue;
            displays++;
            String html = out.getAsJsonObject("data").get(HTML).getAsString();
            assertThat(html).contains("data-state=\"done\"").contains("value=\"100\"");
        }
        assertThat(displays).as("one display per command").isEqualTo(6);
        Map<String, String> result = Jupyter.data(run);
        assertThat(result.get("text/plain")).contains("ran analyze, chip, train, predict, eval, bundle");
        assertThat(result.get(HTML)).contains("<table").contains("f1").contains(someCommand.isEmpty() ? "" : "rv run");
    }
}
