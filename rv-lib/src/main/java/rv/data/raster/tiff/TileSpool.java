package rv.data.raster.tiff;

import rv.core.Box;
import rv.data.raster.Raster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.IntStream;

/**
 * The encoded tiles of one COG level, in row-major order, in a temp file: each tile is stored as
 * GDAL's COG driver stores it, {@code [uint32 size][data][last 4 bytes of data]} (the "block leader"
 * and "block trailer" that let readers fetch a tile without the offset arrays and detect edits).
 * Offsets are relative to the spool; the assembler adds where the spool lands in the final file.
 */
public final class TileSpool implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final TileGrid grid;
    private final TileEncoder encoder;
    private final long[] offsets;
    private final long[] sizes;
    private int nextTile;
    private long end;

    public TileSpool(Path dir, String name, TileGrid grid, TileEncoder encoder) throws IOException {
        this.file = Files.createTempFile(dir, "." + name + ".", ".spool");
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        this.grid = grid;
        this.encoder = encoder;
        this.offsets = new long[grid.tileCount()];
        this.sizes = new long[grid.tileCount()];
    }

    public TileGrid grid() { return grid; }

    /** Encodes (in parallel) and appends the tiles of the next tile row, given as a strip of full image width. */
    public void appendStrip(Raster strip) {
        int ts = grid.tileSize();
        int across = grid.tilesAcross();
        if (nextTile % across != 0 || strip.width() != grid.width()) throw new IllegalStateException("strips must be full width and in order");
        byte[][] encoded = new byte[across][];
        IntStream.range(0, across).parallel().forEach(tx -> {
            int w = Math.min(ts, grid.width() - tx * ts);
            encoded[tx] = encoder.encode(strip, new Box(tx * ts, 0, w, strip.height()), ts, ts);
        });
        try {
            for (byte[] data : encoded) {
                ByteBuffer b = ByteBuffer.allocate(data.length + 8).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(data.length).put(data).put(data, data.length - 4, 4).flip();
                long pos = end;
                while (b.hasRemaining()) pos += channel.write(b, pos);
                offsets[nextTile] = end + 4;
                sizes[nextTile] = data.length;
                nextTile++;
                end = pos;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write temp file " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean isComplete() { return nextTile == grid.tileCount(); }

    /** Bytes in the spool. */
    public long size() { return end; }

    /** Tile data offsets once the spool starts at {@code base} in the final file. */
    public long[] offsets(long base) {
        long[] o = offsets.clone();
        for (int i = 0; i < o.length; i++) o[i] += base;
        return o;
    }

    public long[] byteCounts() { return sizes.clone(); }

    /** Copies the whole spool to {@code out} at {@code position}. */
    public void copyTo(FileChannel out, long position) throws IOException {
        long done = 0;
        while (done < end) done += channel.transferTo(done, end - done, out.position(position + done));
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
