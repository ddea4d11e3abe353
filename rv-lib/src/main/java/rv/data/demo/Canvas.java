package rv.data.demo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import rv.core.Box;
import rv.data.vector.Rasterizer;

import java.util.SplittableRandom;

/**
 * Four float planes (red, green, blue, near-infrared; 0–255 scale) that shapes are painted on with
 * the project's own GDAL-rule rasterizer, so that labels rasterized later cover exactly the painted
 * pixels.
 */
final class Canvas {
    final int size;
    final float[][] planes; // r, g, b, nir
    private final Rasterizer rasterizer;

    Canvas(int size) {
        this.size = size;
        this.planes = new float[4][size * size];
        this.rasterizer = new Rasterizer(size, size, true);
    }

    /** A colour with optional per-pixel noise amplitude. */
    record Colour(float r, float g, float b, float nir) {
        Colour scaled(float f) { return new Colour(r * f, g * f, b * f, nir * f); }
    }

    interface Painter {
        /** Paints pixel (x, y) at flat index i. */
        void paint(int x, int y, int i);
    }

    /** Calls {@code painter} for each pixel of {@code g} (pixel centres inside, GDAL rules). */
    void fill(Geometry g, Painter painter) {
        Envelope e = g.getEnvelopeInternal();
        int x0 = Math.max(0, (int) Math.floor(e.getMinX())), y0 = Math.max(0, (int) Math.floor(e.getMinY()));
        int x1 = Math.min(size, (int) Math.ceil(e.getMaxX()) + 1), y1 = Math.min(size, (int) Math.ceil(e.getMaxY()) + 1);
        if (x1 <= x0 || y1 <= y0) return;
        Box w = new Box(x0, y0, x1 - x0, y1 - y0);
        byte[] mask = new byte[w.width() * w.height()];
        rasterizer.burn(g, 1, false, mask, w);
        for (int y = 0; y < w.height(); y++) {
            for (int x = 0; x < w.width(); x++) {
                if (mask[y * w.width() + x] != 0) {
                    int px = x0 + x, py = y0 + y;
                    painter.paint(px, py, py * size + px);
                }
            }
        }
    }

    /** Paints a flat colour plus uniform noise of ±{@code noise} (same offset on all bands, like brightness). */
    void fill(Geometry g, Colour c, float noise, SplittableRandom rnd) {
        fill(g, (x, y, i) -> {
            float n = noise == 0 ? 0 : (float) ((rnd.nextDouble() * 2 - 1) * noise);
            set(i, c, n);
        });
    }

    void set(int i, Colour c, float n) {
        planes[0][i] = c.r + n;
        planes[1][i] = c.g + n;
        planes[2][i] = c.b + n;
        planes[3][i] = c.nir + n;
    }

    /** Multiplies all bands by {@code f} inside {@code g} (shadows). */
    void darken(Geometry g, float f) {
        fill(g, (x, y, i) -> {
            for (float[] p : planes) p[i] *= f;
        });
    }
}
