package rv.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.kernel.exec.CellError;
import rv.kernel.exec.JavaEvaluator;
import rv.kernel.history.HistoryStore;
import rv.kernel.wire.KernelServer;
import rv.kernel.wire.Message;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jupyter messaging for {@link RvKernel}: turns shell and control requests into kernel calls and their
 * results into replies and iopub messages (status, execute_input, streams, results, errors).
 */
final class ShellProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(ShellProtocol.class);

    private final RvKernel kernel;
    private final KernelServer server;
    private final AtomicInteger cellCounter = new AtomicInteger();

    ShellProtocol(RvKernel kernel, KernelServer server) {
        this.kernel = kernel;
        this.server = server;
    }

    /** A reply to send once the request's iopub messages (and its idle status) are on their way. */
    private record Reply(String type, JsonObject content) {}

    void dispatch(KernelServer.Channel channel, Message req) {
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
                    kernel.interrupt();
                    yield new Reply("interrupt_reply", ok());
                }
                case "shutdown_request" -> {
                    shutdown(channel, req);
                    yield null;
                }
                case "comm_open" -> {
                    // No comm targets: close the comm at once, as ipykernel does, so the frontend does not wait.
                    JsonObject close = new JsonObject();
                    close.add("comm_id", req.content().get("comm_id"));
                    close.add("data", new JsonObject());
                    server.publish("comm_close", req, close);
                    yield null;
                }
                default -> {
                    LOG.debug("unhandled message type {}", type); // comm_msg/comm_close for unknown comms
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
                RvKernel.trace(type + " answered");
                if ("execute_request".equals(type)) afterCell();
            }
        }
    }

    private void afterCell() {
        try {
            kernel.afterCell();
        } catch (RuntimeException e) {
            LOG.warn("deferred start-up work failed", e);
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
        kernel.onShutdown(restart);
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
        JsonObject reply = new JsonObject();
        String textOutput = null;
        try {
            kernel.beginCell(req);
            JavaEvaluator.Outcome outcome = kernel.runCell(code, "In [" + count + "]");
            kernel.flushStreams();
            if (outcome.hasValue() && !silent) {
                DisplayData dd = kernel.render(outcome.value());
                JsonObject result = RvKernel.displayContent(dd);
                result.remove("transient");
                result.addProperty("execution_count", count);
                server.publish("execute_result", req, result);
                JsonObject data = result.getAsJsonObject("data");
                if (data.has("text/plain")) textOutput = data.get("text/plain").getAsString();
            }
            reply.addProperty("status", "ok");
            reply.addProperty("execution_count", count);
            JsonArray pl = new JsonArray();
            kernel.takePayloads().forEach(pl::add);
            reply.add("payload", pl);
            reply.add("user_expressions", userExpressions(c));
        } catch (CellError e) {
            kernel.flushStreams();
            JsonObject err = errorContent(e);
            server.publish("error", req, err);
            reply = err.deepCopy();
            reply.addProperty("status", "error");
            reply.addProperty("execution_count", count);
            reply.add("payload", new JsonArray());
            reply.add("user_expressions", new JsonObject());
        } catch (RuntimeException e) {
            kernel.flushStreams();
            LOG.error("kernel error while executing a cell", e);
            JsonObject err = errorContent(CellError.of(e));
            server.publish("error", req, err);
            reply = err.deepCopy();
            reply.addProperty("status", "error");
            reply.addProperty("execution_count", count);
        }
        if (store) kernel.history().add(count, code, textOutput);
        return reply;
    }

    private JsonObject userExpressions(JsonObject content) {
        JsonObject out = new JsonObject();
        if (!content.has("user_expressions") || !content.get("user_expressions").isJsonObject()) return out;
        for (Map.Entry<String, JsonElement> e : content.getAsJsonObject("user_expressions").entrySet()) {
            JsonObject r;
            try {
                JavaEvaluator.Outcome o = kernel.evaluator().eval(e.getValue().getAsString(), "user expression", 1);
                r = RvKernel.displayContent(kernel.render(o.hasValue() ? o.value() : null));
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

    private JsonObject kernelInfo() {
        JsonObject c = ok();
        c.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        c.addProperty("implementation", "rv-kernel");
        c.addProperty("implementation_version", RvKernel.VERSION);
        JsonObject li = new JsonObject();
        LanguageInfo l = kernel.getLanguageInfo();
        li.addProperty("name", l.getName());
        li.addProperty("version", l.getVersion());
        li.addProperty("mimetype", l.getMimetype());
        li.addProperty("file_extension", l.getFileExtension());
        li.addProperty("pygments_lexer", l.getPygmentsLexer());
        li.addProperty("codemirror_mode", String.valueOf(l.getCodemirrorMode()));
        li.addProperty("nbconvert_exporter", "script");
        c.add("language_info", li);
        c.addProperty("banner", kernel.getBanner());
        c.addProperty("debugger", false);
        JsonArray links = new JsonArray();
        for (HelpLink h : kernel.getHelpLinks()) {
            JsonObject o = new JsonObject();
            o.addProperty("text", h.getText());
            o.addProperty("url", h.getUrl());
            links.add(o);
        }
        c.add("help_links", links);
        return c;
    }

    private JsonObject completeReply(JsonObject req) {
        String code = req.get("code").getAsString();
        int cursor = Unicode.toCharIndex(code, req.get("cursor_pos").getAsInt());
        ReplacementOptions r = kernel.complete(code, cursor);
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
        DisplayData dd = kernel.inspect(code, cursor, false);
        JsonObject c = ok();
        c.addProperty("found", dd != null);
        c.add("data", dd == null ? new JsonObject() : RvKernel.displayContent(dd).getAsJsonObject("data"));
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject isCompleteReply(JsonObject req) {
        String status = kernel.isComplete(req.get("code").getAsString());
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
            case "range" -> kernel.history().range(intOr(req, "session", 0), intOr(req, "start", 1), intOr(req, "stop", 0));
            case "search" -> kernel.history().search(req.has("pattern") ? req.get("pattern").getAsString() : "*",
                    req.has("n") && !req.get("n").isJsonNull() ? n : 0,
                    req.has("unique") && req.get("unique").getAsBoolean());
            default -> kernel.history().tail(n);
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
}
