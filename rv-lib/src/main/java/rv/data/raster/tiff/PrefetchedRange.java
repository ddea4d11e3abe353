package rv.data.raster.tiff;

import rv.io.IoStats;
import rv.io.RangeReader;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Bytes {@code [base, base + data.length)} of a file, fetched ahead with one range request for several
 * chunks that lie next to each other; reads inside that span are served from memory, others go to the
 * file's reader.
 */
final class PrefetchedRange implements RangeReader {
    private final RangeReader file;
    private final long base;
    private final byte[] data;

    private PrefetchedRange(RangeReader file, long base, byte[] data) {
        this.file = file;
        this.base = base;
        this.data = data;
    }

    /** Fetches {@code [start, end)} of {@code file} with one read. */
    static PrefetchedRange fetch(RangeReader file, long start, long end) throws IOException {
        byte[] data = new byte[Math.toIntExact(end - start)];
        file.readFully(start, data, 0, data.length);
        return new PrefetchedRange(file, start, data);
    }

    private boolean holds(long position, int len) { return position >= base && position + len <= base + data.length; }

    @Override public String uri() { return file.uri(); }
    @Override public long size() { return file.size(); }
    @Override public IoStats stats() { return file.stats(); }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws IOException {
        if (holds(position, len)) System.arraycopy(data, (int) (position - base), dst, off, len);
        else file.readFully(position, dst, off, len);
    }

    @Override
    public void readFully(long position, ByteBuffer dst) throws IOException {
        int len = dst.remaining();
        if (holds(position, len)) dst.put(data, (int) (position - base), len);
        else file.readFully(position, dst);
    }

    @Override public void close() { /* the file's reader belongs to its source */ }
}
