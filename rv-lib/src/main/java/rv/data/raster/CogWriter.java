package rv.data.raster;

import rv.core.Box;
import rv.data.raster.tiff.Downsampler;
import rv.data.raster.tiff.Ifd;
import rv.data.raster.tiff.ImageIfds;
import rv.data.raster.tiff.TileEncoder;
import rv.data.raster.tiff.TileGrid;
import rv.data.raster.tiff.TileSpool;
import rv.data.raster.tiff.TiffTags;
import rv.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Cloud Optimized GeoTIFF laid out like GDAL's COG driver, so GDAL's validator accepts it:
 * a header, the "GDAL_STRUCTURAL_METADATA" ghost area, every IFD (full resolution first, then the
 * overviews), then tile data from the smallest overview to full resolution, tiles row-major, each with
 * a 4-byte size leader and a 4-byte trailer.
 *
 * <p>Streaming: the source is read one block-high strip at a time; each strip is tiled, compressed
 * (in parallel) into a per-level spool file beside the target, and fed to the overview chain, where
 * each level is computed from the previous one as strips complete. Memory is a few strips of the
 * widest level, whatever the image height. The final file is assembled from the spools into a temp
 * file that is renamed into place.
 */
public final class CogWriter {
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL - (1 << 20);

    private CogWriter() {}

    /** Writes all bands of {@code src} to {@code target} as a COG. */
    public static void write(RasterSource src, Path target, CogOptions options) {
        try {
            doWrite(src, RasterProfile.of(src), target, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void doWrite(RasterSource src, RasterProfile p, Path target, CogOptions o) throws IOException {
        int bs = o.blockSize();
        GeoTiffWriteOptions tiffOptions = o.toTiffOptions();
        int predictor = tiffOptions.predictorFor(p.dataType());
        boolean deflate = o.compression() == GeoTiffWriteOptions.Compression.DEFLATE;
        TileEncoder encoder = new TileEncoder(p.dataType(), predictor, deflate, o.deflateLevel());
        List<Integer> factors = o.factorsFor(p.width(), p.height());
        Path dir = target.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(dir);
        String name = target.getFileName().toString();

        List<TileSpool> spools = new ArrayList<>();
        try {
            List<TileGrid> grids = new ArrayList<>();
            grids.add(new TileGrid(p.width(), p.height(), bs));
            for (int f : factors) grids.add(new TileGrid(Downsampler.reducedSize(p.width(), f), Downsampler.reducedSize(p.height(), f), bs));
            for (int i = 0; i < grids.size(); i++) spools.add(new TileSpool(dir, name + ".L" + i, grids.get(i), encoder));

            // chain: level i's strips are spooled and fed to level i+1's downsampler
            Downsampler.StripSink[] sinks = new Downsampler.StripSink[grids.size()];
            for (int i = grids.size() - 1; i >= 0; i--) {
                TileSpool spool = spools.get(i);
                Downsampler next = null;
                if (i + 1 < grids.size()) {
                    TileGrid a = grids.get(i), b = grids.get(i + 1);
                    next = new Downsampler(a.width(), a.height(), b.width(), b.height(), p.bands(), p.dataType(),
                            o.resampling(), p.nodata(), bs, sinks[i + 1]);
                }
                Downsampler down = next;
                sinks[i] = (strip, y0) -> {
                    spool.appendStrip(strip);
                    if (down != null) down.accept(strip);
                };
            }
            for (int y = 0; y < p.height(); y += bs) {
                Box strip = new Box(0, y, p.width(), Math.min(bs, p.height() - y));
                sinks[0].accept(src.read(strip), y);
            }
            for (TileSpool s : spools) {
                if (!s.isComplete()) throw new IllegalStateException("internal error: overview level not complete");
            }
            assemble(p, o, predictor, deflate, spools, target);
        } finally {
            for (TileSpool s : spools) s.close();
        }
    }

    private static void assemble(RasterProfile p, CogOptions o, int predictor, boolean deflate, List<TileSpool> spools, Path target) throws IOException {
        long data = spools.stream().mapToLong(TileSpool::size).sum();
        boolean big = switch (o.bigTiff()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> data + 1_000_000L + spools.stream().mapToLong(s -> s.grid().tileCount() * 16L).sum() > CLASSIC_LIMIT;
        };
        byte[] ghost = ghostArea();
        long headerSize = big ? 16 : 8;
        long ifdStart = headerSize + ghost.length;
        ifdStart += ifdStart % 2;
        List<Ifd> ifds = new ArrayList<>();
        long[] ifdOffsets = new long[spools.size()];
        long pos = ifdStart;
        for (int i = 0; i < spools.size(); i++) {
            ifds.add(ImageIfds.tiled(p, spools.get(i).grid(), i > 0, deflate, predictor, false, big));
            ifdOffsets[i] = pos;
            pos += ifds.get(i).byteSize(big);
            pos += pos % 2;
        }
        // data: smallest overview first, full resolution last
        long[] spoolBase = new long[spools.size()];
        for (int i = spools.size() - 1; i >= 0; i--) {
            spoolBase[i] = pos;
            pos += spools.get(i).size();
        }
        if (!big && pos > 0xFFFF_FFFFL) throw new IllegalStateException(target + " would pass 4 GB in classic TIFF; write it as BigTIFF");
        try (AtomicFiles.Pending out = AtomicFiles.open(target)) {
            FileChannel ch = out.channel();
            writeFully(ch, ImageIfds.header(big, ifdOffsets[0]), 0);
            writeFully(ch, ByteBuffer.wrap(ghost), headerSize);
            for (int i = 0; i < spools.size(); i++) {
                Ifd ifd = ifds.get(i);
                ifd.setInts(TiffTags.TILE_OFFSETS, spools.get(i).offsets(spoolBase[i]));
                ifd.setInts(TiffTags.TILE_BYTE_COUNTS, spools.get(i).byteCounts());
                long next = i + 1 < spools.size() ? ifdOffsets[i + 1] : 0;
                writeFully(ch, ifd.encode(ifdOffsets[i], next, big), ifdOffsets[i]);
            }
            for (int i = spools.size() - 1; i >= 0; i--) spools.get(i).copyTo(ch, spoolBase[i]);
            out.commit();
        }
    }

    /** GDAL's structural metadata block: declares the layout so readers and the validator can rely on it. */
    static byte[] ghostArea() {
        String md = "LAYOUT=IFDS_BEFORE_DATA\n"
                + "BLOCK_ORDER=ROW_MAJOR\n"
                + "BLOCK_LEADER=SIZE_AS_UINT4\n"
                + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\n"
                + "KNOWN_INCOMPATIBLE_EDITION=NO\n ";
        String s = String.format("GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", md.length()) + md;
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) pos += ch.write(b, pos);
    }
}
