package rv.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
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
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
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
    private final List<JsonObject> payloads = new ArrayList<>(); // shell thread only
    private final java.util.concurrent.atomic.AtomicInteger cellCounter = new java.util.concurrent.atomic.AtomicInteger();

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
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rv-kernel-stream-flush");
            t.setDaemon(true);
            return t;
        });
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
        installNotebookKernel();
        server.start(this::dispatch);
        server.publish("status", null, status("starting"));
        installExtensions(RvKernel.class.getClassLoader());
    }

    // ---- protocol ---------------------------------------------------------------------------------

    /** A reply to send once the request's iopub messages (and its idle status) are on their way. */
    private record Reply(String type, JsonObject content) {}

    private void dispatch(KernelServer.Channel channel, Message req) {
        String type = req.type();
        server.publish("status", req, status("busy"));
        Reply reply = null;
        try {
            reply = switch (type) {
                case "execute_request" -> new Reply("execute_reply", execute(req));
                case "kernel_info_request" -> new Reply("kernel_info_reply", kernelInfo());
                case "complete_request" -> new Reply("complete_reply", completeReply(req.content()));
                case "inspect_request" -> new Reply("inspect_reply", inspectReply(req.content()));
                case "is_complete_request" -> new Reply("is_complete_reply", isCompleteReply(req.content()));
                case "history_request" -> new Reply("history_reply", historyReply(req.content()));
                case "comm_info_request" -> {
                    JsonObject c = ok();
                    c.add("comms", new JsonObject());
                    yield new Reply("comm_info_reply", c);
                }
                case "interrupt_request" -> {
                    interrupt();
                    yield new Reply("interrupt_reply", ok());
                }
                case "shutdown_request" -> {
                    shutdown(channel, req);
                    yield null;
                }
                default -> {
                    LOG.debug("unhandled message type {}", type); // comm_* without targets: ignored, as ipykernel does
                    yield null;
                }
            };
        } catch (RuntimeException e) {
            LOG.error("failed to handle {}", type, e);
        } finally {
            if (!"shutdown_request".equals(type)) {
                server.publish("status", req, status("idle"));
                // Clients read the reply, then expect the request's outputs and idle status right away.
                server.flushIopub(1000);
                if (reply != null) server.reply(channel, req, reply.type(), reply.content());
            }
        }
    }

    private void shutdown(KernelServer.Channel channel, Message req) {
        boolean restart = req.content().has("restart") && req.content().get("restart").getAsBoolean();
        JsonObject c = ok();
        c.addProperty("restart", restart);
        server.publish("shutdown_reply", req, c);
        server.publish("status", req, status("idle"));
        server.flushIopub(1000);
        server.reply(channel, req, "shutdown_reply", c);
        onShutdown(restart);
        server.close();
    }

    private JsonObject execute(Message req) {
        JsonObject c = req.content();
        String code = c.has("code") ? c.get("code").getAsString() : "";
        boolean silent = c.has("silent") && c.get("silent").getAsBoolean();
        boolean store = !silent && (!c.has("store_history") || c.get("store_history").getAsBoolean());
        int count = store ? cellCounter.incrementAndGet() : cellCounter.get();
        if (!silent) {
            JsonObject in = new JsonObject();
            in.addProperty("code", code);
            in.addProperty("execution_count", count);
            server.publish("execute_input", req, in);
        }
        currentRequest = req;
        payloads.clear();
        evaluator().beginCell();
        JsonObject reply = new JsonObject();
        String textOutput = null;
        try {
            JavaEvaluator.Outcome outcome = runCell(code, "In [" + count + "]");
            flushStreams();
            if (outcome.hasValue() && !silent) {
                DisplayData dd = render(outcome.value());
                JsonObject result = displayContent(dd);
                result.remove("transient");
                result.addProperty("execution_count", count);
                server.publish("execute_result", req, result);
                JsonObject data = result.getAsJsonObject("data");
                if (data.has("text/plain")) textOutput = data.get("text/plain").getAsString();
            }
            reply.addProperty("status", "ok");
            reply.addProperty("execution_count", count);
            JsonArray pl = new JsonArray();
            payloads.forEach(pl::add);
            reply.add("payload", pl);
            reply.add("user_expressions", userExpressions(c));
        } catch (CellError e) {
            flushStreams();
            JsonObject err = errorContent(e);
            server.publish("error", req, err);
            reply = err.deepCopy();
            reply.addProperty("status", "error");
            reply.addProperty("execution_count", count);
            reply.add("payload", new JsonArray());
            reply.add("user_expressions", new JsonObject());
        } catch (RuntimeException e) {
            flushStreams();
            LOG.error("kernel error while executing a cell", e);
            JsonObject err = errorContent(CellError.of(e));
            server.publish("error", req, err);
            reply = err.deepCopy();
            reply.addProperty("status", "error");
            reply.addProperty("execution_count", count);
        }
        if (store) history.add(count, code, textOutput);
        return reply;
    }

    private JsonObject userExpressions(JsonObject content) {
        JsonObject out = new JsonObject();
        if (!content.has("user_expressions") || !content.get("user_expressions").isJsonObject()) return out;
        for (Map.Entry<String, JsonElement> e : content.getAsJsonObject("user_expressions").entrySet()) {
            JsonObject r;
            try {
                JavaEvaluator.Outcome o = evaluator().eval(e.getValue().getAsString(), "user expression", 1);
                r = displayContent(render(o.hasValue() ? o.value() : null));
                r.remove("transient");
                r.addProperty("status", "ok");
            } catch (CellError err) {
                r = errorContent(err);
                r.addProperty("status", "error");
            }
            out.add(e.getKey(), r);
        }
        return out;
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

    private JsonObject kernelInfo() {
        JsonObject c = ok();
        c.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        c.addProperty("implementation", "rv-kernel");
        c.addProperty("implementation_version", VERSION);
        JsonObject li = new JsonObject();
        LanguageInfo l = getLanguageInfo();
        li.addProperty("name", l.getName());
        li.addProperty("version", l.getVersion());
        li.addProperty("mimetype", l.getMimetype());
        li.addProperty("file_extension", l.getFileExtension());
        li.addProperty("pygments_lexer", l.getPygmentsLexer());
        li.addProperty("codemirror_mode", String.valueOf(l.getCodemirrorMode()));
        li.addProperty("nbconvert_exporter", "script");
        c.add("language_info", li);
        c.addProperty("banner", getBanner());
        c.addProperty("debugger", false);
        JsonArray links = new JsonArray();
        for (HelpLink h : getHelpLinks()) {
            JsonObject o = new JsonObject();
            o.addProperty("text", h.getText());
            o.addProperty("url", h.getUrl());
            links.add(o);
        }
        c.add("help_links", links);
        return c;
    }

    @Override
    public String getBanner() {
        return "rv-kernel " + VERSION + " — Java " + Runtime.version() + " (JShell)";
    }

    private JsonObject completeReply(JsonObject req) {
        String code = req.get("code").getAsString();
        int cursor = Unicode.toCharIndex(code, req.get("cursor_pos").getAsInt());
        ReplacementOptions r = complete(code, cursor);
        JsonObject c = ok();
        JsonArray matches = new JsonArray();
        r.getReplacements().forEach(matches::add);
        c.add("matches", matches);
        c.addProperty("cursor_start", Unicode.toCodePointIndex(code, r.getSourceStart()));
        c.addProperty("cursor_end", Unicode.toCodePointIndex(code, r.getSourceEnd()));
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject inspectReply(JsonObject req) {
        String code = req.get("code").getAsString();
        int cursor = Unicode.toCharIndex(code, req.get("cursor_pos").getAsInt());
        DisplayData dd = inspect(code, cursor, false);
        JsonObject c = ok();
        c.addProperty("found", dd != null);
        c.add("data", dd == null ? new JsonObject() : displayContent(dd).getAsJsonObject("data"));
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject isCompleteReply(JsonObject req) {
        String status = isComplete(req.get("code").getAsString());
        JsonObject c = new JsonObject();
        c.addProperty("status", status);
        if ("incomplete".equals(status)) c.addProperty("indent", "    ");
        return c;
    }

    private JsonObject historyReply(JsonObject req) {
        boolean output = req.has("output") && req.get("output").getAsBoolean();
        String access = req.has("hist_access_type") ? req.get("hist_access_type").getAsString() : "tail";
        int n = req.has("n") && !req.get("n").isJsonNull() ? req.get("n").getAsInt() : 10;
        List<HistoryStore.Entry> entries = switch (access) {
            case "range" -> history.range(intOr(req, "session", 0), intOr(req, "start", 1), intOr(req, "stop", 0));
            case "search" -> history.search(req.has("pattern") ? req.get("pattern").getAsString() : "*",
                    req.has("n") && !req.get("n").isJsonNull() ? n : 0,
                    req.has("unique") && req.get("unique").getAsBoolean());
            default -> history.tail(n);
        };
        JsonArray h = new JsonArray();
        for (HistoryStore.Entry e : entries) {
            JsonArray t = new JsonArray();
            t.add(e.session());
            t.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.source());
                io.add(e.output());
                t.add(io);
            } else {
                t.add(e.source());
            }
            h.add(t);
        }
        JsonObject c = ok();
        c.add("history", h);
        return c;
    }

    private static int intOr(JsonObject o, String key, int dflt) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : dflt;
    }

    private static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    private static JsonObject status(String state) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        return c;
    }

    private static JsonObject errorContent(CellError e) {
        JsonObject c = new JsonObject();
        c.addProperty("ename", e.ename());
        c.addProperty("evalue", e.evalue());
        JsonArray tb = new JsonArray();
        e.traceback().forEach(tb::add);
        c.add("traceback", tb);
        return c;
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
