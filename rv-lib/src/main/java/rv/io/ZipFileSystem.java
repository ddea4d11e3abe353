package rv.io;

import rv.core.RvException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Entries of local zip files (e.g. model bundles): {@code zip:///abs/path/bundle.zip!/dir/entry.tif}
 * (or {@code zip:relative/bundle.zip!/entry.tif}). The entry is inflated into memory once when opened,
 * so this suits bundle-sized entries, not multi-gigabyte scenes.
 */
public final class ZipFileSystem implements FileSystemProvider {

    /** The zip file and entry name of a {@code zip:} URI. */
    public record ZipLocation(Path zip, String entry) {}

    @Override public Set<String> schemes() { return Set.of("zip"); }

    /** Splits {@code zip:///a/b.zip!/c/d.tif} into ({@code /a/b.zip}, {@code c/d.tif}). */
    public static ZipLocation parse(URI uri) {
        String s = uri.getSchemeSpecificPart();
        int bang = s.indexOf("!/");
        if (bang < 0) throw new RvException("zip URI needs '!/' between the zip file and the entry: " + uri
                + " (e.g. zip:///data/bundle.zip!/model.pt)");
        String zip = s.substring(0, bang);
        if (zip.startsWith("//")) zip = zip.substring(2);
        if (zip.startsWith("file:")) zip = Path.of(URI.create(zip)).toString();
        return new ZipLocation(Path.of(zip), s.substring(bang + 2));
    }

    @Override
    public RangeReader open(URI uri) {
        ZipLocation loc = parse(uri);
        if (!Files.isRegularFile(loc.zip())) throw new RvException("file not found: " + loc.zip() + " (in " + uri + ")");
        try (ZipFile zf = new ZipFile(loc.zip().toFile())) {
            ZipEntry e = zf.getEntry(loc.entry());
            if (e == null || e.isDirectory()) throw new RvException("no entry '" + loc.entry() + "' in zip file " + loc.zip());
            if (e.getSize() > Integer.MAX_VALUE - 16) throw new RvException("zip entry " + uri + " is larger than 2 GB; unzip it first");
            byte[] data;
            try (InputStream in = zf.getInputStream(e)) {
                data = in.readAllBytes();
            }
            return new Reader(uri.toString(), data);
        } catch (IOException ex) {
            throw new RvException("cannot read zip file " + loc.zip() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean exists(URI uri) {
        ZipLocation loc = parse(uri);
        if (!Files.isRegularFile(loc.zip())) return false;
        try (ZipFile zf = new ZipFile(loc.zip().toFile())) {
            return zf.getEntry(loc.entry()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Bytes held in memory. */
    static final class Reader implements RangeReader {
        private final String name;
        private final byte[] data;
        private final IoStats stats = IoStats.create();

        Reader(String name, byte[] data) { this.name = name; this.data = data; }

        @Override public String uri() { return name; }
        @Override public long size() { return data.length; }
        @Override public IoStats stats() { return stats; }

        @Override
        public void readFully(long position, byte[] dst, int off, int len) throws EOFException {
            if (position < 0 || position + len > data.length) {
                throw new EOFException("range " + position + "+" + len + " is past the end of " + name + " (" + data.length + " bytes)");
            }
            System.arraycopy(data, (int) position, dst, off, len);
            stats.record(len);
        }

        @Override public void close() {}
    }
}
