package rv.core.progress;

import java.io.PrintStream;

/**
 * Console progress: on a terminal a single redrawn line {@code name [#####.....] 50% 5/10 ETA 0:12};
 * otherwise (logs, CI, child processes) a plain line at most every 10 % or every 10 s, plus one at the end.
 */
public final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final boolean tty;

    public ConsoleProgress(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    /** Progress on standard error, as a bar when a console is attached. */
    public static ConsoleProgress stderr() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public Task start(String name, long total) {
        long[] last = {0, 0}; // last printed tenth, last printed time
        return new Task(name, total, e -> {
            synchronized (out) {
                if (tty) {
                    out.print("\r" + line(e) + (e.finished() ? "\n" : ""));
                    out.flush();
                    return;
                }
                long tenth = e.total() > 0 ? (long) (e.fraction() * 10) : -1;
                boolean due = e.finished() || tenth > last[0] || e.elapsedMs() - last[1] >= 10_000;
                if (due && (e.done() > 0 || e.finished()) && (e.finished() || e.total() <= 0 || e.done() < e.total())) {
                    out.println(line(e));
                    last[0] = tenth;
                    last[1] = e.elapsedMs();
                }
            }
        });
    }

    static String line(ProgressEvent e) {
        StringBuilder sb = new StringBuilder(e.task()).append(' ');
        if (e.total() > 0) {
            int width = 20;
            int filled = (int) Math.round(e.fraction() * width);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
              .append(Math.round(e.fraction() * 100)).append("% ").append(e.done()).append('/').append(e.total());
        } else {
            sb.append(e.done());
        }
        if (e.finished()) sb.append(" done in ").append(time(e.elapsedMs()));
        else if (e.etaMs() >= 0) sb.append(" ETA ").append(time(e.etaMs()));
        return sb.toString();
    }

    static String time(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
