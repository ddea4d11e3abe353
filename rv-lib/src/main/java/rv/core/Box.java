package rv.core;

/**
 * A pixel window: column {@code x}, row {@code y}, {@code width} columns and {@code height} rows.
 * Like rasterio's {@code Window(col_off, row_off, width, height)}; it may extend past a raster's edges.
 */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("window size must not be negative: " + width + "x" + height);
        }
    }

    public static Box of(int x, int y, int width, int height) {
        return new Box(x, y, width, height);
    }

    /** Exclusive right edge. */
    public int xMax() { return x + width; }

    /** Exclusive bottom edge. */
    public int yMax() { return y + height; }

    public long area() { return (long) width * height; }

    public boolean isEmpty() { return width == 0 || height == 0; }

    /** The overlap of both windows; an empty box (at this box's origin) when they do not meet. */
    public Box intersection(Box o) {
        int x0 = Math.max(x, o.x), y0 = Math.max(y, o.y);
        int x1 = Math.min(xMax(), o.xMax()), y1 = Math.min(yMax(), o.yMax());
        if (x1 <= x0 || y1 <= y0) return new Box(x, y, 0, 0);
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    public boolean intersects(Box o) { return !intersection(o).isEmpty(); }

    public boolean contains(Box o) {
        return o.x >= x && o.y >= y && o.xMax() <= xMax() && o.yMax() <= yMax();
    }

    /** Intersection over the area of {@code this}. */
    public double ioa(Box o) {
        return area() == 0 ? 0 : (double) intersection(o).area() / area();
    }

    /** Grown by {@code px} pixels on every side (shrunk when negative). */
    public Box buffer(int px) {
        return new Box(x - px, y - px, Math.max(0, width + 2 * px), Math.max(0, height + 2 * px));
    }

    public Box shift(int dx, int dy) { return new Box(x + dx, y + dy, width, height); }

    /** The window's centre in pixel coordinates (x, y). */
    public double[] center() { return new double[] {x + width / 2.0, y + height / 2.0}; }

    /** A JTS polygon covering the window in pixel coordinates. */
    public org.locationtech.jts.geom.Polygon toPolygon(org.locationtech.jts.geom.GeometryFactory gf) {
        return (org.locationtech.jts.geom.Polygon) gf.toGeometry(toEnvelope());
    }

    /** The window as a JTS envelope in pixel coordinates. */
    public org.locationtech.jts.geom.Envelope toEnvelope() {
        return new org.locationtech.jts.geom.Envelope(x, xMax(), y, yMax());
    }

    /** Clamped so that it lies inside {@code extent} (shrunk where it is larger). */
    public Box clampTo(Box extent) { return intersection(extent).isEmpty() ? new Box(extent.x, extent.y, 0, 0) : intersection(extent); }

    /**
     * Square windows of {@code size} every {@code stride} pixels over this box, row by row.
     * See {@link Windows.Edge} for how windows at the right and bottom edges are handled.
     */
    public java.util.List<Box> slidingWindows(int size, int stride, Windows.Edge edge) {
        return Windows.sliding(this, size, stride, edge);
    }

    /** Raster Vision's {@code make_random_square}: a {@code size} square at a random position inside this box. */
    public Box randomSquare(int size, java.util.random.RandomGenerator rnd) {
        int maxX = Math.max(0, width - size), maxY = Math.max(0, height - size);
        return new Box(x + rnd.nextInt(maxX + 1), y + rnd.nextInt(maxY + 1), size, size);
    }

    @Override public String toString() { return "Box[x=" + x + ", y=" + y + ", w=" + width + ", h=" + height + "]"; }

    // equals/hashCode written out (same meaning as the record's): the generated ones bootstrap through
    // invokedynamic (java.lang.runtime.ObjectMethods), whose first use costs a cold CLI run ~20 ms.
    @Override public boolean equals(Object o) {
        return o instanceof Box b && b.x == x && b.y == y && b.width == width && b.height == height;
    }

    @Override public int hashCode() { return ((x * 31 + y) * 31 + width) * 31 + height; }
}
