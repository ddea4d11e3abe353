package rv.magics;

import rv.core.progress.Progress;
import rv.core.progress.ProgressEvent;
import rv.core.progress.ProgressListener;
import rv.viz.DisplayHandle;
import rv.viz.Displays;
import rv.viz.Html;
import rv.viz.MimeBundle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One notebook display per pipeline command, updated in place: the command's state and a bar per
 * progress task it reports (through rv's JVM-wide {@link Progress} listeners). Updates are throttled
 * to a few per second; the last one always goes out, so a finished command shows 100 %.
 */
public final class ProgressDisplay implements ProgressListener, AutoCloseable {
    private static final long MIN_INTERVAL_MS = 250;

    private final String command;
    private final DisplayHandle handle;
    private final Map<String, ProgressEvent> tasks = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private long lastUpdate;
    private String state = "running";

    private ProgressDisplay(String command) {
        this.command = command;
        this.handle = Displays.sink().show(bundle());
        Progress.addListener(this);
    }

    /** Shows the display for {@code command} and starts listening. */
    public static ProgressDisplay start(String command) {
        return new ProgressDisplay(command);
    }

    @Override
    public void onProgress(ProgressEvent e) {
        MimeBundle b;
        synchronized (this) {
            tasks.put(e.task(), e);
            long now = System.nanoTime() / 1_000_000;
            if (!e.finished() && now - lastUpdate < MIN_INTERVAL_MS) return;
            lastUpdate = now;
            b = bundle();
        }
        handle.update(b);
    }

    /** Marks the command done (bars at 100 %) or failed, and stops listening. */
    public void finish(boolean ok) {
        Progress.removeListener(this);
        MimeBundle b;
        synchronized (this) {
            state = ok ? "done" : "failed";
            b = bundle();
        }
        handle.update(b);
    }

    @Override
    public void close() {
        if (state.equals("running")) finish(false);
    }

    /** The current state as HTML bars and a text line per task. */
    synchronized MimeBundle bundle() {
        double secs = (System.nanoTime() - started) / 1e9;
        boolean done = state.equals("done");
        StringBuilder text = new StringBuilder(command).append(": ").append(state);
        if (!state.equals("running")) text.append(String.format(" in %.1f s", secs));
        StringBuilder html = new StringBuilder("<div class=\"rv-progress\" data-command=\"").append(Html.escape(command))
                .append("\" data-state=\"").append(state).append("\" style=\"font-family:monospace\"><b>")
                .append(Html.escape(command)).append("</b> ").append(Html.escape(text.substring(command.length() + 2))).append("<br/>");
        int percent = done ? 100 : 0;
        if (tasks.isEmpty()) {
            html.append(bar(done ? 100 : -1, done ? "100%" : "…"));
            text.append(done ? " 100%" : "");
        }
        for (ProgressEvent e : tasks.values()) {
            int p = done || e.finished() ? 100 : e.total() > 0 ? (int) Math.floor(e.fraction() * 100) : -1;
            String label = (p >= 0 ? p + "% " : "") + e.done() + (e.total() > 0 ? "/" + e.total() : "")
                    + (e.etaMs() >= 0 && !e.finished() && !done ? " ETA " + e.etaMs() / 1000 + " s" : "");
            html.append(Html.escape(e.task())).append(' ').append(bar(p, label)).append("<br/>");
            text.append("\n  ").append(e.task()).append(' ').append(label);
            percent = Math.max(percent, p);
        }
        html.append("</div>");
        return MimeBundle.text(text.toString()).withHtml(html.toString()).withMetadata("rv_progress_percent", percent);
    }

    private static String bar(int percent, String label) {
        String value = percent < 0 ? "" : " value=\"" + percent + "\"";
        return "<progress max=\"100\"" + value + " style=\"width:240px\"></progress> <span class=\"rv-progress-label\">"
                + Html.escape(label) + "</span>";
    }
}
