package rv.task.labels;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary masks (row-major {@code boolean}/{@code byte} arrays): morphological opening and
 * vectorisation into polygons, for the vector outputs of semantic segmentation.
 */
public final class Masks {
    private Masks() {}

    /**
     * Morphological opening (erosion then dilation) with a {@code (2r+1)²} square, done as separable
     * min/max filters so it costs O(pixels) for any radius. Pixels outside the mask count as background.
     */
    public static boolean[] open(boolean[] mask, int w, int h, int r) {
        if (r <= 0) return mask;
        return dilate(erode(mask, w, h, r), w, h, r);
    }

    public static boolean[] erode(boolean[] m, int w, int h, int r) { return filter(m, w, h, r, true); }

    public static boolean[] dilate(boolean[] m, int w, int h, int r) { return filter(m, w, h, r, false); }

    private static boolean[] filter(boolean[] m, int w, int h, int r, boolean erode) {
        boolean[] tmp = new boolean[m.length];
        // horizontal pass: prefix counts of set pixels per row
        int[] pre = new int[Math.max(w, h) + 1];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) pre[x + 1] = pre[x] + (m[y * w + x] ? 1 : 0);
            for (int x = 0; x < w; x++) {
                int a = x - r, b = x + r;
                int count = pre[Math.min(w, b + 1)] - pre[Math.max(0, a)];
                tmp[y * w + x] = erode ? (a >= 0 && b < w && count == 2 * r + 1) : count > 0;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) pre[y + 1] = pre[y] + (tmp[y * w + x] ? 1 : 0);
            for (int y = 0; y < h; y++) {
                int a = y - r, b = y + r;
                int count = pre[Math.min(h, b + 1)] - pre[Math.max(0, a)];
                out[y * w + x] = erode ? (a >= 0 && b < h && count == 2 * r + 1) : count > 0;
            }
        }
        return out;
    }

    /** Connected components (8-connected, as GDAL's polygonize and OpenCV's contours); 0 = background, 1.. = labels. */
    public static int[] components(boolean[] m, int w, int h, int[] countOut) {
        int[] label = new int[m.length];
        int next = 0;
        int[] stack = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            if (!m[i] || label[i] != 0) continue;
            next++;
            int sp = 0;
            stack[sp++] = i;
            label[i] = next;
            while (sp > 0) {
                int p = stack[--sp];
                int px = p % w, py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx, ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int q = ny * w + nx;
                        if (m[q] && label[q] == 0) { label[q] = next; stack[sp++] = q; }
                    }
                }
            }
        }
        if (countOut != null && countOut.length > 0) countOut[0] = next;
        return label;
    }

    /**
     * Polygons (pixel coordinates, pixel corners on integer coordinates) of the set pixels, one
     * polygon per 4-connected region: the union of the pixels' row runs.
     */
    public static List<Polygon> polygons(boolean[] m, int w, int h, GeometryFactory gf) {
        List<Geometry> rects = new ArrayList<>();
        // merge identical runs of consecutive rows into taller rectangles to keep the union small
        java.util.Map<Long, int[]> open = new java.util.HashMap<>();
        for (int y = 0; y <= h; y++) {
            java.util.Map<Long, int[]> now = new java.util.HashMap<>();
            if (y < h) {
                int x = 0;
                while (x < w) {
                    if (!m[y * w + x]) { x++; continue; }
                    int s = x;
                    while (x < w && m[y * w + x]) x++;
                    long key = ((long) s << 32) | x;
                    int[] run = open.remove(key);
                    now.put(key, run != null ? run : new int[] {s, x, y});
                }
            }
            for (int[] run : open.values()) rects.add(rect(gf, run[0], run[2], run[1], y));
            open = now;
        }
        if (rects.isEmpty()) return List.of();
        Geometry union = CascadedPolygonUnion.union(rects);
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < union.getNumGeometries(); i++) {
            if (union.getGeometryN(i) instanceof Polygon p) out.add(p);
        }
        return out;
    }

    private static Polygon rect(GeometryFactory gf, int x0, int y0, int x1, int y1) {
        return gf.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }
}
