package rv.core;

import org.junit.jupiter.api.Test;
import rv.testutil.PythonOracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrsTransformerTest {

    /** lon/lat → map for several CRSs, against GDAL's osr (PROJ); must agree to < 1 mm. */
    @Test
    void reprojectionAgreesWithGdalOsr() {
        int[][] cases = {{32611, -117, 34}, {3857, 13, 52}, {2154, 2, 47}, {32633, 13, 52}, {32618, -75, 40}, {32755, 147, -33}};
        Random rnd = new Random(7);
        StringBuilder input = new StringBuilder();
        List<double[]> ours = new ArrayList<>();
        for (int[] c : cases) {
            Reprojection r = Reprojection.between(Crs.WGS84, Crs.ofEpsg(c[0]));
            for (int i = 0; i < 20; i++) {
                double lon = c[1] + rnd.nextDouble() - 0.5, lat = c[2] + rnd.nextDouble() - 0.5;
                input.append(String.format(Locale.ROOT, "%d %.12f %.12f%n", c[0], lon, lat));
                double[] xy = r.apply(lon, lat);
                double[] back = r.inverse().apply(xy[0], xy[1]);
                assertThat(back[0]).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(back[1]).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-9));
                ours.add(xy);
            }
        }
        String script = """
                import sys
                from osgeo import osr
                src = osr.SpatialReference(); src.ImportFromEPSG(4326)
                src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                cts = {}
                for line in open(sys.argv[1]):
                    code, lon, lat = line.split()
                    if code not in cts:
                        dst = osr.SpatialReference(); dst.ImportFromEPSG(int(code))
                        dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
                        cts[code] = osr.CoordinateTransformation(src, dst)
                    x, y, _ = cts[code].TransformPoint(float(lon), float(lat))
                    print(repr(x), repr(y))
                """;
        String out;
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("pts", ".txt");
            java.nio.file.Files.writeString(f, input);
            out = PythonOracle.run(script, f.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(ours.size());
        double worst = 0;
        for (int i = 0; i < lines.length; i++) {
            String[] p = lines[i].trim().split("\\s+");
            double dx = Double.parseDouble(p[0]) - ours.get(i)[0], dy = Double.parseDouble(p[1]) - ours.get(i)[1];
            worst = Math.max(worst, Math.hypot(dx, dy));
        }
        assertThat(worst).as("worst distance to GDAL/PROJ in metres").isLessThan(1e-3);
    }

    @Test
    void pixelMapLonLatRoundTrip() {
        GeoTransform gt = new GeoTransform(500000, 0.3, 0, 3800000, 0, -0.3);
        CrsTransformer t = CrsTransformer.of(gt, 32611);
        double[] ll = t.pixelToLonLat(100.5, 200.25);
        assertThat(ll[0]).isBetween(-118.0, -116.0); // lon first
        assertThat(ll[1]).isBetween(34.0, 35.0);
        double[] px = t.lonLatToPixel(ll[0], ll[1]);
        assertThat(px[0]).isCloseTo(100.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(px[1]).isCloseTo(200.25, org.assertj.core.data.Offset.offset(1e-6));
        double[] m = t.pixelToMap(10, 20);
        assertThat(m).containsExactly(500003.0, 3799994.0);
    }

    @Test
    void gdalInverseMatchesGdalFormula() {
        double[] inv = CrsTransformer.gdalInverse(new double[] {100, 2, 0, 50, 0, -4});
        assertThat(inv).containsExactly(-50.0, 0.5, 0.0, 12.5, 0.0, -0.25);
        double[] rot = CrsTransformer.gdalInverse(new double[] {10, 1, 0.5, 20, 0.25, -1});
        CrsTransformer t = new CrsTransformer(GeoTransform.fromGdal(new double[] {10, 1, 0.5, 20, 0.25, -1}), Crs.WGS84);
        double[] m = t.pixelToMap(3, 7);
        double[] p = t.mapToPixel(m[0], m[1]);
        assertThat(p[0]).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[1]).isCloseTo(7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rot[1]).isNotZero();
    }

    @Test
    void parsesCrsNames() {
        assertThat(Crs.parse("EPSG:32611").epsg()).isEqualTo(32611);
        assertThat(Crs.parse("urn:ogc:def:crs:EPSG::3857").epsg()).isEqualTo(3857);
        assertThat(Crs.parse("urn:ogc:def:crs:OGC:1.3:CRS84")).isEqualTo(Crs.WGS84);
        assertThat(Crs.parse("http://www.opengis.net/def/crs/EPSG/0/2154").epsg()).isEqualTo(2154);
        assertThatThrownBy(() -> Crs.parse("EPSG:999999")).isInstanceOf(RvException.class).hasMessageContaining("EPSG:999999");
        assertThatThrownBy(() -> Crs.parse("urn:foo:bar")).isInstanceOf(RvException.class).hasMessageContaining("unknown CRS 'urn:foo:bar'");
    }
}
