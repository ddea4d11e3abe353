package rv.core;

/**
 * Affine pixel→map transform in GDAL order:
 * {@code X = c0 + col*c1 + row*c2}, {@code Y = c3 + col*c4 + row*c5} (pixel corner convention).
 */
public record GeoTransform(double c0, double c1, double c2, double c3, double c4, double c5) {

    public static final GeoTransform IDENTITY = new GeoTransform(0, 1, 0, 0, 0, 1);

    public static GeoTransform fromGdal(double[] gt) {
        if (gt.length != 6) throw new IllegalArgumentException("a geotransform has 6 numbers, got " + gt.length);
        return new GeoTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]);
    }

    public double[] toGdal() { return new double[] {c0, c1, c2, c3, c4, c5}; }

    /** Map coordinates of the pixel-space point (col, row). */
    public double[] pixelToMap(double col, double row) {
        return new double[] {c0 + col * c1 + row * c2, c3 + col * c4 + row * c5};
    }

    /** Pixel-space (col, row) of a map point; fractional. */
    public double[] mapToPixel(double mx, double my) {
        double det = c1 * c5 - c2 * c4;
        if (det == 0) throw new IllegalStateException("geotransform is not invertible: " + this);
        double dx = mx - c0, dy = my - c3;
        return new double[] {(c5 * dx - c2 * dy) / det, (-c4 * dx + c1 * dy) / det};
    }

    /** This transform for a window whose top-left pixel is (col, row) of the original grid. */
    public GeoTransform forWindow(int col, int row) {
        double[] o = pixelToMap(col, row);
        return new GeoTransform(o[0], c1, c2, o[1], c4, c5);
    }

    public boolean isRotated() { return c2 != 0 || c4 != 0; }

    /** Pixel size along x in map units (absolute, ignoring rotation). */
    public double resolutionX() { return Math.hypot(c1, c4); }

    /** Pixel size along y in map units (absolute, ignoring rotation). */
    public double resolutionY() { return Math.hypot(c2, c5); }

    // equals/hashCode written out (same meaning as the record's: components compared with
    // Double.compare): the generated ones bootstrap through invokedynamic
    // (java.lang.runtime.ObjectMethods), whose first use costs a cold CLI run ~20 ms.
    @Override public boolean equals(Object o) {
        return o instanceof GeoTransform g && Double.compare(c0, g.c0) == 0 && Double.compare(c1, g.c1) == 0
                && Double.compare(c2, g.c2) == 0 && Double.compare(c3, g.c3) == 0
                && Double.compare(c4, g.c4) == 0 && Double.compare(c5, g.c5) == 0;
    }

    @Override public int hashCode() {
        int h = Double.hashCode(c0);
        for (double c : new double[] {c1, c2, c3, c4, c5}) h = 31 * h + Double.hashCode(c);
        return h;
    }
}
