package rv.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoxTest {
    @Test
    void intersectionAndIoa() {
        Box a = Box.of(0, 0, 10, 10);
        Box b = Box.of(5, 5, 10, 10);
        assertThat(a.intersection(b)).isEqualTo(Box.of(5, 5, 5, 5));
        assertThat(a.ioa(b)).isEqualTo(0.25);
        assertThat(a.intersects(Box.of(10, 0, 3, 3))).isFalse();
        assertThat(a.buffer(2)).isEqualTo(Box.of(-2, -2, 14, 14));
    }

    @Test
    void negativeSizeIsRejected() {
        assertThatThrownBy(() -> Box.of(0, 0, -1, 5)).hasMessageContaining("must not be negative");
    }

    @Test
    void geoTransformRoundTrip() {
        GeoTransform gt = new GeoTransform(1000, 0.3, 0.01, 2000, 0.02, -0.3);
        double[] m = gt.pixelToMap(12.5, 40.25);
        double[] p = gt.mapToPixel(m[0], m[1]);
        assertThat(p[0]).isCloseTo(12.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[1]).isCloseTo(40.25, org.assertj.core.data.Offset.offset(1e-9));
    }
}
