package rv.data.vector;

import org.junit.jupiter.api.Test;
import rv.core.Box;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.core.GeoTransform;
import rv.core.Reprojection;
import rv.data.raster.RasterizedSource;
import rv.data.raster.RasterizerOptions;
import rv.testutil.GdalRasterize;
import rv.testutil.TestFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 1: our rasterization equals gdal_rasterize's on Raster Vision's label files. */
class RasterizeGdalParityTest {

    record Case(String file, int width, int height, GeoTransform gt, int epsg, String attribute) {}

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        GeoTransform od = new GeoTransform(-75.163506, 1e-06, 0.0, 39.952536, 0.0, -1e-06);
        cs.add(new Case("od-labels.json", 900, 900, od, 4326, null));
        cs.add(new Case("od-labels2.json", 900, 900, od, 4326, null));
        GeoTransform cc = new GeoTransform(367208.75, 0.04999999999998265, 0.0, 5808396.649999999, 0.0, -0.05000000000113576);
        cs.add(new Case("cc-label-full.json", 1342, 328, cc, 32633, "class_id"));
        cs.add(new Case("cc-labels.json", 1342, 328, cc, 32633, null));
        cs.add(new Case("cc-labels2.json", 1342, 328, cc, 32633, null));
        // Images of these label files are not public: grids over their extent in their UTM zone (and Web Mercator).
        cs.add(grid("0-gt-polygons.geojson", 32611, 0.07, null));
        cs.add(grid("1-gt-polygons.geojson", 32611, 0.07, null));
        cs.add(grid("2-gt-polygons.geojson", 32636, 0.3, null));
        cs.add(grid("bboxes.geojson", 32633, 0.03, "class_id"));
        cs.add(grid("tiny-spacenet-labels.geojson", 32611, 0.1, null));
        cs.add(grid("tiny-spacenet-labels.geojson", 3857, 0.13, null));
        cs.add(grid("0-aoi.geojson", 4326, 1.1e-7, null));
        return cs;
    }

    /** A north-up grid with {@code res} pixels over the file's extent (plus a margin) in {@code epsg}. */
    static Case grid(String file, int epsg, double res, String attribute) {
        FeatureCollection fc = GeoJsonReader.read(TestFiles.resource("rvdata/" + file));
        org.locationtech.jts.geom.Envelope env = new org.locationtech.jts.geom.Envelope();
        Reprojection r = Reprojection.between(fc.crs(), Crs.ofEpsg(epsg));
        for (Feature f : fc.features()) env.expandToInclude(GeoJsonVectorSource.reproject(f.geometry(), r).getEnvelopeInternal());
        env.expandBy(env.getWidth() * 0.05 + 7 * res);
        int w = (int) Math.ceil(env.getWidth() / res), h = (int) Math.ceil(env.getHeight() / res);
        // Origin at an "odd" value so that vertices do not sit on the grid by construction.
        return new Case(file, w, h, new GeoTransform(env.getMinX() + 0.123 * res, res, 0, env.getMaxY() - 0.377 * res, 0, -res), epsg, attribute);
    }

    @Test
    void pixelCentreModeMatchesGdalExactly() {
        compare(false);
    }

    @Test
    void allTouchedModeWithinFiveHundredthsOfAPercent() {
        compare(true);
    }

    private void compare(boolean allTouched) {
        List<Case> cases = cases();
        List<GdalRasterize.Job> jobs = new ArrayList<>();
        for (Case c : cases) {
            jobs.add(new GdalRasterize.Job(TestFiles.resource("rvdata/" + c.file()), c.width(), c.height(), c.gt(), c.epsg(), c.attribute(), allTouched));
        }
        List<byte[]> expected = GdalRasterize.run(jobs);
        long totalBurned = 0, totalDiff = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            byte[] ours = rasterize(TestFiles.resource("rvdata/" + c.file()), c, allTouched);
            byte[] gdal = expected.get(i);
            assertThat(ours).hasSameSizeAs(gdal);
            long diff = 0, burned = 0;
            for (int k = 0; k < ours.length; k++) {
                if (ours[k] != gdal[k]) diff++;
                if (gdal[k] != 0) burned++;
            }
            assertThat(burned).as("GDAL burned pixels for %s", c.file()).isPositive();
            report.append(String.format("%s EPSG:%d %dx%d: %d burned, %d differ%n", c.file(), c.epsg(), c.width(), c.height(), burned, diff));
            totalBurned += burned;
            totalDiff += diff;
            if (!allTouched) assertThat(diff).as("pixels differing from gdal_rasterize for %s (%s)", c.file(), report).isZero();
        }
        System.out.println(report);
        if (allTouched) assertThat((double) totalDiff / totalBurned).as(report.toString()).isLessThanOrEqualTo(0.0005);
    }

    static byte[] rasterize(Path file, Case c, boolean allTouched) {
        CrsTransformer t = CrsTransformer.of(c.gt(), c.epsg());
        VectorSourceOptions opts = VectorSourceOptions.defaults();
        GeoJsonVectorSource vs = new GeoJsonVectorSource(file, opts, t);
        RasterizedSource rs = new RasterizedSource(vs, new RasterizerOptions(0, allTouched), c.width(), c.height());
        return (byte[]) rs.read(new Box(0, 0, c.width(), c.height())).data();
    }
}
