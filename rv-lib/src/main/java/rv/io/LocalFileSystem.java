package rv.io;

import rv.core.RvException;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/** Local files ({@code file:} URIs and plain paths), read with positional {@link FileChannel} reads. */
public final class LocalFileSystem implements FileSystemProvider {

    @Override public Set<String> schemes() { return Set.of("file"); }

    @Override
    public RangeReader open(URI uri) {
        Path p = Path.of(uri);
        if (Files.isDirectory(p)) throw new RvException(p + " is a directory, not a file");
        try {
            return new Reader(p.toString(), FileChannel.open(p, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new RvException("file not found: " + p);
        } catch (IOException e) {
            throw new RvException("cannot open " + p + ": " + e.getMessage(), e);
        }
    }

    @Override public boolean exists(URI uri) { return Files.exists(Path.of(uri)); }

    private static final class Reader implements RangeReader {
        private final String name;
        private final FileChannel channel;
        private final long size;
        private final IoStats stats = IoStats.create();

        Reader(String name, FileChannel channel) throws IOException {
            this.name = name; this.channel = channel; this.size = channel.size();
        }

        @Override public String uri() { return name; }
        @Override public long size() { return size; }
        @Override public IoStats stats() { return stats; }

        @Override
        public void readFully(long position, byte[] dst, int off, int len) throws IOException {
            if (position < 0 || position + len > size) {
                throw new EOFException("range " + position + "+" + len + " is past the end of " + name + " (" + size + " bytes)");
            }
            readFully(position, ByteBuffer.wrap(dst, off, len));
        }

        @Override
        public void readFully(long position, ByteBuffer bb) throws IOException {
            int len = bb.remaining();
            if (position < 0 || position + len > size) {
                throw new EOFException("range " + position + "+" + len + " is past the end of " + name + " (" + size + " bytes)");
            }
            long pos = position;
            while (bb.hasRemaining()) {
                int n = channel.read(bb, pos);
                if (n < 0) throw new EOFException("unexpected end of " + name + " at byte " + pos);
                pos += n;
            }
            stats.record(len);
        }

        @Override
        public void close() {
            try { channel.close(); } catch (IOException ignored) { /* closing a read-only channel */ }
        }
    }
}
