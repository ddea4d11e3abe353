package rv.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random access to the bytes behind a URI: positional reads that may run concurrently from several
 * threads. Local files use positional channel reads, {@code http(s)} uses HTTP Range requests.
 */
public interface RangeReader extends Closeable {

    /** The URI (or path) this reader was opened for, for messages. */
    String uri();

    /** Total size in bytes. */
    long size();

    /**
     * Reads exactly {@code len} bytes starting at {@code position} into {@code dst[off..off+len)}.
     * Throws {@link java.io.EOFException} when the range runs past the end.
     */
    void readFully(long position, byte[] dst, int off, int len) throws IOException;

    /**
     * Reads exactly {@code dst.remaining()} bytes starting at {@code position} into {@code dst}
     * (advancing its position). Local files read straight into a direct buffer, sparing the copy
     * through a heap array; other readers go through a temporary array.
     */
    default void readFully(long position, java.nio.ByteBuffer dst) throws IOException {
        int len = dst.remaining();
        if (dst.hasArray()) {
            readFully(position, dst.array(), dst.arrayOffset() + dst.position(), len);
            dst.position(dst.position() + len);
            return;
        }
        byte[] tmp = new byte[len];
        readFully(position, tmp, 0, len);
        dst.put(tmp);
    }

    /** Reads {@code len} bytes at {@code position} into a new array. */
    default byte[] read(long position, int len) throws IOException {
        byte[] b = new byte[len];
        readFully(position, b, 0, len);
        return b;
    }

    /** Request and byte counters of this reader (what it asked the storage for). */
    IoStats stats();

    @Override
    void close();
}
