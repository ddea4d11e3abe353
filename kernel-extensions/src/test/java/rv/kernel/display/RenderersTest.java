package rv.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {
    private final Renderer renderer = new Renderer();

    RenderersTest() {
        Image.registerAll(renderer);
        Renderers.registerDefaults(renderer);
    }

    @Test
    void pathToAnImageShowsTheImageOtherPathsShowText(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("tile.png");
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        DisplayData dd = renderer.render(png);
        byte[] bytes = Base64.getDecoder().decode((String) dd.getData(MIMEType.parse("image/png")));
        assertThat(bytes).isEqualTo(Files.readAllBytes(png));
        assertThat(dd.getData(MIMEType.TEXT_PLAIN)).isEqualTo(png.toString());

        DisplayData txt = renderer.render(Files.writeString(dir.resolve("notes.txt"), "x"));
        assertThat(txt.hasDataForType(MIMEType.parse("image/png"))).isFalse();
    }

    @Test
    void urlsBecomeEscapedLinksOrImages() throws Exception {
        DisplayData link = renderer.render(new URL("https://example.com/a?b=1&c=\"2\""));
        assertThat(link.getData(MIMEType.TEXT_HTML))
                .isEqualTo("<a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\" target=\"_blank\">"
                        + "https://example.com/a?b=1&amp;c=&quot;2&quot;</a>");
        assertThat(renderer.render(new URL("https://example.com/x.PNG")).getData(MIMEType.TEXT_HTML))
                .isEqualTo("<img src=\"https://example.com/x.PNG\"/>");
    }
}
