package rv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.testutil.Cli;
import rv.testutil.PythonOracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 1 (demo scene) and 5 (bad input) through the {@code rv rasterize} command. */
class RasterizeCommandTest {
    @TempDir static Path dir;
    static Path demo;

    @BeforeAll
    static void data() {
        demo = dir.resolve("demo");
        assertThat(Cli.run("demo-data", demo.toString()).code()).isZero();
    }

    /** Burns with gdal.Rasterize onto IMAGE's grid and compares with our GeoTIFF: prints differing and burned counts. */
    private static final String COMPARE = """
            import sys, json
            import numpy as np
            from osgeo import gdal
            gdal.UseExceptions()
            vec, like, ours, touched, background = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == '1', int(sys.argv[5])
            img = gdal.Open(like)
            ds = gdal.GetDriverByName('MEM').Create('', img.RasterXSize, img.RasterYSize, 1, gdal.GDT_Byte)
            ds.SetGeoTransform(img.GetGeoTransform()); ds.SetProjection(img.GetProjection())
            ds.GetRasterBand(1).Fill(background)
            gdal.Rasterize(ds, vec, attribute='class_id', allTouched=touched)
            want = ds.ReadAsArray(); got = gdal.Open(ours)
            same_grid = got.GetGeoTransform() == img.GetGeoTransform() and got.RasterXSize == img.RasterXSize
            got = got.ReadAsArray()
            print(json.dumps({'differ': int((want != got).sum()), 'burned': int((want != background).sum()), 'same_grid': same_grid}))
            """;

    private static JsonNode compare(String labels, int scene, boolean allTouched, int background) throws IOException {
        Path vec = demo.resolve("scene_" + scene + "_" + labels + ".geojson"), like = demo.resolve("scene_" + scene + ".tif");
        Path out = dir.resolve(labels + scene + (allTouched ? "-touched" : "") + ".tif");
        Cli.Result r = allTouched
                ? Cli.run("rasterize", vec.toString(), "--like", like.toString(), out.toString(), "--all-touched", "--background", "" + background)
                : Cli.run("rasterize", vec.toString(), "--like", like.toString(), out.toString(), "--background", "" + background);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(PythonOracle.run(COMPARE, vec.toString(), like.toString(), out.toString(), allTouched ? "1" : "0", "" + background));
    }

    @Test
    void demoLabelsMatchGdalRasterizeExactly() throws IOException {
        for (int scene = 0; scene < 2; scene++) {
            for (String labels : new String[] {"buildings", "cars"}) {
                JsonNode c = compare(labels, scene, false, scene == 0 ? 0 : 7);
                assertThat(c.get("burned").asLong()).isPositive();
                assertThat(c.get("same_grid").asBoolean()).isTrue();
                assertThat(c.get("differ").asLong()).as("%s scene %d: %s", labels, scene, c).isZero();
            }
        }
    }

    @Test
    void allTouchedIsWithinFiveHundredthsOfAPercent() throws IOException {
        long differ = 0, burned = 0;
        for (int scene = 0; scene < 2; scene++) {
            for (String labels : new String[] {"buildings", "cars"}) {
                JsonNode c = compare(labels, scene, true, 0);
                differ += c.get("differ").asLong();
                burned += c.get("burned").asLong();
            }
        }
        System.out.printf("demo all-touched: %d of %d burned pixels differ from gdal_rasterize%n", differ, burned);
        assertThat((double) differ / burned).as("%d of %d burned pixels differ", differ, burned).isLessThanOrEqualTo(0.0005);
    }

    @Test
    void classPropertyAndDefaultClassOptions() throws IOException {
        Path vec = dir.resolve("props.geojson");
        Files.writeString(vec, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"kind": "12"}, "geometry": {"type": "Polygon", "coordinates": [[[-117.5, 34.0], [-117.49, 34.0], [-117.49, 34.06], [-117.5, 34.0]]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[-118.6, 34.0], [-118.59, 34.0], [-118.59, 34.01], [-118.6, 34.0]]]}}]}""");
        // Both polygons are off the demo scene: only the options are checked here, the output is all background.
        Path out = dir.resolve("props.tif");
        Cli.Result r = Cli.run("rasterize", vec.toString(), "--like", demo.resolve("scene_0.tif").toString(), out.toString(),
                "--class-property", "kind", "--default-class", "none", "--background", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 features burned");
        try (RasterSource src = RasterSources.open(out.toString())) {
            Raster all = src.read(src.extent());
            assertThat(all.getAt(0)).isEqualTo(3.0);
            assertThat(src.epsg().getAsInt()).isEqualTo(32611);
        }
        Cli.Result bad = Cli.run("rasterize", vec.toString(), "--like", demo.resolve("scene_0.tif").toString(), out.toString(), "--default-class", "x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--default-class must be a class id");
    }

    @Test
    void badInputGivesOneLineNamingTheProblem() throws IOException {
        String like = demo.resolve("scene_0.tif").toString();
        Path notJson = dir.resolve("broken.geojson");
        Files.writeString(notJson, "{\"type\": \"FeatureCollection\", \"features\": [");
        Cli.Result r = Cli.run("rasterize", notJson.toString(), "--like", like, dir.resolve("o1.tif").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("rv: " + notJson + ": not valid JSON").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
        Path crs = dir.resolve("crs.geojson");
        Files.writeString(crs, "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4242424\"}}, \"features\": []}");
        r = Cli.run("rasterize", crs.toString(), "--like", like, dir.resolve("o2.tif").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(crs + ": crs: unknown CRS EPSG:4242424");
        assertThat(Files.exists(dir.resolve("o1.tif"))).isFalse();
        Path big = dir.resolve("big.geojson");
        Files.writeString(big, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"id\": \"b1\", \"properties\": {\"class_id\": 300},"
                + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[-118.33, 34.06], [-118.32, 34.06], [-118.32, 34.07], [-118.33, 34.06]]]}}]}");
        r = Cli.run("rasterize", big.toString(), "--like", like, dir.resolve("o4.tif").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(big + ": class_id 300 (feature id b1) does not fit a uint8 class raster");
        r = Cli.run("rasterize", crs.toString(), dir.resolve("o3.tif").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--like=IMAGE'");
    }
}
