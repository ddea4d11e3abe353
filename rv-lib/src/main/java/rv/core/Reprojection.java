package rv.core;

import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Point transformation between two CRSs (proj4j), in GIS axis order (x/lon first).
 * Instances are thread-safe; the identity transform costs nothing.
 */
public final class Reprojection {
    private static final CoordinateTransformFactory FACTORY = new CoordinateTransformFactory();

    private final Crs from;
    private final Crs to;
    private final ThreadLocal<CoordinateTransform> transform;

    private Reprojection(Crs from, Crs to) {
        this.from = from;
        this.to = to;
        this.transform = from.equals(to) ? null
                : ThreadLocal.withInitial(() -> FACTORY.createTransform(from.proj4j(), to.proj4j()));
    }

    public static Reprojection between(Crs from, Crs to) { return new Reprojection(from, to); }

    public Crs from() { return from; }

    public Crs to() { return to; }

    public boolean isIdentity() { return transform == null; }

    /** Transforms one point. */
    public double[] apply(double x, double y) {
        if (transform == null) return new double[] {x, y};
        ProjCoordinate out = new ProjCoordinate();
        transform.get().transform(new ProjCoordinate(x, y), out);
        return new double[] {out.x, out.y};
    }

    /** Transforms interleaved {@code x0, y0, x1, y1, …} in place. */
    public void applyInPlace(double[] xy) {
        if (transform == null) return;
        CoordinateTransform t = transform.get();
        ProjCoordinate in = new ProjCoordinate(), out = new ProjCoordinate();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            in.x = xy[i]; in.y = xy[i + 1];
            t.transform(in, out);
            xy[i] = out.x; xy[i + 1] = out.y;
        }
    }

    public Reprojection inverse() { return new Reprojection(to, from); }

    @Override public String toString() { return "Reprojection[" + from + " -> " + to + "]"; }
}
