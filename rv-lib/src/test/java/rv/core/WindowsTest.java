package rv.core;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowsTest {
    @Test
    void slidingEdgeRules() {
        Box extent = new Box(0, 0, 100, 70);
        List<Box> pad = Windows.sliding(extent, 50, 40, Windows.Edge.PAD);
        // starts 0, 40, 80 in x; 0, 40 in y (Raster Vision: every start inside the extent)
        assertThat(pad).hasSize(6).contains(new Box(80, 40, 50, 50));
        List<Box> shift = Windows.sliding(extent, 50, 40, Windows.Edge.SHIFT);
        assertThat(shift).extracting(Box::x).containsOnly(0, 40, 50);
        assertThat(shift).extracting(Box::y).containsOnly(0, 20);
        assertThat(shift).allMatch(extent::contains);
        List<Box> drop = Windows.sliding(extent, 50, 40, Windows.Edge.DROP);
        assertThat(drop).containsExactly(new Box(0, 0, 50, 50), new Box(40, 0, 50, 50));
        assertThat(Windows.sliding(new Box(0, 0, 30, 30), 50, 50, Windows.Edge.SHIFT)).containsExactly(new Box(0, 0, 50, 50));
        assertThat(extent.slidingWindows(50, 50, Windows.Edge.PAD)).hasSize(4);
    }

    @Test
    void randomWindowsAreSeededAndInside() {
        Box extent = new Box(10, 20, 500, 400);
        List<Box> a = Windows.random(extent, 100, 50, 7), b = Windows.random(extent, 100, 50, 7);
        assertThat(a).isEqualTo(b).hasSize(50).allMatch(extent::contains);
        assertThat(Windows.random(extent, 100, 50, 8)).isNotEqualTo(a);
    }

    @Test
    void aoiKeepsWindowsInsideOrOverlappingEnough() {
        GeometryFactory gf = new GeometryFactory();
        Aoi aoi = new Aoi(gf.createPolygon(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(100, 0), new Coordinate(100, 100), new Coordinate(0, 100), new Coordinate(0, 0)}));
        Box inside = new Box(10, 10, 20, 20), half = new Box(90, 10, 20, 20), out = new Box(200, 200, 10, 10);
        assertThat(aoi.contains(inside)).isTrue();
        assertThat(aoi.contains(half)).isFalse();
        assertThat(aoi.overlapShare(half)).isEqualTo(0.5);
        assertThat(Windows.inAoi(List.of(inside, half, out), aoi, 1.0)).containsExactly(inside);
        assertThat(Windows.inAoi(List.of(inside, half, out), aoi, 0.5)).containsExactly(inside, half);
    }

    @Test
    void nodataShareCountsPixelsNodataInEveryBand() {
        Raster r = Raster.zeros(2, 2, 2, DataType.UINT16);
        r.set(0, 0, 0, 5); // pixel (0,0): band 0 = 5, band 1 = 0 → not nodata
        r.set(0, 1, 1, 5);
        r.set(1, 1, 1, 5); // pixel (1,1) valid in both
        assertThat(Windows.nodataShare(r, 0)).isEqualTo(0.5);
        Raster f = Raster.filled(2, 1, 1, DataType.FLOAT32, Double.NaN);
        assertThat(Windows.nodataShare(f, Double.NaN)).isEqualTo(1.0);
    }

    @Test
    void boxAdditions() {
        Box b = new Box(10, 20, 30, 40);
        assertThat(b.center()).containsExactly(25.0, 40.0);
        assertThat(b.toPolygon(new GeometryFactory()).getArea()).isEqualTo(1200.0);
        assertThat(b.clampTo(new Box(0, 0, 25, 100))).isEqualTo(new Box(10, 20, 15, 40));
        assertThat(b.randomSquare(10, new java.util.SplittableRandom(1))).matches(b::contains);
    }
}
