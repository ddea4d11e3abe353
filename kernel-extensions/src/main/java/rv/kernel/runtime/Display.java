package rv.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import rv.kernel.RvKernel;

/**
 * The notebook API that cells call (statically imported in every session), compatible with IJava:
 * {@code display(x)}, {@code updateDisplay(id, x)}, {@code render(x, mime...)}, {@code clearOutput()}.
 */
public final class Display {
    private Display() {}

    private static RvKernel kernel() {
        RvKernel k = RvKernel.current();
        if (k == null) throw new IllegalStateException("no rv-kernel is running in this JVM");
        return k;
    }

    /** Shows {@code value} below the cell now (optionally only as the given MIME types); returns its display id. */
    public static String display(Object value, String... mimeTypes) {
        return kernel().display(value, mimeTypes);
    }

    /** Replaces the output shown under {@code displayId} by {@code value}. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        kernel().updateDisplay(displayId, value, mimeTypes);
    }

    /** Renders {@code value} to a MIME bundle without showing it (a cell's last value is shown as is). */
    public static DisplayData render(Object value, String... mimeTypes) {
        RvKernel k = kernel();
        return mimeTypes.length == 0 ? k.render(value) : k.getRenderer().renderAs(value, mimeTypes);
    }

    /** Clears the output of the running cell. */
    public static void clearOutput() {
        kernel().clearOutput(false);
    }

    /** Clears the output of the running cell; with {@code wait}, only once new output arrives. */
    public static void clearOutput(boolean wait) {
        kernel().clearOutput(wait);
    }
}
