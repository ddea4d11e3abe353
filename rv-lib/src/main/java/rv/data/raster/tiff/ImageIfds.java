package rv.data.raster.tiff;

import rv.data.raster.DataType;
import rv.data.raster.RasterProfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Builds the IFD of one tiled, pixel-interleaved image (full resolution or overview). */
public final class ImageIfds {
    private ImageIfds() {}

    /**
     * The directory for an image of {@code grid}'s size with {@code profile}'s bands, type and (for the
     * full-resolution image only) georeferencing; tile offsets and byte counts are zero placeholders.
     */
    public static Ifd tiled(RasterProfile profile, TileGrid grid, boolean overview, boolean deflate, int predictor,
                            boolean rgb, boolean bigTiff) {
        DataType type = profile.dataType();
        int n = profile.bands();
        Ifd ifd = new Ifd();
        if (overview) ifd.longs(TiffTags.NEW_SUBFILE_TYPE, 1);
        ifd.shortOrLong(TiffTags.IMAGE_WIDTH, grid.width());
        ifd.shortOrLong(TiffTags.IMAGE_LENGTH, grid.height());
        ifd.shorts(TiffTags.BITS_PER_SAMPLE, repeat(n, type.bytes() * 8L));
        ifd.shorts(TiffTags.COMPRESSION, deflate ? TiffTags.COMPRESSION_DEFLATE : TiffTags.COMPRESSION_NONE);
        boolean isRgb = rgb && n >= 3 && type == DataType.UINT8;
        ifd.shorts(TiffTags.PHOTOMETRIC, isRgb ? TiffTags.PHOTOMETRIC_RGB : TiffTags.PHOTOMETRIC_MINISBLACK);
        ifd.shorts(TiffTags.SAMPLES_PER_PIXEL, n);
        ifd.shorts(TiffTags.PLANAR_CONFIGURATION, 1);
        if (predictor != 1) ifd.shorts(TiffTags.PREDICTOR, predictor);
        ifd.shortOrLong(TiffTags.TILE_WIDTH, grid.tileSize());
        ifd.shortOrLong(TiffTags.TILE_LENGTH, grid.tileSize());
        long[] zeros = new long[grid.tileCount()];
        if (bigTiff) {
            ifd.long8s(TiffTags.TILE_OFFSETS, zeros);
            ifd.long8s(TiffTags.TILE_BYTE_COUNTS, zeros);
        } else {
            ifd.longs(TiffTags.TILE_OFFSETS, zeros);
            ifd.longs(TiffTags.TILE_BYTE_COUNTS, zeros);
        }
        int extra = n - (isRgb ? 3 : 1);
        if (extra > 0) ifd.shorts(TiffTags.EXTRA_SAMPLES, repeat(extra, 0));
        long format = type.isIntegral() ? (type.isSigned() ? 2 : 1) : 3;
        ifd.shorts(TiffTags.SAMPLE_FORMAT, repeat(n, format));
        if (!overview) GeoTiffTags.addTo(ifd, profile);
        else profile.nodata().ifPresent(v -> ifd.ascii(TiffTags.GDAL_NODATA, GeoTiffTags.nodataString(v)));
        return ifd;
    }

    /** The 8-byte classic or 16-byte BigTIFF little-endian header pointing to the first IFD. */
    public static ByteBuffer header(boolean bigTiff, long firstIfd) {
        ByteBuffer b = ByteBuffer.allocate(bigTiff ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            b.putShort((short) 42).putInt(Math.toIntExact(firstIfd));
        }
        b.flip();
        return b;
    }

    private static long[] repeat(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }
}
