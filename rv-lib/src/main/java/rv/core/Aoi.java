package rv.core;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An area of interest in the pixel coordinates of a scene: the union of the AOI polygons. Windows can
 * be tested for lying inside it or for how much of them it covers.
 */
public final class Aoi {
    private final Geometry geometry;
    private final PreparedGeometry prepared;
    private final GeometryFactory gf = new GeometryFactory();

    public Aoi(Geometry pixelGeometry) {
        this.geometry = pixelGeometry.isValid() ? pixelGeometry : pixelGeometry.buffer(0);
        this.prepared = PreparedGeometryFactory.prepare(geometry);
    }

    public Geometry geometry() { return geometry; }

    /** True when the whole window is inside the AOI. */
    public boolean contains(Box window) { return prepared.contains(window.toPolygon(gf)); }

    /** Share of the window's area covered by the AOI (0–1). */
    public double overlapShare(Box window) {
        if (window.area() == 0) return 0;
        Geometry w = window.toPolygon(gf);
        if (!prepared.intersects(w)) return 0;
        if (prepared.contains(w)) return 1;
        return geometry.intersection(w).getArea() / window.area();
    }
}
