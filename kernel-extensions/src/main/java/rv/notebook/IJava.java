package rv.notebook;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import rv.core.RvException;
import rv.magics.MagicRegistry;
import rv.viz.DisplayHandle;
import rv.viz.DisplaySink;
import rv.viz.Displays;
import rv.viz.MimeBundle;
import rv.viz.RendererRegistry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * rv in stock IJava (SpencerPark's kernel): {@code %jars path/to/rv-kernel.jar} then
 * {@code rv.notebook.IJava.install();}. Registers rv's renderers and the {@code %rv} magics with
 * IJava's kernel, found reflectively, so this class needs IJava only at run time. IJava drops a
 * magic's return value, so magic results are displayed explicitly.
 */
public final class IJava {
    private IJava() {}

    /** Finds IJava's running kernel ({@code io.github.spencerpark.ijava.IJava.getKernelInstance()}) and installs rv into it. */
    public static String install() {
        Object kernel;
        try {
            Class<?> ijava = Class.forName("io.github.spencerpark.ijava.IJava", true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : IJava.class.getClassLoader());
            kernel = ijava.getMethod("getKernelInstance").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RvException("IJava is not running in this JVM (" + e + "); use rv's kernel (rv kernel install) or JJava instead");
        }
        if (!(kernel instanceof BaseKernel bk)) throw new RvException("IJava.getKernelInstance() returned " + kernel + ", not a kernel");
        return install(bk);
    }

    /** Installs renderers, magics and the display sink into {@code kernel}; returns a one-line summary. */
    public static String install(BaseKernel kernel) {
        RendererRegistry registry = RendererRegistry.standard();
        for (Class<?> type : registry.types()) register(kernel, registry, type);
        Object magics;
        try {
            magics = kernel.getClass().getMethod("getMagics").invoke(kernel);
        } catch (ReflectiveOperationException e) {
            magics = null; // a kernel without magics: renderers and displays still work
        }
        int magicCount = 0;
        if (magics instanceof io.github.spencerpark.jupyter.kernel.magic.registry.Magics m) {
            MagicRegistry ours = MagicRegistry.standard();
            for (Map.Entry<String, rv.magics.LineMagic> e : ours.lineMagics().entrySet()) {
                rv.magics.LineMagic lm = e.getValue();
                m.registerLineMagic(e.getKey(), (LineMagicFunction<Object>) args -> showResult(kernel, lm.eval(args)));
                magicCount++;
            }
            for (Map.Entry<String, rv.magics.CellMagic> e : ours.cellMagics().entrySet()) {
                rv.magics.CellMagic cm = e.getValue();
                m.registerCellMagic(e.getKey(), (CellMagicFunction<Object>) (args, body) -> showResult(kernel, cm.eval(args, body)));
                magicCount++;
            }
        }
        Displays.install(sink(kernel));
        return "rv installed: " + registry.types().size() + " renderers, " + magicCount + " magics";
    }

    private static <T> void register(BaseKernel kernel, RendererRegistry registry, Class<T> type) {
        kernel.getRenderer().createRegistration(type)
                .preferring("text/html", "image/png", "application/json", "text/plain")
                .register((value, ctx) -> ctx.getOutputContainer().assign(convert(registry.render(value))));
    }

    private static Object showResult(BaseKernel kernel, Object value) {
        if (value != null) kernel.display(convert(RendererRegistry.standard().render(value)));
        return null;
    }

    static DisplayData convert(MimeBundle b) {
        DisplayData dd = new DisplayData(b.text());
        for (Map.Entry<String, String> e : b.data().entrySet()) {
            if (!e.getKey().equals(MimeBundle.TEXT)) dd.putData(e.getKey(), e.getValue());
        }
        b.metadata().forEach(dd::putMetaData);
        return dd;
    }

    static DisplaySink sink(BaseKernel kernel) {
        return bundle -> {
            String id = UUID.randomUUID().toString();
            DisplayData dd = convert(bundle);
            dd.setDisplayId(id);
            kernel.display(dd);
            return new DisplayHandle() {
                @Override public String id() { return id; }

                @Override public void update(MimeBundle next) {
                    kernel.getIO().display.updateDisplay(id, convert(next));
                }
            };
        };
    }

    /** The magics rv adds, for messages. */
    static List<String> magicNames() {
        return List.copyOf(MagicRegistry.standard().lineMagics().keySet());
    }
}
