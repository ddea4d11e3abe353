package rv.kernel.exec;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each snippet in the kernel JVM on a fresh thread in its own thread group, keeps the real result
 * object for the renderers, and stops a running snippet (and the threads it started) on request.
 *
 * <p>Stopping uses {@code ThreadGroup.stop()}: {@code Thread.interrupt()} cannot end a tight
 * {@code while (true) {}}, and a stopped thread leaves no CPU burning behind. This works up to JDK 19;
 * on JDK 20+ it degrades to an interrupt.
 */
final class CellExecutionControl extends DirectExecutionControl {
    private final Object lock = new Object();
    private final AtomicInteger counter = new AtomicInteger();
    private final ClassLoader contextLoader;
    private ThreadGroup running; // guarded by lock
    private boolean stopRequested; // guarded by lock
    private boolean cancelled; // guarded by lock: a stop that came before or between snippets of the cell
    private volatile Object lastValue;

    CellExecutionControl(SnippetLoader loader) {
        super(loader);
        this.contextLoader = loader.classLoader();
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        ThreadGroup group = new ThreadGroup("rv-cell-" + counter.incrementAndGet());
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(group, () -> {
            try {
                result[0] = doit.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable e) { // ThreadDeath from stop() may land outside the snippet frame
                failure[0] = e;
            }
        }, group.getName());
        t.setContextClassLoader(contextLoader);
        synchronized (lock) {
            if (cancelled) throw new StoppedException();
            running = group;
            stopRequested = false;
        }
        t.start();
        try {
            t.join();
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
        boolean stopped;
        synchronized (lock) {
            stopped = stopRequested;
        }
        if (stopped || failure[0] instanceof ThreadDeath) throw new StoppedException();
        if (failure[0] != null) throw new InvocationTargetException(failure[0]);
        lastValue = result[0];
        return valueString(result[0]);
    }

    /** The object the last snippet produced (its value or the variable's initial value). */
    Object lastValue() {
        return lastValue;
    }

    /** Starts a new cell: forgets a stop aimed at the previous one. */
    void resetCancel() {
        synchronized (lock) {
            cancelled = false;
        }
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        synchronized (lock) {
            cancelled = true;
            if (running == null) return;
            stopRequested = true;
            running.interrupt();
            try {
                running.stop();
            } catch (UnsupportedOperationException e) {
                // JDK 20+: only the interrupt remains
            }
        }
    }
}
