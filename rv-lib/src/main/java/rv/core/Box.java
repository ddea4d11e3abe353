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

    @Override public String toString() { return "Box[x=" + x + ", y=" + y + ", w=" + width + ", h=" + height + "]"; }
}
