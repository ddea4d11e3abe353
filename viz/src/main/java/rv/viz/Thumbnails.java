package rv.viz;

import rv.core.Box;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;

/** Reads a small, evenly subsampled copy of a window of a raster source (nearest neighbour). */
public final class Thumbnails {
    private Thumbnails() {}

    /** A thumbnail and the pixel step it was sampled with (source pixels per thumbnail pixel). */
    public record Thumbnail(Raster raster, Box window, double step) {}

    public static Thumbnail read(RasterSource src, Box window, int[] bands, int maxSize) {
        int w = window.width();
        int h = window.height();
        double step = Math.max(1.0, (double) Math.max(w, h) / maxSize);
        int tw = Math.max(1, (int) Math.floor(w / step));
        int th = Math.max(1, (int) Math.floor(h / step));
        if (step == 1.0) return new Thumbnail(src.read(window, bands), window, 1.0);
        Raster out = Raster.zeros(tw, th, bands.length, src.dataType());
        int strip = Math.max(1, (int) Math.min(h, 4_000_000L / Math.max(1, (long) w * bands.length)));
        int row0 = window.y();
        int col0 = window.x();
        int[] cols = new int[tw];
        for (int x = 0; x < tw; x++) cols[x] = (int) Math.min(w - 1, Math.floor((x + 0.5) * step));
        int ty = 0;
        for (int y0 = 0; y0 < h && ty < th; y0 += strip) {
            int y1 = Math.min(h, y0 + strip);
            Raster block = null;
            while (ty < th) {
                int sy = (int) Math.min(h - 1, Math.floor((ty + 0.5) * step));
                if (sy >= y1) break;
                if (block == null) block = src.read(new Box(col0, row0 + y0, w, y1 - y0), bands);
                for (int b = 0; b < bands.length; b++) {
                    for (int x = 0; x < tw; x++) out.set(b, ty, x, block.get(b, sy - y0, cols[x]));
                }
                ty++;
            }
        }
        return new Thumbnail(out, window, step);
    }
}
