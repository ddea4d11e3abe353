package rv.notebooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/rv jshell}: JShell with rv and its start-up script; values print as text and save as PNG/HTML. */
class JShellIT {
    @TempDir Path dir;

    @Test
    void jshellRunsTheNotebookApiWithTextFallbackAndSavedFiles() throws Exception {
        Jupyter.kernelJar();
        String d = dir.toString().replace("\\", "/");
        Path script = Files.writeString(dir.resolve("session.jsh"), String.join("\n",
                "Rv.cli(\"demo-data\", \"" + d + "/data\", \"--size\", \"96\", \"--scenes\", \"1\");",
                "var scene = Rv.scene(\"" + d + "/data/scene_0.tif\").labels(\"" + d + "/data/scene_0_buildings.geojson\");",
                "Rv.show(scene);",
                "Rv.save(scene, \"" + d + "/scene.png\");",
                "Rv.save(scene.map(), \"" + d + "/map.html\");",
                "Rv.show(Rv.magic(\"help\"));",
                "/exit", ""));
        Jupyter.Result r = Jupyter.run(List.of("bash", Jupyter.repoRoot().resolve("bin/rv").toString(), "jshell", script.toString()),
                Map.of("RV_SKIP_BUILD", "1"), dir, 180);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("rv JShell:").contains("scene_0.tif: 96x96 px, 4 band(s), UINT16, EPSG:32611; scene_0_buildings.geojson")
                .contains("Usage: %rv").doesNotContain("Exception");
        assertThat(ImageIO.read(dir.resolve("scene.png").toFile()).getWidth()).isEqualTo(96);
        assertThat(Files.readString(dir.resolve("map.html"))).startsWith("<!DOCTYPE html>").contains("L.imageOverlay");
    }
}
