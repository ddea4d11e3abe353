package rv.data.vector;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import rv.core.Box;

import static org.assertj.core.api.Assertions.assertThat;

class RasterizerTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static Polygon poly(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        cs[cs.length - 1] = cs[0];
        return GF.createPolygon(cs);
    }

    private static byte[] burn(Geometry g, boolean allTouched, Box w) {
        byte[] out = new byte[w.width() * w.height()];
        new Rasterizer(10, 10, true).burn(g, 1, allTouched, out, w);
        return out;
    }

    private static int count(byte[] b) {
        int n = 0;
        for (byte v : b) if (v != 0) n++;
        return n;
    }

    @Test
    void burnsPixelsWhoseCentreIsInside() {
        // x 1.4..4.6 covers centres 1.5..4.5 → columns 1-4; y 2.6..3.4 covers no centre row (2.5 and 3.5 are outside).
        assertThat(count(burn(poly(1.4, 2.6, 4.6, 2.6, 4.6, 3.4, 1.4, 3.4), false, new Box(0, 0, 10, 10)))).isZero();
        byte[] b = burn(poly(1.4, 2.4, 4.6, 2.4, 4.6, 3.6, 1.4, 3.6), false, new Box(0, 0, 10, 10));
        assertThat(count(b)).isEqualTo(8);
        for (int x = 1; x <= 4; x++) {
            assertThat(b[2 * 10 + x]).isEqualTo((byte) 1);
            assertThat(b[3 * 10 + x]).isEqualTo((byte) 1);
        }
    }

    @Test
    void holesAreLeftOutAndWindowsAreOffsetsOfTheWholeRaster() {
        Polygon withHole = GF.createPolygon(poly(0, 0, 10, 0, 10, 10, 0, 10).getExteriorRing(),
                new org.locationtech.jts.geom.LinearRing[] {poly(3, 3, 7, 3, 7, 7, 3, 7).getExteriorRing()});
        byte[] all = burn(withHole, false, new Box(0, 0, 10, 10));
        assertThat(count(all)).isEqualTo(100 - 16);
        Box w = new Box(2, 2, 5, 5);
        byte[] part = burn(withHole, false, w);
        for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++) assertThat(part[y * 5 + x]).isEqualTo(all[(y + 2) * 10 + x + 2]);
    }

    @Test
    void horizontalEdgeOnACentreLineIsBurnedWhateverTheRingOrientation() {
        // The bottom edge y = 3.5 runs exactly through the centres of row 3: GDAL burns it once rings are oriented.
        Polygon ccw = poly(1, 1.2, 5, 1.2, 5, 3.5, 1, 3.5);
        Polygon cw = (Polygon) ccw.reverse();
        byte[] a = burn(ccw, false, new Box(0, 0, 10, 10)), b = burn(cw, false, new Box(0, 0, 10, 10));
        assertThat(a).isEqualTo(b);
        assertThat(count(a)).isEqualTo(4 * 2 + 4); // rows 1, 2 and the edge row 3
    }

    @Test
    void allTouchedAddsEveryPixelTheOutlinePassesThrough() {
        Polygon p = poly(1.2, 1.2, 3.8, 1.2, 3.8, 3.8, 1.2, 3.8);
        assertThat(count(burn(p, false, new Box(0, 0, 10, 10)))).isEqualTo(9);
        assertThat(count(burn(p, true, new Box(0, 0, 10, 10)))).isEqualTo(9);
        Polygon thin = poly(1.1, 1.1, 8.9, 1.6, 8.9, 1.9, 1.1, 1.4);
        assertThat(count(burn(thin, false, new Box(0, 0, 10, 10)))).isBetween(3, 8);
        assertThat(count(burn(thin, true, new Box(0, 0, 10, 10)))).isEqualTo(8);
    }

    @Test
    void orientationFollowsOgr() {
        Rasterizer northUp = new Rasterizer(10, 10, true);
        Coordinate[] clockwiseOnScreen = poly(0, 0, 1, 0, 1, 1, 0, 1).getCoordinates(); // y down: clockwise on screen
        assertThat(northUp.isClockwiseInMap(clockwiseOnScreen)).isTrue(); // a north-up image shows the map as is
        assertThat(new Rasterizer(10, 10, false).isClockwiseInMap(clockwiseOnScreen)).isFalse(); // south-up grid mirrors it
    }
}
