package rv.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Jars added at run time that declare a JJava Extension service are installed and usable from cells. */
class ExtensionSpiTest {
    static RvKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new RvKernel(null);
    }

    @AfterAll
    static void stop() {
        kernel.evaluator().close();
    }

    @Test
    void extensionInAnAddedJarIsInstalledAndItsMagicRuns(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/demo/DemoExtension.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package demo;
                import org.dflib.jjava.jupyter.Extension;
                import org.dflib.jjava.jupyter.kernel.BaseKernel;
                public class DemoExtension implements Extension {
                    public static String greet(String who) { return "hello " + who; }
                    @Override public void install(BaseKernel kernel) {
                        kernel.getMagicsRegistry().registerLineMagic("demo",
                                (BaseKernel k, java.util.List<String> args) -> "demo " + args);
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("demo-ext.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("demo/DemoExtension.class"));
            out.write(Files.readAllBytes(classes.resolve("demo/DemoExtension.class")));
            out.putNextEntry(new JarEntry("META-INF/services/org.dflib.jjava.jupyter.Extension"));
            out.write("demo.DemoExtension\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(kernel.getMagicsRegistry().getLineMagicNames()).doesNotContain("demo");
        String summary = kernel.addJars(List.of(jar.toString()));
        assertThat(summary).startsWith("Added 1 path to the classpath").contains("demo-ext.jar");
        assertThat(kernel.getMagicsRegistry().getLineMagicNames()).contains("demo");

        assertThat(kernel.runCell("%demo a b", "In [1]").value()).isEqualTo("demo [a, b]");
        assertThat(kernel.runCell("demo.DemoExtension.greet(\"rv\")", "In [2]").value()).isEqualTo("hello rv");
        // adding it again changes nothing
        assertThat(kernel.addJars(List.of(jar.toString()))).startsWith("Added 0 paths");
    }

    @Test
    void magicReturnValueIsTheCellValue() throws Exception {
        Object v = kernel.runCell("%lsmagic", "In [3]").value();
        assertThat(v.toString()).contains("%maven").contains("%%html");
    }
}
