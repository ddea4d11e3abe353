package rv.kernel.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelSpecsTest {

    @Test
    void prefixOptionUsesJupytersLayout(@TempDir Path p) {
        KernelSpecs.Options o = KernelSpecs.parse(new String[]{"--prefix", p.toString(), "--name", "jx", "--jvm-opts", "-Xmx1g -Dx=1"});
        assertThat(o.kernelsDir()).isEqualTo(p.toAbsolutePath().resolve("share/jupyter/kernels"));
        assertThat(o.name()).isEqualTo("jx");
        JsonObject spec = JsonParser.parseString(KernelSpecs.kernelJson(o, Path.of("/opt/rv-kernel.jar"), null)).getAsJsonObject();
        assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        assertThat(spec.getAsJsonArray("argv").toString())
                .contains("\"-Xmx1g\",\"-Dx=1\",\"-jar\",\"/opt/rv-kernel.jar\",\"run\",\"{connection_file}\"");
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> KernelSpecs.parse(new String[]{"--bogus"})).hasMessageContaining("unknown option '--bogus'");
        assertThatThrownBy(() -> KernelSpecs.parse(new String[]{"--name", "a b"})).hasMessageContaining("--name 'a b'");
        assertThatThrownBy(() -> KernelSpecs.parse(new String[]{"--prefix"})).hasMessageContaining("--prefix needs a value");
    }

    @Test
    void logoIsAPngOfTheRequestedSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logo.writePng(64, out);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(img.getWidth()).isEqualTo(64);
        assertThat(img.getHeight()).isEqualTo(64);
        assertThat(img.getRGB(32, 32)).isNotEqualTo(img.getRGB(0, 0));
    }

    @Test
    void archiveOlderThanTheJarOrItsLibrariesIsStale(@TempDir Path dir) throws Exception {
        Path jar = java.nio.file.Files.writeString(dir.resolve("rv-kernel.jar"), "jar");
        Path lib = java.nio.file.Files.createDirectories(dir.resolve("lib"));
        Path dep = java.nio.file.Files.writeString(lib.resolve("dep.jar"), "dep");
        Path archive = java.nio.file.Files.writeString(dir.resolve("rv-kernel.jsa"), "cds");
        var t = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        java.nio.file.Files.setLastModifiedTime(jar, t);
        java.nio.file.Files.setLastModifiedTime(dep, t);
        java.nio.file.Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(t.toMillis() + 1000));
        assertThat(ArchiveRefresh.isStale(archive, jar)).isFalse();
        java.nio.file.Files.setLastModifiedTime(dep, java.nio.file.attribute.FileTime.fromMillis(t.toMillis() + 2000));
        assertThat(ArchiveRefresh.isStale(archive, jar)).isTrue();
        assertThat(ArchiveRefresh.isStale(dir.resolve("missing.jsa"), jar)).isTrue();
    }
}
