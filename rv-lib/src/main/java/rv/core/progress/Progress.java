package rv.core.progress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Progress of long-running work (chipping, training, prediction …). Work calls
 * {@link #start(String, long)} and then {@link Task#advance(long)}; where it goes is up to the
 * implementation: {@link ConsoleProgress} draws a bar with an ETA on a terminal and writes plain log
 * lines otherwise, and every {@link ProgressListener} added with {@link #addListener} (a notebook
 * display, say) sees each update.
 */
public interface Progress {

    /** Starts a task of {@code total} steps ({@code total <= 0}: unknown). */
    Task start(String name, long total);

    /** Progress that shows nothing (listeners are still told). */
    static Progress silent() {
        return (name, total) -> new Task(name, total, null);
    }

    /** Adds a listener that sees every task's updates in this JVM (e.g. a notebook display). */
    static void addListener(ProgressListener l) { Listeners.ALL.add(l); }

    static void removeListener(ProgressListener l) { Listeners.ALL.remove(l); }

    /** A running task; not thread-safe beyond {@link #advance}, which is. */
    final class Task implements AutoCloseable {
        private final String name;
        private final long total;
        private final long startNanos = System.nanoTime();
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.function.Consumer<ProgressEvent> sink;
        private volatile boolean finished;

        public Task(String name, long total, java.util.function.Consumer<ProgressEvent> sink) {
            this.name = name;
            this.total = total;
            this.sink = sink;
            publish(false);
        }

        /** Records {@code steps} more steps done. */
        public void advance(long steps) {
            done.addAndGet(steps);
            publish(false);
        }

        /** Marks the task finished (idempotent). */
        @Override
        public void close() {
            if (finished) return;
            finished = true;
            publish(true);
        }

        private void publish(boolean end) {
            long elapsed = System.nanoTime() - startNanos;
            long d = done.get();
            long eta = total > 0 && d > 0 && d < total ? (long) ((double) elapsed / d * (total - d)) : -1;
            ProgressEvent e = new ProgressEvent(name, d, total, elapsed / 1_000_000, eta < 0 ? -1 : eta / 1_000_000, end);
            if (sink != null) sink.accept(e);
            for (ProgressListener l : Listeners.ALL) l.onProgress(e);
        }
    }

    /** Holder of the JVM-wide listeners. */
    final class Listeners {
        private Listeners() {}
        static final List<ProgressListener> ALL = new CopyOnWriteArrayList<>();
    }
}
