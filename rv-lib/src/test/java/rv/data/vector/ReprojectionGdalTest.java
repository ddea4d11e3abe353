package rv.data.vector;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import rv.core.CrsTransformer;
import rv.core.GeoTransform;
import rv.testutil.PythonOracle;
import rv.testutil.TestFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 2: reprojected GeoJSON vertices agree with GDAL/OGR (PROJ) to < 1 mm. */
class ReprojectionGdalTest {
    private static final String OGR = """
            import sys
            from osgeo import ogr, osr
            dst = osr.SpatialReference(); dst.ImportFromEPSG(int(sys.argv[2]))
            dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            ds = ogr.Open(sys.argv[1]); lyr = ds.GetLayer(0)
            src = lyr.GetSpatialRef(); src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            ct = osr.CoordinateTransformation(src, dst)
            def walk(g):
                if g.GetGeometryCount() > 0:
                    for i in range(g.GetGeometryCount()): walk(g.GetGeometryRef(i))
                else:
                    for i in range(g.GetPointCount()): print(repr(g.GetX(i)), repr(g.GetY(i)))
            for f in lyr:
                g = f.GetGeometryRef().Clone(); g.Transform(ct); walk(g)
            """;

    @Test
    void verticesAgreeWithOgrToAMillimetre() {
        Object[][] cases = {{"cc-label-full.json", 32633}, {"tiny-spacenet-labels.geojson", 32611}, {"tiny-spacenet-labels.geojson", 3857},
            {"2-gt-polygons.geojson", 32636}, {"bboxes.geojson", 2154}};
        for (Object[] c : cases) {
            Path file = TestFiles.resource("rvdata/" + c[0]);
            int epsg = (Integer) c[1];
            CrsTransformer scene = CrsTransformer.of(new GeoTransform(0, 1, 0, 0, 0, -1), epsg);
            List<Coordinate> ours = new ArrayList<>();
            for (Feature f : new GeoJsonVectorSource(file, VectorSourceOptions.defaults(), scene).mapFeatures()) {
                ours.addAll(List.of(f.geometry().getCoordinates()));
            }
            String[] lines = PythonOracle.run(OGR, file.toString(), Integer.toString(epsg)).strip().split("\n");
            assertThat(lines).as("%s vertices", c[0]).hasSize(ours.size());
            double worst = 0;
            for (int i = 0; i < lines.length; i++) {
                String[] xy = lines[i].trim().split("\\s+");
                worst = Math.max(worst, Math.hypot(Double.parseDouble(xy[0]) - ours.get(i).x, Double.parseDouble(xy[1]) - ours.get(i).y));
            }
            System.out.printf("%s -> EPSG:%d: %d vertices, worst %.3g m%n", c[0], epsg, lines.length, worst);
            assertThat(worst).as("%s -> EPSG:%d worst distance (m)", c[0], epsg).isLessThan(1e-3);
        }
    }
}
