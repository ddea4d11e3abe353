package rv.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.kernel.exec.CellError;
import rv.kernel.exec.JavaEvaluator;
import rv.kernel.history.HistoryStore;
import rv.kernel.magic.BuiltinMagics;
import rv.kernel.display.Renderers;
import rv.kernel.wire.KernelServer;
import rv.kernel.wire.Message;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java kernel. It extends JJava's {@link BaseKernel} so that JJava/IJava {@link Extension}s,
 * renderers and magics plug in unchanged, but it serves the Jupyter protocol itself ({@link KernelServer})
 * and guards its state with private locks instead of the kernel object's monitor.
 */
public final class RvKernel extends BaseKernel {
    private static final Logger LOG = LoggerFactory.getLogger(RvKernel.class);
    private static final Gson GSON = new Gson();
    private static final Pattern PAGER = Pattern.compile(
            "^\\s*([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)\\s*(\\(\\s*\\))?\\s*\\?{1,2}\\s*$");
    public static final String VERSION = "0.1.0";

    private final CompletableFuture<JavaEvaluator> evaluator;
    private final HistoryStore history;
    private final ScheduledExecutorService timer;
    private final StreamCapture stdout;
    private final StreamCapture stderr;
    private final Object extensionLock = new Object();
    private volatile KernelServer server;
    private volatile Message currentRequest;
    private volatile boolean interruptPending; // an interrupt for the cell being started or run
    private final List<JsonObject> payloads = new ArrayList<>(); // shell thread only

    RvKernel(Path historyFile) {
        super("rv-kernel", VERSION,
                new LanguageInfo.Builder("java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell")
                        .pygments("java").codemirror("text/x-java").build(),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), true,
                new StringStyler.Builder().build());
        this.history = new HistoryStore(historyFile);
        java.util.concurrent.ScheduledThreadPoolExecutor flusher = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rv-kernel-stream-flush");
            t.setDaemon(true);
            return t;
        });
        // Start the flush thread now, in the kernel's thread group: created lazily from a cell it would
        // belong to that cell's group and die when the cell is interrupted.
        flusher.prestartAllCoreThreads();
        this.timer = flusher;
        this.stdout = new StreamCapture("stdout", this::publishStream, timer);
        this.stderr = new StreamCapture("stderr", this::publishStream, timer);
        ClassLoader parent = RvKernel.class.getClassLoader();
        List<String> cp = kernelClasspath();
        // JShell start-up and its first compile take most of the start time: do them while the sockets bind.
        this.evaluator = CompletableFuture.supplyAsync(() -> warmUp(new JavaEvaluator(parent, cp)),
                r -> {
                    Thread t = new Thread(r, "rv-kernel-warmup");
                    t.setDaemon(true);
                    t.start();
                });
        Renderers.registerDefaults(getRenderer());
        BuiltinMagics.register(this);
    }

    private static List<String> kernelClasspath() {
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) cp.add(e);
        }
        return cp;
    }

    private static JavaEvaluator warmUp(JavaEvaluator ev) {
        String imports = String.join("\n",
                "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
                "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
                "import java.time.*;", "import java.util.concurrent.*;",
                "import static rv.kernel.runtime.Display.*;",
                // rv's notebook API (rv-magics / rv-viz), so cells can call Rv.run(...), Rv.show(...) at once.
                "import rv.notebook.Rv;", "import rv.notebook.RunResult;", "import rv.viz.SceneView;", "import rv.viz.LeafletMap;");
        try {
            ev.eval(imports, "startup", 1);
            ev.eval("1 + 1", "startup", 1); // compiles and loads once so the user's first cell is fast
        } catch (CellError e) {
            LOG.warn("kernel start-up snippet failed: {}", e.getMessage());
        }
        return ev;
    }

    JavaEvaluator evaluator() {
        try {
            return evaluator.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell starts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** The kernel serving this JVM, or null (e.g. in plain JShell). */
    public static RvKernel current() {
        return BaseKernel.notebookKernel() instanceof RvKernel k ? k : null;
    }

    /** Connects to Jupyter and installs the kernel's streams and extensions. */
    void serve(KernelServer server) {
        this.server = server;
        System.setOut(new PrintStream(stdout, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, false, StandardCharsets.UTF_8));
        System.setIn(new StdinBridge(this::readLineFromFrontend));
        installNotebookKernel();
        server.start(new ShellProtocol(this, server)::dispatch);
        JsonObject starting = new JsonObject();
        starting.addProperty("execution_state", "starting");
        server.publish("status", null, starting);
        installExtensions(RvKernel.class.getClassLoader());
    }

    /** Starts executing {@code request}: its outputs go to it, and an interrupt from now on stops it. */
    void beginCell(Message request) {
        currentRequest = request;
        payloads.clear();
        interruptPending = false;
        JavaEvaluator ev = evaluator(); // may wait for JShell's start-up; an interrupt meanwhile still counts
        ev.beginCell();
        if (interruptPending) ev.interrupt();
    }

    /** Pager payloads the last cell produced (e.g. for {@code Math.abs?}). */
    List<JsonObject> takePayloads() {
        List<JsonObject> p = List.copyOf(payloads);
        payloads.clear();
        return p;
    }

    /** Runs a cell's code and magics in order; the value of the last part is the cell's result. */
    JavaEvaluator.Outcome runCell(String code, String label) throws CellError {
        Matcher pager = PAGER.matcher(code);
        if (pager.matches()) {
            page(pager.group(1).replaceAll("\\s+", ""));
            return JavaEvaluator.Outcome.NONE;
        }
        JavaEvaluator.Outcome outcome = JavaEvaluator.Outcome.NONE;
        for (CellParser.Part part : CellParser.parse(code)) {
            if (part instanceof CellParser.Code c) {
                outcome = evaluator().eval(c.source(), label, c.firstLine());
            } else if (part instanceof CellParser.LineMagic m) {
                outcome = magicOutcome(() -> BuiltinMagics.isRaw(m.name())
                        ? BuiltinMagics.evalRaw(this, m.name(), m.rawArgs(), label)
                        : getMagicsRegistry().evalLineMagic(this, m.name(), m.args()), "%" + m.name());
            } else if (part instanceof CellParser.CellMagic m) {
                outcome = magicOutcome(() -> BuiltinMagics.isRaw(m.name())
                        ? BuiltinMagics.evalRawCell(this, m.name(), m.rawArgs(), m.body(), label)
                        : getMagicsRegistry().evalCellMagic(this, m.name(), m.args(), m.body()), "%%" + m.name());
            }
        }
        return outcome;
    }

    private interface MagicCall {
        Object call() throws Exception;
    }

    private JavaEvaluator.Outcome magicOutcome(MagicCall call, String what) throws CellError {
        try {
            Object v = call.call();
            if (v instanceof JavaEvaluator.Outcome o) return o;
            return v == null ? JavaEvaluator.Outcome.NONE : new JavaEvaluator.Outcome(true, v);
        } catch (UndefinedMagicException e) {
            throw new CellError("UnknownMagic", "no magic " + what + "; %lsmagic lists the available ones",
                    List.of("UnknownMagic: no magic " + what + "; %lsmagic lists the available ones"));
        } catch (CellError e) {
            throw e;
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new CellError(e.getClass().getSimpleName(), what + ": " + msg, List.of(what + ": " + msg));
        }
    }

    private void page(String name) {
        Optional<String> doc = evaluator().documentation(name, name.length());
        if (doc.isEmpty()) {
            System.out.println("Object `" + name + "` not found.");
            return;
        }
        JsonObject p = new JsonObject();
        p.addProperty("source", "page");
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", doc.get());
        p.add("data", data);
        p.addProperty("start", 0);
        payloads.add(p);
    }

    @Override
    public String getBanner() {
        return "rv-kernel " + VERSION + " — Java " + Runtime.version() + " (JShell)";
    }

    /** A line typed in the frontend for the running cell, or null when the request does not allow stdin. */
    private String readLineFromFrontend() {
        Message req = currentRequest;
        if (req == null || !req.content().has("allow_stdin") || !req.content().get("allow_stdin").getAsBoolean()) {
            return null;
        }
        flushStreams(); // the prompt the cell printed comes first
        return server.requestInput(req, "", false);
    }

    // ---- output ------------------------------------------------------------------------------------

    private void publishStream(String name, String text) {
        KernelServer s = server;
        if (s == null) return;
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", text);
        s.publish("stream", currentRequest, c);
    }

    void flushStreams() {
        System.out.flush();
        System.err.flush();
        stdout.flush();
        stderr.flush();
    }

    /** Renders any object to a MIME bundle; {@link DisplayData} passes through. */
    public DisplayData render(Object value) {
        if (value instanceof DisplayData dd) return dd;
        return getRenderer().render(value);
    }

    /** Converts DisplayData to Jupyter's {data, metadata, transient}. */
    static JsonObject displayContent(DisplayData dd) {
        JsonObject raw = GSON.toJsonTree(dd).getAsJsonObject();
        JsonObject c = new JsonObject();
        c.add("data", raw.has("data") && raw.get("data").isJsonObject() ? raw.get("data") : new JsonObject());
        c.add("metadata", raw.has("metadata") && raw.get("metadata").isJsonObject() ? raw.get("metadata") : new JsonObject());
        JsonElement tr = raw.has("transient") ? raw.get("transient") : raw.get("transientData");
        c.add("transient", tr != null && tr.isJsonObject() ? tr : new JsonObject());
        return c;
    }

    /** Publishes a display_data message for the current cell (JJava's extension entry point). */
    @Override
    public void display(DisplayData data) {
        flushStreams();
        server.publish("display_data", currentRequest, displayContent(data));
    }

    /** Renders and displays {@code value}; returns its display id for {@link #updateDisplay}. */
    public String display(Object value, String... mimeTypes) {
        DisplayData dd = mimeTypes.length == 0 ? render(value) : getRenderer().renderAs(value, mimeTypes);
        String id = dd.hasDisplayId() ? dd.getDisplayId() : UUID.randomUUID().toString();
        dd.setDisplayId(id);
        display(dd);
        return id;
    }

    /** Replaces the output shown under {@code displayId}, wherever it is in the notebook. */
    public void updateDisplay(String displayId, Object value, String... mimeTypes) {
        DisplayData dd = mimeTypes.length == 0 ? render(value) : getRenderer().renderAs(value, mimeTypes);
        dd.setDisplayId(displayId);
        flushStreams();
        server.publish("update_display_data", currentRequest, displayContent(dd));
    }

    /** Clears the current cell's output ({@code wait}: only when new output arrives). */
    public void clearOutput(boolean wait) {
        flushStreams();
        JsonObject c = new JsonObject();
        c.addProperty("wait", wait);
        server.publish("clear_output", currentRequest, c);
    }

    // ---- JJava BaseKernel contract -----------------------------------------------------------------

    @Override
    public Object evalRaw(String code) {
        try {
            JavaEvaluator.Outcome o = runCell(code, "eval");
            return o.hasValue() ? o.value() : null;
        } catch (CellError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String java = CellParser.blankMagics(code);
        Optional<String> doc = evaluator().documentation(java, at);
        if (doc.isEmpty()) return null;
        DisplayData dd = new DisplayData(doc.get());
        return dd;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        String upToCursor = code.substring(0, at);
        int lineStart = upToCursor.lastIndexOf('\n') + 1;
        String line = upToCursor.substring(lineStart);
        Matcher m = Pattern.compile("^\\s*(%%?)([\\w-]*)$").matcher(line);
        if (m.matches()) {
            boolean cell = m.group(1).equals("%%");
            List<String> names = new ArrayList<>((cell ? getMagicsRegistry().getCellMagicNames()
                    : getMagicsRegistry().getLineMagicNames()));
            names.removeIf(n -> !n.startsWith(m.group(2)));
            names.sort(null);
            return new ReplacementOptions(names, at - m.group(2).length(), at);
        }
        JavaEvaluator.Completions c = evaluator().complete(CellParser.blankMagics(code), at);
        return new ReplacementOptions(c.matches(), c.start(), at);
    }

    @Override
    public String isComplete(String code) {
        String trimmed = code.strip();
        if (trimmed.startsWith("%%")) return "complete";
        if (PAGER.matcher(code).matches()) return "complete";
        return evaluator().isComplete(CellParser.blankMagics(code));
    }

    @Override
    public void interrupt() {
        interruptPending = true;
        JavaEvaluator ev = evaluator.getNow(null);
        if (ev != null) ev.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        flushStreams();
        synchronized (extensionLock) {
            super.onShutdown(isRestarting);
        }
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator().classLoader();
    }

    /** Installs JJava extensions ({@code META-INF/services/org.dflib.jjava.jupyter.Extension}) visible to {@code loader}. */
    @Override
    protected void installExtensions(ClassLoader loader) {
        synchronized (extensionLock) {
            for (ServiceLoader.Provider<Extension> p : ServiceLoader.load(Extension.class, loader).stream().toList()) {
                try {
                    installExtension(p.get());
                } catch (RuntimeException | java.util.ServiceConfigurationError e) {
                    LOG.warn("extension {} failed to install: {}", p.type().getName(), e.toString());
                    System.err.println("rv-kernel: extension " + p.type().getName() + " failed to install: " + e);
                }
            }
        }
    }

    /** Re-scans for extensions after jars were added (%jars, %maven, %classpath). */
    public void installExtensionsFromAddedJars() {
        installExtensions(evaluator().classLoader());
    }

    /** Runs code (with magics) for a magic such as %time or %load. */
    public JavaEvaluator.Outcome runCellForMagic(String code, String label) throws CellError {
        return runCell(code, label);
    }

    /** Adds jars/folders for compilation and execution, installs extensions they provide; returns a summary. */
    public String addJars(List<String> paths) {
        List<String> known = evaluator().addedClasspath();
        List<String> fresh = paths.stream().filter(p -> !known.contains(p)).distinct().toList();
        if (!fresh.isEmpty()) {
            evaluator().addToClasspath(fresh);
            installExtensionsFromAddedJars();
        }
        StringBuilder sb = new StringBuilder("Added " + fresh.size() + " path" + (fresh.size() == 1 ? "" : "s")
                + " to the classpath");
        for (String p : fresh) sb.append("\n  ").append(p);
        return sb.toString();
    }

    public List<String> addedClasspath() {
        return evaluator().addedClasspath();
    }

    public HistoryStore history() {
        return history;
    }
}
