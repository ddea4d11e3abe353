package rv.io;

import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of read requests and bytes fetched, per reader and process-wide. */
public final class IoStats {
    private static final IoStats GLOBAL = new IoStats(null);

    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final IoStats parent;

    private IoStats(IoStats parent) { this.parent = parent; }

    /** Fresh counters that also feed the process-wide totals. */
    public static IoStats create() { return new IoStats(GLOBAL); }

    /** Process-wide totals of every reader. */
    public static IoStats global() { return GLOBAL; }

    public void record(long nBytes) {
        requests.increment();
        bytes.add(nBytes);
        if (parent != null) parent.record(nBytes);
    }

    public long requests() { return requests.sum(); }

    public long bytes() { return bytes.sum(); }

    public void reset() { requests.reset(); bytes.reset(); }

    @Override public String toString() { return "requests=" + requests() + " bytes=" + bytes(); }
}
