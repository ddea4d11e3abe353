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
        if (kernel instanceof RvKernel rk) {
            // In rv's kernel the magic runs as a cell snippet, on a cell thread: an interrupt stops a long %rv run.
            magics.lineMagics().keySet().forEach(name -> kernel.getMagicsRegistry().registerLineMagic(name,
                    (BaseKernel k, java.util.List<String> args) -> toDisplayData(inCell(rk,
                            "rv.magics.MagicRegistry.standard().evalLineArgs(" + literal(name) + ", " + listOf(args) + ")"))));
            magics.cellMagics().keySet().forEach(name -> kernel.getMagicsRegistry().registerCellMagic(name,
                    (BaseKernel k, java.util.List<String> args, String body) -> toDisplayData(inCell(rk,
                            "rv.magics.MagicRegistry.standard().evalCellArgs(" + literal(name) + ", " + listOf(args) + ", " + literal(body) + ")"))));
        } else {
            magics.lineMagics().forEach((name, m) -> kernel.getMagicsRegistry().registerLineMagic(name,
                    (BaseKernel k, java.util.List<String> args) -> toDisplayData(m.eval(args))));
            magics.cellMagics().forEach((name, m) -> kernel.getMagicsRegistry().registerCellMagic(name,
                    (BaseKernel k, java.util.List<String> args, String body) -> toDisplayData(m.eval(args, body))));
        }
        Displays.install(sink(kernel));
    }

    /** Evaluates {@code java} as a snippet of the running cell; its errors come back as the cell's error. */
    private static Object inCell(RvKernel kernel, String java) throws Exception {
        try {
            return kernel.evalRaw(java);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof rv.kernel.exec.CellError ce) throw ce;
            throw e;
        }
    }

    static String listOf(java.util.List<String> args) {
        StringBuilder sb = new StringBuilder("java.util.List.of(");
        for (int i = 0; i < args.size(); i++) sb.append(i == 0 ? "" : ", ").append(literal(args.get(i)));
        return sb.append(')').toString();
    }

    /** A Java string literal of {@code s}. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
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
