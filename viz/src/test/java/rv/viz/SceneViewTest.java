package rv.viz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.ClassConfig;
import rv.core.CrsTransformer;
import rv.data.raster.RasterSources;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SceneViewTest {
    @TempDir Path dir;

    @Test
    void labelsAreBlendedInClassColourAndAoiOutlined() throws Exception {
        var demo = DemoFixture.scene(dir);
        ClassConfig classes = ClassConfig.builder().names("background", "building", "car").colors(java.util.List.of("black", "red", "blue")).draft();
        SceneView plain = SceneView.of(demo.image().toString());
        SceneView labelled = plain.classes(classes).labels(demo.buildings().toString()).aoi(demo.aoi().toString());
        BufferedImage a = plain.image();
        BufferedImage b = labelled.image();
        assertThat(a.getWidth()).isEqualTo(256);
        // The building layer is red at 45 %: count pixels whose red rose and blue fell against the plain image.
        int redder = 0, yellow = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                Color p = new Color(a.getRGB(x, y)), q = new Color(b.getRGB(x, y));
                if (q.getRed() > p.getRed() + 20 && q.getBlue() < p.getBlue()) redder++;
                if (q.getRGB() == Color.YELLOW.getRGB()) yellow++;
            }
        }
        assertThat(redder).as("pixels tinted by building labels").isGreaterThan(500);
        assertThat(yellow).as("AOI outline pixels").isGreaterThan(50);
        MimeBundle bundle = RendererRegistry.standard().render(labelled);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(bundle.png()));
        assertThat(png.getWidth()).isEqualTo(256);
        assertThat(bundle.text()).contains("EPSG:32611").contains("features");
    }

    @Test
    void channelsPickBandsOfTheSource() {
        var demo = DemoFixture.scene(dir);
        SceneView s = SceneView.of(demo.image().toString());
        BufferedImage rgb = s.image();
        BufferedImage bgr = s.channels(2, 1, 0).image();
        BufferedImage nir = s.channels(3).image();
        Color a = new Color(rgb.getRGB(40, 40)), b = new Color(bgr.getRGB(40, 40)), n = new Color(nir.getRGB(40, 40));
        assertThat(b.getRed()).isEqualTo(a.getBlue());
        assertThat(b.getBlue()).isEqualTo(a.getRed());
        assertThat(n.getRed()).isEqualTo(n.getGreen()).isEqualTo(n.getBlue()); // one band: grey
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.channels(0, 1, 4)).hasMessageContaining("band 4 out of range");
    }

    @Test
    void largeScenesAreSubsampledToMaxSize() {
        var demo = DemoFixture.scene(dir);
        BufferedImage img = SceneView.of(demo.image().toString()).maxSize(100).image();
        assertThat(Math.max(img.getWidth(), img.getHeight())).isEqualTo(100);
    }

    @Test
    void mapIsOfflineAndPlacesTheSceneWhereItIs() throws Exception {
        var demo = DemoFixture.scene(dir);
        SceneView scene = SceneView.of(demo.image().toString()).labels("buildings", demo.buildings().toString()).aoi(demo.aoi().toString());
        LeafletMap map = scene.map();
        String html = map.bundle().html();
        assertThat(html).contains("L.imageOverlay").contains("L.control.layers").contains("leaflet-container") // CSS inlined
                .contains("data:image/png;base64,");
        // No network: nothing is loaded from a URL (Leaflet's own attribution link is a link, not a load).
        assertThat(html).doesNotContainPattern("src\\s*=\\s*[\"']https?:").doesNotContainPattern("url\\(\\s*[\"']?https?:")
                .doesNotContain("<link").contains("attributionControl: false");
        assertThat(html).doesNotContain("sourceMappingURL").doesNotContain("unpkg.com");
        assertThat(Pattern.compile("\"type\":\"Feature\"").matcher(html).results().count())
                .isEqualTo(demo.buildingCount() + 1L); // buildings + AOI
        LeafletMap.ImageOverlay o = map.images().get(0);
        try (var src = RasterSources.open(demo.image().toString())) {
            double[] centre = CrsTransformer.of(src).pixelToLonLat(128, 128);
            assertThat(centre[0]).isBetween(o.west(), o.east());
            assertThat(centre[1]).isBetween(o.south(), o.north());
            BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(o.png()));
            assertThat(overlay.getRGB(overlay.getWidth() / 2, overlay.getHeight() / 2) >>> 24).isEqualTo(255);
            assertThat(o.east() - o.west()).isLessThan(0.01); // 256 px at 0.3 m ≈ 77 m
        }
        Path saved = map.bundle().save(dir.resolve("map.html"));
        assertThat(Files.readString(saved)).startsWith("<!DOCTYPE html>");
    }
}
