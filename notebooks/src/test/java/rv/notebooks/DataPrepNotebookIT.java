package rv.notebooks;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Executes notebooks/02-data-prep.ipynb with nbconvert on rv's kernel and checks its outputs. */
class DataPrepNotebookIT {
    static final String PNG = "image/png";
    static final String HTML = "text/html";

    @Test
    void dataPrepNotebookRunsWithImagesTablesAndAMap() throws Exception {
        Path out = Jupyter.outDir().resolve("02-data-prep");
        Jupyter j = Jupyter.install(out.resolve("prefix"));
        long t0 = System.nanoTime();
        Path executed = j.execute(Jupyter.notebooksDir().resolve("02-data-prep.ipynb"), out.resolve("work"), 300);
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, JsonArray> o = Jupyter.outputsByTag(executed);
        assertThat(Jupyter.errors(o)).as("cells with errors").isEmpty();
        assertThat(secs).as("runs within the 5-minute budget").isLessThan(300);

        assertThat(Jupyter.data(o.get("demo-data"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("demo-data")).get(PNG)).startsWith("iVBORw0KGgo");
        assertThat(Jupyter.streams(o.get("demo-data"))).contains("scene_0.tif").contains("buildings");
        assertThat(Jupyter.streams(o.get("info"))).contains("epsg:        32611").contains("600 x 600");
        assertThat(Jupyter.data(o.get("false-colour"))).containsKey(PNG);
        assertThat(Jupyter.data(o.get("window"))).containsKey(PNG);
        Map<String, String> stats = Jupyter.data(o.get("stats"));
        assertThat(stats.get(HTML)).contains("<table").contains("mean").contains("<img");
        assertThat(stats.get("text/plain")).contains("channel");
        assertThat(Files.exists(out.resolve("work/data/stats.json"))).isTrue();
        assertThat(Jupyter.data(o.get("rasterize"))).containsKey(PNG);
        assertThat(Files.exists(out.resolve("work/data/scene_0_labels.tif"))).isTrue();
        assertThat(Jupyter.streams(o.get("cogify"))).contains("scene_0_cog.tif").contains("overview");
        assertThat(Files.exists(out.resolve("work/data/scene_0_cog.tif"))).isTrue();
        assertThat(Jupyter.data(o.get("labels")).get("text/plain")).contains("features").contains("AOI");
        String map = Jupyter.data(o.get("map")).get(HTML);
        assertThat(map).contains("L.imageOverlay").contains("leaflet-container").contains("\"name\":\"scene_0_cars.geojson\"");
        assertThat(map).doesNotContain("unpkg.com").doesNotContain("cdn.");

        Path html = j.toHtml(executed);
        assertThat(Files.readString(html)).contains("L.imageOverlay");
        // The map works in a browser without a network: Leaflet ran, the scene overlay loaded, labels drawn.
        String probe = Browser.probe(html, Jupyter.outDir().resolve("02-data-prep.png"));
        assertThat(probe).contains("\"containers\":1").contains("\"overlays\":1").contains("\"loaded\":1")
                .contains("\"layerControls\":1").contains("\"network\":[]");
        assertThat(Integer.parseInt(probe.replaceAll(".*\"paths\":(\\d+).*", "$1"))).isGreaterThan(10);
    }
}
