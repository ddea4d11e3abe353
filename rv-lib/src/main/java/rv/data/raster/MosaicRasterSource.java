package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;
import rv.core.RvException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Several images on one grid (same CRS, resolution, band count and type) read as one source covering
 * their union, like the VRT Raster Vision builds for several URIs: where images overlap the later one
 * wins, except that its nodata pixels are transparent (as in a VRT whose sources have nodata);
 * pixels covered by none are nodata (or 0).
 */
public final class MosaicRasterSource implements RasterSource {
    private final List<RasterSource> parts;
    private final int[][] offsets; // pixel offset of each part inside the mosaic
    private final int width;
    private final int height;
    private final GeoTransform transform;

    private MosaicRasterSource(List<RasterSource> parts) {
        RasterSource first = parts.get(0);
        GeoTransform g0 = first.geoTransform();
        if (g0.isRotated()) throw new RvException("cannot mosaic rotated images");
        double minX = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        for (RasterSource s : parts) {
            GeoTransform g = s.geoTransform();
            String what = s.toString();
            if (s.epsg().equals(first.epsg()) == false) throw new RvException("mosaic images must share a CRS: " + what + " has EPSG " + s.epsg() + ", the first has " + first.epsg());
            if (!close(g.c1(), g0.c1()) || !close(g.c5(), g0.c5()) || g.isRotated()) throw new RvException("mosaic images must share a resolution: " + what);
            if (s.bandCount() != first.bandCount() || s.dataType() != first.dataType()) throw new RvException("mosaic images must share band count and data type: " + what);
            double[] a = g.pixelToMap(0, 0), b = g.pixelToMap(s.width(), s.height());
            minX = Math.min(minX, Math.min(a[0], b[0])); maxX = Math.max(maxX, Math.max(a[0], b[0]));
            minY = Math.min(minY, Math.min(a[1], b[1])); maxY = Math.max(maxY, Math.max(a[1], b[1]));
        }
        double ox = g0.c1() > 0 ? minX : maxX, oy = g0.c5() < 0 ? maxY : minY;
        this.transform = new GeoTransform(ox, g0.c1(), 0, oy, 0, g0.c5());
        this.parts = parts;
        this.offsets = new int[parts.size()][];
        int w = 0, h = 0;
        for (int i = 0; i < parts.size(); i++) {
            RasterSource s = parts.get(i);
            double[] p = transform.mapToPixel(s.geoTransform().c0(), s.geoTransform().c3());
            offsets[i] = new int[] {(int) Math.round(p[0]), (int) Math.round(p[1])};
            w = Math.max(w, offsets[i][0] + s.width());
            h = Math.max(h, offsets[i][1] + s.height());
        }
        this.width = w;
        this.height = h;
    }

    private static boolean close(double a, double b) { return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)); }

    /** Opens every URI with {@link RasterSources#open(String)} and mosaics them. */
    public static MosaicRasterSource open(List<String> uris) {
        List<RasterSource> parts = new ArrayList<>();
        try {
            for (String u : uris) parts.add(RasterSources.open(u));
            return new MosaicRasterSource(parts);
        } catch (RuntimeException e) {
            parts.forEach(RasterSource::close);
            throw e;
        }
    }

    public static MosaicRasterSource of(List<RasterSource> parts) {
        if (parts.isEmpty()) throw new RvException("a mosaic needs at least one image");
        return new MosaicRasterSource(List.copyOf(parts));
    }

    @Override public int width() { return width; }
    @Override public int height() { return height; }
    @Override public int bandCount() { return parts.get(0).bandCount(); }
    @Override public DataType dataType() { return parts.get(0).dataType(); }
    @Override public GeoTransform geoTransform() { return transform; }
    @Override public OptionalInt epsg() { return parts.get(0).epsg(); }
    @Override public OptionalDouble nodata() { return parts.get(0).nodata(); }

    @Override
    public Raster read(Box window, int[] bands) {
        Raster out = Raster.filled(window.width(), window.height(), bands.length, dataType(), nodata().orElse(0));
        for (int i = 0; i < parts.size(); i++) {
            RasterSource s = parts.get(i);
            Box partBox = new Box(offsets[i][0], offsets[i][1], s.width(), s.height());
            Box overlap = window.intersection(partBox);
            if (overlap.isEmpty()) continue;
            Raster r = s.read(overlap.shift(-offsets[i][0], -offsets[i][1]), bands);
            if (s.nodata().isPresent() && i > 0) pasteData(out, r, overlap.x() - window.x(), overlap.y() - window.y(), s.nodata().getAsDouble());
            else out.paste(r, overlap.x() - window.x(), overlap.y() - window.y());
        }
        return out;
    }

    /** Pastes {@code src} at (col,row) of {@code dst} except its nodata pixels. */
    private static void pasteData(Raster dst, Raster src, int col, int row, double nodata) {
        boolean nan = Double.isNaN(nodata);
        for (int b = 0; b < src.bands(); b++) {
            for (int y = 0; y < src.height(); y++) {
                for (int x = 0; x < src.width(); x++) {
                    double v = src.get(b, y, x);
                    if (nan ? Double.isNaN(v) : v == nodata) continue;
                    dst.set(b, row + y, col + x, v);
                }
            }
        }
    }

    @Override public void close() { parts.forEach(RasterSource::close); }
}
