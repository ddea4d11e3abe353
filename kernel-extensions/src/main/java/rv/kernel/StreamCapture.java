package rv.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * What user code writes to {@code System.out}/{@code System.err}: buffered and sent as one Jupyter
 * stream message per burst. A flush is scheduled only when output is pending (no idle polling), and
 * the kernel flushes explicitly before a result or reply.
 */
final class StreamCapture extends OutputStream {
    private static final long FLUSH_DELAY_MS = 50;

    private final String name;
    private final BiConsumer<String, String> sink;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean scheduled; // guarded by lock

    StreamCapture(String name, BiConsumer<String, String> sink, ScheduledExecutorService timer) {
        this.name = name;
        this.sink = sink;
        this.timer = timer;
    }

    @Override
    public void write(int b) {
        synchronized (lock) {
            buffer.write(b);
            schedule();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        synchronized (lock) {
            buffer.write(b, off, len);
            schedule();
        }
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            timer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void flush() {
        String text;
        synchronized (lock) {
            scheduled = false;
            if (buffer.size() == 0) return;
            text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            sink.accept(name, text); // inside the lock: keeps chunks in order
        }
    }
}
