package rv.notebook;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;
import rv.magics.ProgressDisplay;
import rv.viz.Displays;
import rv.viz.SceneView;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The same extension classes in a plain JJava kernel (Extension SPI) and in stock IJava's base kernel. */
class AdaptersTest {
    @TempDir Path dir;

    @AfterEach
    void reset() { Displays.uninstall(); }

    /** JJava's BaseKernel with nothing but what extensions use; records displays. */
    static final class PlainJJavaKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();

        PlainJJavaKernel() {
            super("plain", "0", new org.dflib.jjava.jupyter.kernel.LanguageInfo.Builder("java").build(), List.of(), null,
                    new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), false,
                    new StringStyler.Builder().build());
        }

        @Override public Object evalRaw(String code) { return null; }
        @Override public DisplayData inspect(String code, int at, boolean extra) { return null; }
        @Override public ReplacementOptions complete(String code, int at) { return null; }
        @Override public String isComplete(String code) { return "complete"; }
        @Override public void display(DisplayData dd) { shown.add(dd); }
    }

    @Test
    void jjavaExtensionSpiInstallsRenderersMagicsAndDisplays() throws Exception {
        List<Extension> found = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).hasAtLeastOneElementOfType(RvExtension.class);
        PlainJJavaKernel k = new PlainJJavaKernel();
        found.stream().filter(e -> e instanceof RvExtension).findFirst().orElseThrow().install(k);

        var demo = new DemoSceneGenerator().generate(dir, new DemoOptions(96, 1, 1)).get(0);
        DisplayData scene = k.getRenderer().render(SceneView.of(demo.image().toString()));
        assertThat((String) scene.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG)).startsWith("iVBORw0KGgo");
        DisplayData map = k.getRenderer().render(SceneView.of(demo.image().toString()).labels(demo.buildings().toString()).map());
        assertThat((String) map.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)).contains("L.imageOverlay");

        assertThat(k.getMagicsRegistry().getLineMagicNames()).contains("rv");
        assertThat(k.getMagicsRegistry().getCellMagicNames()).contains("rv");
        Object help = k.getMagicsRegistry().evalLineMagic(k, "rv", List.of("help"));
        assertThat(help).isInstanceOf(DisplayData.class);
        assertThat(((DisplayData) help).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN).toString()).contains("demo-data");

        try (ProgressDisplay p = ProgressDisplay.start("chip")) {
            p.finish(true);
        }
        // JJava has no update_display: the start and the final state are both shown
        assertThat(k.shown).hasSize(2);
        assertThat(k.shown.get(1).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML).toString()).contains("data-state=\"done\"");
    }

    @Test
    void magicArgumentsBecomeJavaLiterals() {
        assertThat(JJavaBridge.literal("a\"b\\c\nd\u00e9")).isEqualTo("\"a\\\"b\\\\c\\nd\\u00e9\"");
        assertThat(JJavaBridge.listOf(List.of("run", "my cfg"))).isEqualTo("java.util.List.of(\"run\", \"my cfg\")");
        assertThat(JJavaBridge.listOf(List.of())).isEqualTo("java.util.List.of()");
    }

    /** SpencerPark's BaseKernel, as IJava extends it, with IJava's getMagics(). */
    public static final class StockIJavaKernel extends io.github.spencerpark.jupyter.kernel.BaseKernel {
        final Magics magics = new Magics();
        final List<io.github.spencerpark.jupyter.kernel.display.DisplayData> shown = new ArrayList<>();

        public Magics getMagics() { return magics; }
        @Override public io.github.spencerpark.jupyter.kernel.display.DisplayData eval(String expr) { return null; }
        @Override public LanguageInfo getLanguageInfo() { return new LanguageInfo("java", "17", "text/x-java-source", ".jshell", "java", "java", "script"); }
        @Override public void display(io.github.spencerpark.jupyter.kernel.display.DisplayData dd) { shown.add(dd); }
    }

    @Test
    void ijavaAdapterFindsTheKernelAndDisplaysMagicResults() throws Exception {
        StockIJavaKernel k = new StockIJavaKernel();
        io.github.spencerpark.ijava.IJava.set(k);
        String summary = IJava.install();
        assertThat(summary).contains("renderers").contains("2 magics");
        io.github.spencerpark.jupyter.kernel.display.DisplayData dd = k.getRenderer().render(rv.core.ClassConfig.builder().names("a").draft());
        assertThat(dd.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML).toString()).contains("<details");
        Object ret = k.getMagics().applyLineMagic("rv", List.of("help", "run"));
        assertThat(ret).isNull(); // IJava would drop it: the adapter displayed it instead
        assertThat(k.shown).hasSize(1);
        assertThat(k.shown.get(0).getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN).toString()).contains("--rerun");
        Rv.show("x");
        assertThat(k.shown).hasSize(2);
        io.github.spencerpark.ijava.IJava.set(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(IJava::install).hasMessageContaining("not a kernel");
    }
}
