package rv.data.raster.tiff;

import rv.core.GeoTransform;
import rv.core.RvException;
import rv.data.raster.DataType;
import rv.io.RangeReader;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The full-resolution image of a TIFF file: its layout (strips or tiles, chunky or planar), codec,
 * pixel type, chunk offsets and georeferencing. A "chunk" is a strip or a tile; for planar files
 * chunks of band {@code b} follow those of band {@code b-1}.
 */
public final class TiffImage {
    final String name;
    final ByteOrder order;
    final boolean bigTiff;
    final int width;
    final int height;
    final int samplesPerPixel;
    final int bitsPerSample;
    final int sampleFormat;
    final Compression compression;
    final int compressionCode;
    final int predictor;
    final boolean planar;
    final int photometric;
    final boolean tiled;
    final int blockWidth;
    /** Rows of one decoded chunk: the tile/strip height, or a slice of a large uncompressed strip. */
    final int blockHeight;
    /** Tile height or RowsPerStrip as stored in the file (what GDAL reports as the block height). */
    final int fileBlockHeight;
    final int blocksAcross;
    final int blocksDown;
    final long[] offsets;
    final long[] byteCounts;
    final byte[] jpegTables;
    final DataType dataType;
    final GeoTransform geoTransform;
    final OptionalInt epsg;
    final OptionalDouble nodata;

    private TiffImage(String name, TiffParser p, TiffDirectory d) {
        this.name = name;
        this.order = p.order();
        this.bigTiff = p.bigTiff();
        width = (int) require(d, TiffTags.IMAGE_WIDTH, "ImageWidth");
        height = (int) require(d, TiffTags.IMAGE_LENGTH, "ImageLength");
        if (width <= 0 || height <= 0) throw bad("image size " + width + "x" + height);
        samplesPerPixel = (int) d.longValue(TiffTags.SAMPLES_PER_PIXEL, 1);
        long[] bps = d.longs(TiffTags.BITS_PER_SAMPLE);
        bitsPerSample = bps == null ? 1 : (int) bps[0];
        if (bps != null) for (long b : bps) if (b != bitsPerSample) throw unsupported("bands with different bit depths");
        long[] sf = d.longs(TiffTags.SAMPLE_FORMAT);
        sampleFormat = sf == null ? 1 : (int) sf[0];
        compressionCode = (int) d.longValue(TiffTags.COMPRESSION, 1);
        compression = Compression.of(compressionCode);
        predictor = (int) d.longValue(TiffTags.PREDICTOR, 1);
        planar = d.longValue(TiffTags.PLANAR_CONFIGURATION, 1) == 2 && samplesPerPixel > 1;
        photometric = (int) d.longValue(TiffTags.PHOTOMETRIC, 1);
        tiled = d.has(TiffTags.TILE_WIDTH);
        int bh;
        long[] offs, counts;
        if (tiled) {
            blockWidth = (int) require(d, TiffTags.TILE_WIDTH, "TileWidth");
            bh = (int) require(d, TiffTags.TILE_LENGTH, "TileLength");
            offs = d.longs(TiffTags.TILE_OFFSETS);
            counts = d.longs(TiffTags.TILE_BYTE_COUNTS);
        } else {
            blockWidth = width;
            bh = (int) Math.min(height, d.longValue(TiffTags.ROWS_PER_STRIP, height));
            offs = d.longs(TiffTags.STRIP_OFFSETS);
            counts = d.longs(TiffTags.STRIP_BYTE_COUNTS);
        }
        if (blockWidth <= 0 || bh <= 0) throw bad("block size " + blockWidth + "x" + bh);
        fileBlockHeight = bh;
        int down = (height + bh - 1) / bh;
        long chunks = (long) ((width + blockWidth - 1) / blockWidth) * down * (planar ? samplesPerPixel : 1);
        if (offs == null || counts == null) throw bad("no " + (tiled ? "tile" : "strip") + " offsets or byte counts");
        if (offs.length < chunks || counts.length < chunks) {
            throw bad("has " + offs.length + " " + (tiled ? "tile" : "strip") + " offsets, needs " + chunks);
        }
        // Large uncompressed strips are read in slices of whole rows, so a window never loads a
        // whole multi-gigabyte strip (GDAL does the same for such files).
        long rowBytes = (long) width * (planar ? 1 : samplesPerPixel) * Math.max(1, bitsPerSample / 8);
        long splitAbove = Long.getLong("rv.tiff.splitStripBytes", 4L << 20);
        if (!tiled && compressionCode == 1 && bh > 1 && (long) bh * rowBytes > splitAbove) {
            long sliceBytes = Math.max(1, Math.min(1L << 20, splitAbove / 4));
            int r = (int) Math.max(1, Math.min(bh, sliceBytes / rowBytes));
            while (bh % r != 0) r--;
            int slices = (height + r - 1) / r, planes = planar ? samplesPerPixel : 1;
            long[] so = new long[slices * planes], sc = new long[slices * planes];
            for (int plane = 0; plane < planes; plane++) {
                for (int k = 0; k < slices; k++) {
                    int row = k * r, strip = plane * down + row / bh;
                    long skip = (long) (row % bh) * rowBytes;
                    so[plane * slices + k] = offs[strip] + skip;
                    sc[plane * slices + k] = Math.max(0, Math.min((long) Math.min(r, height - row) * rowBytes, counts[strip] - skip));
                }
            }
            offs = so;
            counts = sc;
            bh = r;
            down = slices;
        }
        blockHeight = bh;
        offsets = offs;
        byteCounts = counts;
        blocksAcross = (width + blockWidth - 1) / blockWidth;
        blocksDown = down;
        jpegTables = d.bytes(TiffTags.JPEG_TABLES);
        dataType = resolveDataType();
        if (predictor == 3 && dataType.isIntegral()) throw bad("floating-point predictor on integer samples");
        Map<Integer, Integer> keys = GeoKeys.shortKeys(d);
        geoTransform = GeoKeys.transform(d, keys);
        epsg = GeoKeys.epsg(keys);
        nodata = parseNodata(d.string(TiffTags.GDAL_NODATA));
    }

    /** Parses the first full-resolution image of the TIFF behind {@code in}. */
    public static TiffImage read(RangeReader in) {
        TiffParser p = new TiffParser(in);
        TiffDirectory d = p.parse();
        return new TiffImage(in.uri(), p, d);
    }

    private DataType resolveDataType() {
        switch (bitsPerSample) {
            case 8: return sampleFormat == 2 ? DataType.INT8 : DataType.UINT8;
            case 16: return sampleFormat == 2 ? DataType.INT16 : DataType.UINT16;
            case 32: return sampleFormat == 3 ? DataType.FLOAT32 : sampleFormat == 2 ? DataType.INT32 : DataType.UINT32;
            case 64: if (sampleFormat == 3) return DataType.FLOAT64; break;
            default: break;
        }
        throw unsupported(bitsPerSample + "-bit samples (sample format " + sampleFormat + ")");
    }

    private static OptionalDouble parseNodata(String s) {
        if (s == null || s.isBlank()) return OptionalDouble.empty();
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("nan") || t.equals("-nan")) return OptionalDouble.of(Double.NaN);
        if (t.equals("inf") || t.equals("+inf")) return OptionalDouble.of(Double.POSITIVE_INFINITY);
        if (t.equals("-inf")) return OptionalDouble.of(Double.NEGATIVE_INFINITY);
        try {
            return OptionalDouble.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private long require(TiffDirectory d, int tag, String tagName) {
        long v = d.longValue(tag, -1);
        if (v < 0) throw bad("missing " + tagName + " tag");
        return v;
    }

    private RvException bad(String what) { return new RvException(name + ": corrupt TIFF: " + what); }

    private RvException unsupported(String what) { return new RvException(name + ": unsupported TIFF: " + what); }

    public String name() { return name; }
    public int width() { return width; }
    public int height() { return height; }
    public int samplesPerPixel() { return samplesPerPixel; }
    public DataType dataType() { return dataType; }
    public Compression compression() { return compression; }
    public int predictor() { return predictor; }
    public boolean isPlanar() { return planar; }
    public boolean isTiled() { return tiled; }
    public boolean isBigTiff() { return bigTiff; }
    public int blockWidth() { return blockWidth; }
    /** Tile height or RowsPerStrip as stored in the file. */
    public int blockHeight() { return fileBlockHeight; }
    public int photometric() { return photometric; }
    /** Geotransform, or null when the file has none. */
    public GeoTransform geoTransform() { return geoTransform; }
    public OptionalInt epsg() { return epsg; }
    public OptionalDouble nodata() { return nodata; }

    /** Name of the compression as rv prints it; unknown codes print as {@code code<N>}. */
    public String compressionLabel() {
        return compression == Compression.UNKNOWN ? "code" + compressionCode : compression.label();
    }

    int chunksPerBand() { return blocksAcross * blocksDown; }

    /** Bands held in one chunk: all of them (chunky) or one (planar). */
    int bandsPerChunk() { return planar ? 1 : samplesPerPixel; }

    /** Rows of pixel data in chunk row {@code blockRow} (the last strip may be shorter). */
    int rowsInChunk(int blockRow) {
        return tiled ? blockHeight : Math.min(blockHeight, height - blockRow * blockHeight);
    }
}
