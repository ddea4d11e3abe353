package rv.notebook;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import rv.kernel.RvKernel;
import rv.magics.MagicRegistry;
import rv.viz.DisplayHandle;
import rv.viz.DisplaySink;
import rv.viz.Displays;
import rv.viz.MimeBundle;
import rv.viz.RendererRegistry;

import java.util.Map;
import java.util.UUID;

/**
 * Plugs rv's renderers, magics and display sink into a JJava-based kernel: rv's own kernel or the
 * JJava kernel (both find {@link RvExtension} through JJava's Extension SPI).
 */
final class JJavaBridge {
    private JJavaBridge() {}

    static void install(BaseKernel kernel) {
        RendererRegistry registry = RendererRegistry.standard();
        for (Class<?> type : registry.types()) register(kernel, registry, type);
        MagicRegistry magics = MagicRegistry.standard();
        magics.lineMagics().forEach((name, m) -> kernel.getMagicsRegistry().registerLineMagic(name,
                (BaseKernel k, java.util.List<String> args) -> toDisplayData(m.eval(args))));
        magics.cellMagics().forEach((name, m) -> kernel.getMagicsRegistry().registerCellMagic(name,
                (BaseKernel k, java.util.List<String> args, String body) -> toDisplayData(m.eval(args, body))));
        Displays.install(sink(kernel));
    }

    private static <T> void register(BaseKernel kernel, RendererRegistry registry, Class<T> type) {
        kernel.getRenderer().createRegistration(type)
                .preferring("text/html", "image/png", "application/json", "text/plain")
                .register((value, ctx) -> ctx.getOutputContainer().assign(convert(registry.render(value))));
    }

    /** A magic's value as display data (null stays null: nothing to show). */
    static Object toDisplayData(Object value) {
        if (value == null || value instanceof DisplayData) return value;
        return convert(RendererRegistry.standard().render(value));
    }

    static DisplayData convert(MimeBundle b) {
        DisplayData dd = new DisplayData(b.text());
        for (Map.Entry<String, String> e : b.data().entrySet()) {
            if (!e.getKey().equals(MimeBundle.TEXT)) dd.putData(e.getKey(), e.getValue());
        }
        b.metadata().forEach(dd::putMetaData);
        return dd;
    }

    /** Displays through the kernel; in-place updates where the kernel supports them (rv's kernel does). */
    static DisplaySink sink(BaseKernel kernel) {
        return bundle -> {
            String id = UUID.randomUUID().toString();
            DisplayData dd = convert(bundle);
            dd.setDisplayId(id);
            kernel.display(dd);
            return new DisplayHandle() {
                @Override public String id() { return id; }

                @Override public void update(MimeBundle next) {
                    DisplayData u = convert(next);
                    u.setDisplayId(id);
                    if (kernel instanceof RvKernel rk) rk.updateDisplay(id, u);
                    else kernel.display(u); // JJava has no update_display: show the new state below
                }
            };
        };
    }
}
