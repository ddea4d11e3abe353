package rv.viz;

import java.io.PrintStream;
import java.util.Objects;
import java.util.UUID;

/** The JVM's current {@link DisplaySink}: the kernel's when one is installed, else text on standard output. */
public final class Displays {
    private static volatile DisplaySink sink;

    private Displays() {}

    /** Installs the sink of a notebook kernel (called by the kernel adapters). */
    public static void install(DisplaySink s) { sink = Objects.requireNonNull(s); }

    /** Removes an installed sink (back to console text). */
    public static void uninstall() { sink = null; }

    /** Whether a notebook kernel installed a sink. */
    public static boolean inNotebook() { return sink != null; }

    public static DisplaySink sink() {
        DisplaySink s = sink;
        return s != null ? s : console(System.out);
    }

    /** Renders {@code value} with the standard registry and shows it. */
    public static DisplayHandle show(Object value) {
        return sink().show(RendererRegistry.standard().render(value));
    }

    /** A sink that prints the text form; an update prints the new text only when it changed. */
    public static DisplaySink console(PrintStream out) {
        return bundle -> {
            out.println(bundle.text());
            String id = UUID.randomUUID().toString();
            String[] last = {bundle.text()};
            return new DisplayHandle() {
                @Override public String id() { return id; }

                @Override public void update(MimeBundle b) {
                    if (!b.text().equals(last[0])) {
                        last[0] = b.text();
                        out.println(b.text());
                    }
                }
            };
        };
    }
}
