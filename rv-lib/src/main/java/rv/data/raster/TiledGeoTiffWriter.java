package rv.data.raster;

import rv.core.Box;
import rv.data.raster.tiff.Ifd;
import rv.data.raster.tiff.ImageIfds;
import rv.data.raster.tiff.TileEncoder;
import rv.data.raster.tiff.TileGrid;
import rv.data.raster.tiff.TiffTags;
import rv.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Streams a tiled GeoTIFF to disk: open it with the raster's {@link RasterProfile}, then hand it
 * windows in any order ({@link #writeWindow}); each tile is compressed and written as soon as all of
 * its pixels have arrived, so memory stays proportional to the tiles that are partly written (one tile
 * row when writing strips top to bottom), not to the image.
 *
 * <p>The file is written to a temp file beside the target and renamed into place by {@link #close()}
 * once every tile has been written (or by {@link #finish()}, which first fills unwritten tiles with
 * nodata, or 0). Closing an incomplete image, e.g. after an exception, discards the temp file, so a
 * failed write never leaves a half file. Tiles finishing together are deflated in parallel.
 *
 * <p>Layout: header, the one IFD (its size is known up front), then tile data in the order tiles
 * complete. BigTIFF is chosen automatically when the uncompressed tiles could pass 4 GB.
 */
public final class TiledGeoTiffWriter implements AutoCloseable {
    private static final long CLASSIC_LIMIT = 4_000_000_000L;

    private final Path target;
    private final RasterProfile profile;
    private final TileGrid grid;
    private final boolean bigTiff;
    private final Ifd ifd;
    private final long ifdOffset;
    private final long[] offsets;
    private final long[] byteCounts;
    private final TileEncoder encoder;
    private final Map<Integer, PartialTile> partial = new HashMap<>();
    private final AtomicFiles.Pending pending;
    private final FileChannel channel;
    private long end;
    private int tilesWritten;
    private boolean closed;

    private record PartialTile(Raster pixels, BitSet covered, int needed) {}

    /** A tile ready to encode: {@code region} of {@code source} (tile-sized buffers, or the caller's raster). */
    private record ReadyTile(Raster source, Box region) {}

    private TiledGeoTiffWriter(Path target, RasterProfile profile, GeoTiffWriteOptions options) throws IOException {
        this.target = target;
        this.profile = profile;
        this.grid = new TileGrid(profile.width(), profile.height(), options.tileSize());
        DataType type = profile.dataType();
        int predictor = options.predictorFor(type);
        boolean deflate = options.compression() == GeoTiffWriteOptions.Compression.DEFLATE;
        long rawBytes = (long) grid.tileCount() * grid.tileSize() * grid.tileSize() * profile.bands() * type.bytes();
        this.bigTiff = switch (options.bigTiff()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> rawBytes + grid.tileCount() * 64L > CLASSIC_LIMIT;
        };
        this.ifd = ImageIfds.tiled(profile, grid, false, deflate, predictor, options.rgb(), bigTiff);
        this.ifdOffset = bigTiff ? 16 : 8;
        this.offsets = new long[grid.tileCount()];
        this.byteCounts = new long[grid.tileCount()];
        this.encoder = new TileEncoder(type, predictor, deflate, options.deflateLevel());
        this.end = align(ifdOffset + ifd.byteSize(bigTiff));
        this.pending = AtomicFiles.open(target);
        try {
            this.channel = pending.channel();
        } catch (IOException | RuntimeException e) {
            pending.close();
            throw e;
        }
    }

    /** Opens a writer for {@code target}; nothing appears at {@code target} until it is closed complete. */
    public static TiledGeoTiffWriter create(Path target, RasterProfile profile, GeoTiffWriteOptions options) {
        try {
            return new TiledGeoTiffWriter(target, profile, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

    public RasterProfile profile() { return profile; }

    public boolean isBigTiff() { return bigTiff; }

    /** Number of tiles of the image. */
    public int tileCount() { return grid.tileCount(); }

    /** Tiles compressed and written so far. */
    public int tilesWritten() { return tilesWritten; }

    /**
     * Writes {@code data} (all bands, the profile's type) at {@code window}, which must lie inside the
     * image. Windows must not overlap tiles that were already completed.
     */
    public synchronized void writeWindow(Box window, Raster data) {
        ensureOpen();
        if (data.width() != window.width() || data.height() != window.height()) {
            throw new IllegalArgumentException("raster " + data + " does not match window " + window);
        }
        if (data.bands() != profile.bands() || data.dataType() != profile.dataType()) {
            throw new IllegalArgumentException("raster " + data + " does not match " + profile.bands() + " bands of " + profile.dataType().numpyName());
        }
        if (window.x() < 0 || window.y() < 0 || window.xMax() > profile.width() || window.yMax() > profile.height()) {
            throw new IllegalArgumentException(window + " is outside the " + profile.width() + "x" + profile.height() + " image");
        }
        if (window.isEmpty()) return;
        int ts = grid.tileSize();
        int tx0 = window.x() / ts, tx1 = (window.xMax() - 1) / ts;
        int ty0 = window.y() / ts, ty1 = (window.yMax() - 1) / ts;
        TreeMap<Integer, ReadyTile> complete = new TreeMap<>();
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                int index = ty * grid.tilesAcross() + tx;
                if (byteCounts[index] != 0) throw new IllegalStateException("tile " + index + " of " + target + " was already written; windows must not overlap finished tiles");
                Box tile = grid.tileBox(index);
                Box part = tile.intersection(window);
                PartialTile pt = partial.get(index);
                if (pt == null && part.equals(tile)) {
                    // encoded straight from the caller's raster before this call returns: no copy
                    complete.put(index, new ReadyTile(data, part.shift(-window.x(), -window.y())));
                    continue;
                }
                if (pt == null) {
                    pt = new PartialTile(Raster.zeros(ts, ts, profile.bands(), profile.dataType()), new BitSet(ts * ts), (int) tile.area());
                    partial.put(index, pt);
                }
                int cx = part.x() - tile.x(), cy = part.y() - tile.y();
                data.copyTo(part.shift(-window.x(), -window.y()), pt.pixels, cx, cy);
                for (int r = 0; r < part.height(); r++) {
                    int from = (cy + r) * ts + cx;
                    pt.covered.set(from, from + part.width());
                }
                if (pt.covered.cardinality() == pt.needed) {
                    partial.remove(index);
                    complete.put(index, new ReadyTile(pt.pixels, new Box(0, 0, ts, ts)));
                }
            }
        }
        writeTiles(complete);
    }

    /** Convenience: writes {@code data} with its top-left pixel at ({@code col}, {@code row}). */
    public void write(int col, int row, Raster data) {
        writeWindow(new Box(col, row, data.width(), data.height()), data);
    }

    private void writeTiles(TreeMap<Integer, ReadyTile> tiles) {
        List<Integer> order = new ArrayList<>(tiles.keySet());
        int batch = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        for (int s = 0; s < order.size(); s += batch) {
            List<Integer> chunk = order.subList(s, Math.min(order.size(), s + batch));
            byte[][] encoded = new byte[chunk.size()][];
            IntStream.range(0, chunk.size()).parallel().forEach(i -> {
                ReadyTile t = tiles.get(chunk.get(i));
                encoded[i] = encoder.encode(t.source(), t.region(), grid.tileSize(), grid.tileSize());
            });
            for (int i = 0; i < chunk.size(); i++) {
                tiles.remove(chunk.get(i));
                append(chunk.get(i), encoded[i]);
            }
        }
    }

    private void append(int index, byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long pos = end;
            while (b.hasRemaining()) pos += channel.write(b, pos);
            offsets[index] = end;
            byteCounts[index] = bytes.length;
            end = pos;
            tilesWritten++;
            if (!bigTiff && end > 0xFFFF_FFFFL) {
                throw new IllegalStateException(target + " grew past 4 GB in classic TIFF; write it as BigTIFF");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Fills tiles never written with nodata (or 0), writes the directory and moves the file into place. */
    public synchronized void finish() {
        ensureOpen();
        int ts = grid.tileSize();
        double fill = profile.nodata().orElse(0);
        for (int index = 0; index < grid.tileCount(); index++) {
            if (byteCounts[index] != 0) continue;
            Raster pixels = Raster.filled(ts, ts, profile.bands(), profile.dataType(), fill);
            PartialTile pt = partial.remove(index);
            if (pt != null) {
                // keep what was written, fill the rest
                for (int b = 0; b < profile.bands(); b++) {
                    for (int i = pt.covered.nextSetBit(0); i >= 0; i = pt.covered.nextSetBit(i + 1)) {
                        pixels.setAt(b * ts * ts + i, pt.pixels.getAt(b * ts * ts + i));
                    }
                }
            }
            TreeMap<Integer, ReadyTile> one = new TreeMap<>();
            one.put(index, new ReadyTile(pixels, new Box(0, 0, ts, ts)));
            writeTiles(one);
        }
        try {
            ifd.setInts(TiffTags.TILE_OFFSETS, offsets);
            ifd.setInts(TiffTags.TILE_BYTE_COUNTS, byteCounts);
            channel.write(ImageIfds.header(bigTiff, ifdOffset), 0);
            ByteBuffer dir = ifd.encode(ifdOffset, 0, bigTiff);
            long pos = ifdOffset;
            while (dir.hasRemaining()) pos += channel.write(dir, pos);
            pending.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            closed = true;
            pending.close();
        }
    }

    /** Discards everything written so far; the target is left untouched. */
    public synchronized void abort() {
        if (closed) return;
        closed = true;
        partial.clear();
        pending.close();
    }

    /**
     * Completes the file when every tile was written; otherwise discards it and throws
     * {@link IllegalStateException} (use {@link #finish()} to keep an incomplete image).
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        if (tilesWritten == grid.tileCount()) {
            finish();
        } else {
            int missing = grid.tileCount() - tilesWritten;
            abort();
            throw new IllegalStateException(missing + " of " + grid.tileCount() + " tiles of " + target
                    + " were never written; nothing was saved (call finish() to fill them with nodata)");
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("writer for " + target + " is closed");
    }

    private static long align(long v) { return (v + 15) & ~15L; }
}
