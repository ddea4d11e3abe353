package rv.task.labels;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import rv.core.Box;
import rv.core.CrsTransformer;

/** Pixel geometry → WGS 84 longitude/latitude geometry, for the GeoJSON label stores. */
final class GeoJsonLabels {
    private GeoJsonLabels() {}

    static final GeometryFactory GF = new GeometryFactory();

    static Geometry toLonLat(Geometry pixels, CrsTransformer crs) {
        Geometry g = pixels.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override public void filter(CoordinateSequence seq, int i) {
                double[] ll = crs.pixelToLonLat(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, ll[0]);
                seq.setOrdinate(i, 1, ll[1]);
            }
            @Override public boolean isDone() { return false; }
            @Override public boolean isGeometryChanged() { return true; }
        });
        g.geometryChanged();
        return g;
    }

    static Geometry box(double x, double y, double w, double h) {
        return GF.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + w, y, y + h));
    }

    static Geometry box(Box b) { return b.toPolygon(GF); }
}
