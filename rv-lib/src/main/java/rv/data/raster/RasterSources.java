package rv.data.raster;

import rv.core.RvException;
import rv.data.raster.tiff.GeoTiffRasterSource;
import rv.io.FileSystems;
import rv.io.RangeReader;

import java.io.IOException;
import java.util.List;

/** Opens the right {@link RasterSource} for a file by its leading bytes (TIFF, PNG or JPEG). */
public final class RasterSources {
    private RasterSources() {}

    /** Opens one image: GeoTIFF/TIFF lazily, PNG/JPEG into memory. */
    public static RasterSource open(String uri) {
        RangeReader in = FileSystems.open(uri);
        byte[] head;
        try {
            head = in.read(0, (int) Math.min(8, in.size()));
        } catch (IOException e) {
            in.close();
            throw new RvException("cannot read " + uri + ": " + e.getMessage(), e);
        }
        if (isTiff(head)) return GeoTiffRasterSource.open(in, TileCache.global());
        in.close();
        if (isPng(head) || isJpeg(head)) return ImageRasterSource.open(uri);
        if (head.length == 0) throw new RvException(uri + ": empty file, not a GeoTIFF");
        throw new RvException(uri + ": not a TIFF file (nor PNG/JPEG); rv reads GeoTIFF, PNG and JPEG");
    }

    /**
     * Opens one or more images as one source, like Raster Vision's {@code RasterioSourceConfig}:
     * several URIs are mosaicked (same CRS and resolution), then shifted by {@code xShift}/{@code yShift}
     * metres and reduced to {@code channelOrder} (null keeps all bands).
     */
    public static RasterSource open(List<String> uris, int[] channelOrder, double xShift, double yShift) {
        if (uris == null || uris.isEmpty()) throw new RvException("raster source needs at least one URI");
        RasterSource src = uris.size() == 1 ? open(uris.get(0)) : MosaicRasterSource.open(uris);
        if (xShift != 0 || yShift != 0) src = new ShiftedRasterSource(src, xShift, yShift);
        if (channelOrder != null) src = new ChannelOrderRasterSource(src, channelOrder);
        return src;
    }

    /**
     * The imagery of a {@code rasterio_source} config: its URIs (mosaicked), x/y shift and channel order.
     * Raster transformers are not applied here.
     */
    public static RasterSource open(RasterioSourceConfig config) {
        int[] order = config.channelOrder() == null ? null : config.channelOrder().stream().mapToInt(Integer::intValue).toArray();
        return open(config.uris(), order, config.xShift() == null ? 0 : config.xShift(), config.yShift() == null ? 0 : config.yShift());
    }

    static boolean isTiff(byte[] h) {
        return h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)));
    }

    static boolean isPng(byte[] h) {
        return h.length >= 4 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
    }

    static boolean isJpeg(byte[] h) {
        return h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff;
    }
}
