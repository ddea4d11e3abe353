package rv.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file output: bytes go to a hidden temp file in the target's folder, which is renamed onto
 * the target only after everything was written and flushed. A crash or exception mid-write leaves the
 * target untouched (absent, or its previous content) and the temp file deleted.
 *
 * <p>The temp file lives in the same folder so the final {@code Files.move(ATOMIC_MOVE)} is a rename
 * within one file system.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes to an {@link OutputStream}; may throw {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T t) throws IOException;
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Streams content produced by {@code writer} (buffered) into {@code target} atomically. */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        try (Pending p = open(target)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p.temp()), 1 << 16)) {
                writer.accept(out);
            }
            p.commit();
        }
    }

    /** Like {@link #write} but gives a random-access {@link FileChannel} (read + write). */
    public static void writeChannel(Path target, IOConsumer<FileChannel> writer) throws IOException {
        try (Pending p = open(target); FileChannel ch = p.channel()) {
            writer.accept(ch);
            ch.force(false);
            p.commit();
        }
    }

    /**
     * Starts an atomic write whose lifetime the caller manages (e.g. a streaming writer that is open
     * across many calls): write to {@link Pending#temp()}, then {@link Pending#commit()}; closing
     * without commit deletes the temp file.
     */
    public static Pending open(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        return new Pending(abs, newTempFile(dir == null ? Path.of("") : dir, abs.getFileName().toString()));
    }

    /**
     * Creates an empty, hidden, uniquely named file {@code .NAME.<random>.tmp} in {@code dir} with the
     * permissions of an ordinary new file. Not {@link Files#createTempFile}: that seeds a
     * {@code SecureRandom}, which on a cold JVM costs tens of milliseconds (security providers, message
     * digests) — more than a short CLI command's own work. Exclusive creation makes a clash with another
     * writer (or a planted file) impossible; a clash just draws another name.
     */
    static Path newTempFile(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }

    /** A temp file waiting to replace its target. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private FileChannel channel;
        private boolean committed;

        private Pending(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        public Path target() { return target; }

        public Path temp() { return temp; }

        /** A read/write channel on the temp file (opened once; closed by commit/close). */
        public FileChannel channel() throws IOException {
            if (channel == null) {
                channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            return channel;
        }

        /** Moves the temp file onto the target (replacing it). */
        public void commit() throws IOException {
            if (committed) return;
            if (channel != null) {
                channel.force(false);
                channel.close();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        public boolean isCommitted() { return committed; }

        /** Discards the temp file unless committed. */
        @Override
        public void close() {
            try {
                if (channel != null) channel.close();
            } catch (IOException e) {
                // the temp file is deleted below regardless
            }
            if (!committed) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete temp file " + temp, e);
                }
            }
        }
    }
}
