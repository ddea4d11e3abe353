package rv.data.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import rv.core.Box;
import rv.core.CrsTransformer;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.RasterizedSource;
import rv.data.raster.RasterizerOptions;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.PixelFeature;
import rv.data.vector.VectorSourceOptions;
import rv.testutil.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 4: determinism, georeferencing, and labels that sit on what they label. */
class DemoDataTest {
    @TempDir static Path dir;
    static Path first;

    @BeforeAll
    static void generate() {
        first = dir.resolve("a");
        Cli.Result r = Cli.run("demo-data", first.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void sameSeedGivesIdenticalBytesAndOnlySceneTifs() throws IOException {
        Path second = dir.resolve("b");
        assertThat(Cli.run("demo-data", second.toString(), "--size", "1200", "--seed", "42", "--scenes", "2").code()).isZero();
        List<String> names;
        try (Stream<Path> s = Files.list(first)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).containsExactly("scene_0.tif", "scene_0_aoi.geojson", "scene_0_buildings.geojson", "scene_0_cars.geojson",
                "scene_1.tif", "scene_1_aoi.geojson", "scene_1_buildings.geojson", "scene_1_cars.geojson");
        for (String n : names) {
            assertThat(Files.mismatch(first.resolve(n), second.resolve(n))).as(n).isEqualTo(-1L);
        }
        Path other = dir.resolve("c");
        assertThat(Cli.run("demo-data", other.toString(), "--seed", "43", "--scenes", "1").code()).isZero();
        assertThat(Files.mismatch(first.resolve("scene_0.tif"), other.resolve("scene_0.tif"))).isNotEqualTo(-1L);
    }

    @Test
    void infoShowsTheUtmCrs() {
        Cli.Result r = Cli.run("info", first.resolve("scene_0.tif").toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"epsg\":32611").contains("\"width\":1200").contains("\"bands\":4").contains("\"dtype\":\"uint16\"");
    }

    @Test
    void buildingLabelsCoverRoofColouredPixels() {
        for (int scene = 0; scene < 2; scene++) {
            try (RasterSource img = RasterSources.open(first.resolve("scene_" + scene + ".tif").toString())) {
                GeoJsonVectorSource labels = new GeoJsonVectorSource(first.resolve("scene_" + scene + "_buildings.geojson"),
                        VectorSourceOptions.defaults(), CrsTransformer.of(img));
                assertThat(labels.pixelFeatures()).hasSizeGreaterThan(30).allMatch(f -> f.classId() == DemoSceneGenerator.BUILDING_CLASS_ID);
                Raster mask = RasterizedSource.like(img, labels, RasterizerOptions.defaults()).read(img.extent());
                Raster pixels = img.read(img.extent());
                int plane = img.width() * img.height();
                long building = 0, roof = 0, roofOutside = 0, outside = 0;
                for (int i = 0; i < plane; i++) {
                    boolean isRoof = roofColoured(pixels, i, plane);
                    if (mask.getAt(i) == DemoSceneGenerator.BUILDING_CLASS_ID) {
                        building++;
                        if (isRoof) roof++;
                    } else {
                        outside++;
                        if (isRoof) roofOutside++;
                    }
                }
                System.out.printf("scene %d: %d building pixels, %.4f roof-coloured; %.5f of other pixels roof-coloured%n",
                        scene, building, (double) roof / building, (double) roofOutside / outside);
                assertThat((double) roof / building).as("share of building pixels with roof colours").isGreaterThanOrEqualTo(0.95);
                assertThat((double) roofOutside / outside).as("share of other pixels with roof colours").isLessThan(0.01);
                assertThat((double) building / plane).as("building share of the scene").isBetween(0.05, 0.5);
            }
        }
    }

    /** Within 40 (of 255) of a roof palette colour, allowing for the darker gable side, with low NIR. */
    static boolean roofColoured(Raster r, int i, int plane) {
        double s = DemoSceneGenerator.DN_SCALE;
        double red = r.getAt(i) / s, green = r.getAt(plane + i) / s, blue = r.getAt(2 * plane + i) / s, nir = r.getAt(3 * plane + i) / s;
        for (int[] c : DemoSceneGenerator.ROOF_COLOURS) {
            for (double f : new double[] {1.0, 0.88}) {
                double d = Math.sqrt(sq(red - c[0] * f) + sq(green - c[1] * f) + sq(blue - c[2] * f));
                if (d < 40 && nir < 120) return true;
            }
        }
        return false;
    }

    @Test
    void carsLieOnRoads() {
        try (RasterSource img = RasterSources.open(first.resolve("scene_0.tif").toString())) {
            GeoJsonVectorSource cars = new GeoJsonVectorSource(first.resolve("scene_0_cars.geojson"),
                    VectorSourceOptions.defaults(), CrsTransformer.of(img));
            List<PixelFeature> boxes = cars.pixelFeatures();
            assertThat(boxes).hasSizeGreaterThan(50).allMatch(f -> f.classId() == DemoSceneGenerator.CAR_CLASS_ID);
            Raster pixels = img.read(img.extent());
            int plane = img.width() * img.height();
            double sumShare = 0;
            for (PixelFeature car : boxes) {
                Envelope e = car.geometry().getEnvelopeInternal();
                assertThat(e.getWidth() * e.getHeight()).as("car box area in pixels").isBetween(70.0, 140.0);
                // The ring of pixels 2 px around the box must be road surface.
                Box ring = new Box((int) Math.floor(e.getMinX()) - 2, (int) Math.floor(e.getMinY()) - 2,
                        (int) Math.ceil(e.getMaxX()) - (int) Math.floor(e.getMinX()) + 4, (int) Math.ceil(e.getMaxY()) - (int) Math.floor(e.getMinY()) + 4);
                int n = 0, road = 0;
                for (int y = ring.y(); y < ring.yMax(); y++) {
                    for (int x = ring.x(); x < ring.xMax(); x++) {
                        boolean border = y == ring.y() || y == ring.yMax() - 1 || x == ring.x() || x == ring.xMax() - 1;
                        if (!border || x < 0 || y < 0 || x >= img.width() || y >= img.height()) continue;
                        n++;
                        if (roadLike(pixels, y * img.width() + x, plane)) road++;
                    }
                }
                double share = (double) road / n;
                assertThat(share).as("road share around car at %s", e).isGreaterThanOrEqualTo(0.7);
                sumShare += share;
            }
            System.out.printf("%d cars, mean road share of the surrounding ring %.4f%n", boxes.size(), sumShare / boxes.size());
            assertThat(sumShare / boxes.size()).isGreaterThanOrEqualTo(0.9);
        }
    }

    /** Asphalt or paint: neutral grey with near-infrared no brighter than the visible bands. */
    static boolean roadLike(Raster r, int i, int plane) {
        double red = r.getAt(i), green = r.getAt(plane + i), blue = r.getAt(2 * plane + i), nir = r.getAt(3 * plane + i);
        double max = Math.max(red, Math.max(green, blue)), min = Math.min(red, Math.min(green, blue));
        return max - min < 20 * DemoSceneGenerator.DN_SCALE && nir < 1.1 * (red + green + blue) / 3;
    }

    private static double sq(double v) { return v * v; }

    @Test
    void aoiCoversMostOfTheScene() {
        try (RasterSource img = RasterSources.open(first.resolve("scene_1.tif").toString())) {
            var aoi = GeoJsonVectorSource.loadAoi(List.of(first.resolve("scene_1_aoi.geojson")), CrsTransformer.of(img));
            double share = aoi.geometry().getArea() / ((double) img.width() * img.height());
            assertThat(share).isBetween(0.5, 0.95);
            assertThat(aoi.contains(new Box(550, 550, 100, 100))).isTrue();
        }
    }

    @Test
    void badOptionsAreOneLineErrors() {
        Cli.Result r = Cli.run("demo-data", dir.resolve("bad").toString(), "--size", "10");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rv: --size must be between 64 and 20000 pixels, got 10");
    }
}
