package rv.data.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.quadtree.Quadtree;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.core.GeoTransform;
import rv.core.Reprojection;
import rv.data.raster.DataType;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.GeoTiffWriter;
import rv.data.raster.Raster;
import rv.data.vector.Feature;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.GeoJsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes deterministic synthetic "city" scenes: 4-band uint16 (red, green, blue, near-infrared) GeoTIFFs
 * in UTM zone 11N (EPSG:32611) at 0.3 m, tiled and deflate-compressed, with textured ground, a grid of
 * asphalt roads with lane markings, buildings (rotated rectangles and L-shapes with coloured roofs and
 * cast shadows), trees and cars parked in the lanes — and GeoJSON labels in WGS 84 for buildings
 * ({@code class_id} 1), cars (axis-aligned boxes, {@code class_id} 2) and an AOI polygon.
 *
 * <p>The signal is deliberately strong: roofs use a small palette ({@link #ROOF_COLOURS}) that no other
 * surface uses and have low near-infrared, vegetation has high near-infrared, asphalt is neutral grey.
 * Everything derives from the seed through {@link SplittableRandom} and exact arithmetic, so the same
 * seed gives byte-identical files.
 */
public final class DemoSceneGenerator {
    /** Class ids written to the labels (0 is background). */
    public static final int BUILDING_CLASS_ID = 1;
    public static final int CAR_CLASS_ID = 2;
    public static final int EPSG = 32611;
    public static final double RESOLUTION = 0.3;
    /** Digital numbers = 0–255 colour × this scale (12-bit-like range). */
    public static final int DN_SCALE = 16;
    /** Roof colours (red, green, blue on the 0–255 scale; multiply by {@link #DN_SCALE} for DNs). */
    public static final int[][] ROOF_COLOURS = {{182, 78, 52}, {58, 98, 172}, {206, 172, 118}, {128, 38, 42}, {44, 132, 132}};
    private static final float[] ROOF_NIR = {70, 60, 95, 50, 65};
    private static final float ROOF_NOISE = 7;
    static final Canvas.Colour ASPHALT = new Canvas.Colour(86, 86, 90, 62);
    static final Canvas.Colour MARKING = new Canvas.Colour(222, 222, 214, 200);
    private static final Canvas.Colour GRASS = new Canvas.Colour(92, 128, 58, 205);
    private static final Canvas.Colour SOIL = new Canvas.Colour(142, 122, 92, 125);
    private static final Canvas.Colour TREE = new Canvas.Colour(38, 82, 34, 232);
    private static final Canvas.Colour[] CAR_COLOURS = {
        new Canvas.Colour(232, 232, 234, 210), new Canvas.Colour(24, 24, 28, 20), new Canvas.Colour(176, 22, 26, 60),
        new Canvas.Colour(30, 52, 150, 40), new Canvas.Colour(160, 164, 170, 150), new Canvas.Colour(200, 160, 30, 140)};
    private static final Canvas.Colour WINDSHIELD = new Canvas.Colour(30, 36, 44, 25);

    private final GeometryFactory gf = new GeometryFactory();

    /** Paths of one generated scene. */
    public record DemoScene(int index, Path image, Path buildings, Path cars, Path aoi, int buildingCount, int carCount) {}

    /** Writes {@code scene_<i>.tif} and its three GeoJSON files for every scene into {@code outDir}. */
    public List<DemoScene> generate(Path outDir, DemoOptions options) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        // Scenes are independent (each has its own random stream), so they can be made in parallel
        // without changing a byte.
        return java.util.stream.IntStream.range(0, options.scenes()).parallel()
                .mapToObj(i -> new DemoSceneGenerator().scene(outDir, options, i)).sorted(java.util.Comparator.comparingInt(DemoScene::index)).toList();
    }

    /** The geotransform of scene {@code i}: scenes sit side by side in UTM 11N near Los Angeles. */
    public static GeoTransform geoTransform(int index, int size) {
        double x0 = 381_000 + index * (size * RESOLUTION + 150);
        return new GeoTransform(x0, RESOLUTION, 0, 3_770_000, 0, -RESOLUTION);
    }

    private DemoScene scene(Path dir, DemoOptions o, int index) {
        int n = o.size();
        SplittableRandom rnd = new SplittableRandom(o.seed() * 1_000_003L + index * 7919L + 17);
        Canvas canvas = new Canvas(n);
        ground(canvas, rnd.split());
        List<Polygon> roads = new ArrayList<>();
        List<double[]> roadAxes = new ArrayList<>(); // {vertical?1:0, centre, width}
        roads(canvas, rnd.split(), roads, roadAxes);
        List<Polygon> cars = cars(canvas, rnd.split(), roadAxes);
        List<Polygon> buildings = buildings(canvas, rnd.split(), roads);
        trees(canvas, rnd.split(), roads, buildings, cars);
        paintBuildings(canvas, rnd.split(), buildings);

        GeoTransform gt = geoTransform(index, n);
        CrsTransformer ct = new CrsTransformer(gt, Crs.ofEpsg(EPSG));
        Path image = dir.resolve("scene_" + index + ".tif");
        GeoTiffWriter.write(image, toRaster(canvas), gt, EPSG, null, GeoTiffWriteOptions.DEFAULT);
        Path b = dir.resolve("scene_" + index + "_buildings.geojson");
        GeoJsonWriter.write(b, labels(buildings, ct, BUILDING_CLASS_ID, "building"), Crs.WGS84);
        Path c = dir.resolve("scene_" + index + "_cars.geojson");
        GeoJsonWriter.write(c, labels(cars, ct, CAR_CLASS_ID, "car"), Crs.WGS84);
        Path a = dir.resolve("scene_" + index + "_aoi.geojson");
        GeoJsonWriter.write(a, List.of(new Feature(toLonLat(aoi(n, rnd.split()), ct), Map.of())), Crs.WGS84);
        return new DemoScene(index, image, b, c, a, buildings.size(), cars.size());
    }

    // ---- ground: grass/soil mix from two octaves of value noise plus grain -------------------------

    private void ground(Canvas c, SplittableRandom rnd) {
        int n = c.size;
        float[] low = valueNoise(n, 96, rnd);
        float[] mid = valueNoise(n, 24, rnd);
        for (int i = 0; i < n * n; i++) {
            float mix = clamp01((low[i] - 0.42f) * 3.5f + (mid[i] - 0.5f) * 0.6f);
            float grain = (float) (rnd.nextDouble() * 2 - 1) * 6 + (mid[i] - 0.5f) * 18;
            c.planes[0][i] = GRASS.r() + (SOIL.r() - GRASS.r()) * mix + grain;
            c.planes[1][i] = GRASS.g() + (SOIL.g() - GRASS.g()) * mix + grain;
            c.planes[2][i] = GRASS.b() + (SOIL.b() - GRASS.b()) * mix + grain;
            c.planes[3][i] = GRASS.nir() + (SOIL.nir() - GRASS.nir()) * mix + grain;
        }
    }

    /** Bilinearly interpolated random lattice values in [0, 1) with lattice spacing {@code cell}. */
    private static float[] valueNoise(int n, int cell, SplittableRandom rnd) {
        int m = n / cell + 2;
        float[] lattice = new float[m * m];
        for (int i = 0; i < lattice.length; i++) lattice[i] = (float) rnd.nextDouble();
        float[] out = new float[n * n];
        for (int y = 0; y < n; y++) {
            int gy = y / cell;
            float fy = (y % cell) / (float) cell;
            for (int x = 0; x < n; x++) {
                int gx = x / cell;
                float fx = (x % cell) / (float) cell;
                float a = lattice[gy * m + gx], b = lattice[gy * m + gx + 1];
                float d = lattice[(gy + 1) * m + gx], e = lattice[(gy + 1) * m + gx + 1];
                float top = a + (b - a) * fx, bottom = d + (e - d) * fx;
                out[y * n + x] = top + (bottom - top) * fy;
            }
        }
        return out;
    }

    // ---- roads: a jittered grid of straight asphalt roads with dashed centre lines ---------------

    private void roads(Canvas c, SplittableRandom rnd, List<Polygon> roads, List<double[]> axes) {
        int n = c.size;
        for (int vertical = 0; vertical < 2; vertical++) {
            double pos = 90 + rnd.nextDouble() * 120;
            while (pos < n - 60) {
                double width = 30 + rnd.nextDouble() * 10; // 9-12 m
                axes.add(new double[] {vertical, pos, width});
                Polygon road = vertical == 1 ? rect(pos - width / 2, -2, pos + width / 2, n + 2) : rect(-2, pos - width / 2, n + 2, pos + width / 2);
                roads.add(road);
                pos += 300 + rnd.nextDouble() * 160;
            }
        }
        for (Polygon r : roads) c.fill(r, ASPHALT, 5, rnd);
        for (double[] a : axes) {
            for (double s = 4 + rnd.nextDouble() * 10; s < n; s += 34) {
                Polygon dash = a[0] == 1 ? rect(a[1] - 0.9, s, a[1] + 0.9, s + 16) : rect(s, a[1] - 0.9, s + 16, a[1] + 0.9);
                c.fill(dash, MARKING, 4, rnd);
            }
        }
    }

    // ---- cars: boxes parked in the lanes ------------------------------------------------------------

    private List<Polygon> cars(Canvas c, SplittableRandom rnd, List<double[]> axes) {
        int n = c.size;
        List<Polygon> cars = new ArrayList<>();
        Quadtree placed = new Quadtree();
        for (double[] a : axes) {
            boolean vertical = a[0] == 1;
            double laneOffset = a[2] / 4;
            for (int side = -1; side <= 1; side += 2) {
                double lane = a[1] + side * laneOffset;
                double s = 10 + rnd.nextDouble() * 60;
                while (s < n - 30) {
                    double len = 14 + rnd.nextDouble() * 2.5, wid = 6 + rnd.nextDouble() * 0.9;
                    double across = lane + (rnd.nextDouble() - 0.5) * 1.2;
                    Polygon car = vertical ? rect(across - wid / 2, s, across + wid / 2, s + len) : rect(s, across - wid / 2, s + len, across + wid / 2);
                    boolean clear = true;
                    for (Object o : placed.query(car.buffer(4).getEnvelopeInternal())) {
                        if (((Geometry) o).distance(car) < 4) { clear = false; break; }
                    }
                    if (clear && onAnyRoad(car, axes)) {
                        placed.insert(car.getEnvelopeInternal(), car);
                        cars.add(car);
                        paintCar(c, rnd, car, vertical, side);
                    }
                    s += len + 18 + rnd.nextDouble() * 110;
                }
            }
        }
        return cars;
    }

    private static boolean onAnyRoad(Polygon car, List<double[]> axes) {
        Envelope e = car.getEnvelopeInternal();
        for (double[] a : axes) {
            double lo = a[1] - a[2] / 2 + 3, hi = a[1] + a[2] / 2 - 3;
            if (a[0] == 1 && e.getMinX() >= lo && e.getMaxX() <= hi) return true;
            if (a[0] == 0 && e.getMinY() >= lo && e.getMaxY() <= hi) return true;
        }
        return false;
    }

    private void paintCar(Canvas c, SplittableRandom rnd, Polygon car, boolean vertical, int side) {
        Canvas.Colour body = CAR_COLOURS[rnd.nextInt(CAR_COLOURS.length)];
        c.fill(car, body, 6, rnd);
        Envelope e = car.getEnvelopeInternal();
        double f = side > 0 ? 0.22 : 0.58; // windshield towards the driving direction
        Polygon glass = vertical
                ? rect(e.getMinX() + 1, e.getMinY() + e.getHeight() * f, e.getMaxX() - 1, e.getMinY() + e.getHeight() * (f + 0.2))
                : rect(e.getMinX() + e.getWidth() * f, e.getMinY() + 1, e.getMinX() + e.getWidth() * (f + 0.2), e.getMaxY() - 1);
        c.fill(glass, WINDSHIELD, 3, rnd);
    }

    // ---- buildings: rotated rectangles and L-shapes between the roads -----------------------------

    private List<Polygon> buildings(Canvas c, SplittableRandom rnd, List<Polygon> roads) {
        int n = c.size;
        Quadtree roadIndex = new Quadtree();
        for (Polygon r : roads) roadIndex.insert(r.getEnvelopeInternal(), r);
        Quadtree placed = new Quadtree();
        List<Polygon> out = new ArrayList<>();
        int attempts = n * n / 2500;
        for (int k = 0; k < attempts; k++) {
            double cx = 20 + rnd.nextDouble() * (n - 40), cy = 20 + rnd.nextDouble() * (n - 40);
            double w = 38 + rnd.nextDouble() * 72, h = 34 + rnd.nextDouble() * 50;
            double angle = rnd.nextDouble() < 0.6 ? (rnd.nextDouble() - 0.5) * 0.28 : rnd.nextDouble() * StrictMath.PI / 2;
            Polygon shape = rnd.nextDouble() < 0.7 ? rect(-w / 2, -h / 2, w / 2, h / 2) : lShape(w, h, rnd);
            AffineTransformation t = new AffineTransformation();
            t.rotate(angle);
            t.translate(cx, cy);
            Polygon b = (Polygon) t.transform(shape);
            Envelope e = b.getEnvelopeInternal();
            if (e.getMinX() < 3 || e.getMinY() < 3 || e.getMaxX() > n - 3 || e.getMaxY() > n - 3) continue;
            if (near(roadIndex, b, 7) || near(placed, b, 9)) continue;
            placed.insert(b.getEnvelopeInternal(), b);
            out.add(b);
            // Shadow: the building swept towards the south-east by its "height".
            double s = 5 + rnd.nextDouble() * 12;
            AffineTransformation shift = AffineTransformation.translationInstance(s, s * 0.8);
            Geometry shadow = b.union(shift.transform(b)).convexHull();
            c.darken(shadow, 0.52f);
        }
        return out;
    }

    private Polygon lShape(double w, double h, SplittableRandom rnd) {
        double cw = w * (0.35 + rnd.nextDouble() * 0.3), ch = h * (0.35 + rnd.nextDouble() * 0.3);
        double x0 = -w / 2, y0 = -h / 2, x1 = w / 2, y1 = h / 2;
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1 - ch), new Coordinate(x1 - cw, y1 - ch),
            new Coordinate(x1 - cw, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    private static boolean near(Quadtree index, Geometry g, double distance) {
        Envelope e = new Envelope(g.getEnvelopeInternal());
        e.expandBy(distance);
        for (Object o : index.query(e)) {
            if (((Geometry) o).isWithinDistance(g, distance)) return true;
        }
        return false;
    }

    private void paintBuildings(Canvas c, SplittableRandom rnd, List<Polygon> buildings) {
        for (Polygon b : buildings) {
            int k = rnd.nextInt(ROOF_COLOURS.length);
            int[] rgb = ROOF_COLOURS[k];
            Canvas.Colour roof = new Canvas.Colour(rgb[0], rgb[1], rgb[2], ROOF_NIR[k]);
            Canvas.Colour ridgeSide = roof.scaled(0.88f);
            // A gable: the half of the roof on one side of the ridge through the centroid is darker.
            Coordinate centre = b.getCentroid().getCoordinate();
            Coordinate[] ring = b.getExteriorRing().getCoordinates();
            double dx = ring[1].x - ring[0].x, dy = ring[1].y - ring[0].y;
            c.fill(b, (x, y, i) -> {
                double side = (x + 0.5 - centre.x) * dy - (y + 0.5 - centre.y) * dx;
                float noise = (float) ((rnd.nextDouble() * 2 - 1) * ROOF_NOISE);
                c.set(i, side > 0 ? ridgeSide : roof, noise);
            });
        }
    }

    // ---- trees: noisy round crowns away from roads, buildings and cars ----------------------------

    private void trees(Canvas c, SplittableRandom rnd, List<Polygon> roads, List<Polygon> buildings, List<Polygon> cars) {
        int n = c.size;
        Quadtree blocked = new Quadtree();
        for (Polygon r : roads) blocked.insert(r.getEnvelopeInternal(), r);
        for (Polygon b : buildings) blocked.insert(b.getEnvelopeInternal(), b);
        for (Polygon car : cars) blocked.insert(car.getEnvelopeInternal(), car);
        int count = n * n / 5000;
        for (int k = 0; k < count; k++) {
            double cx = rnd.nextDouble() * n, cy = rnd.nextDouble() * n, r = 6 + rnd.nextDouble() * 10;
            Geometry crown = gf.createPoint(new Coordinate(cx, cy)).buffer(r, 6);
            if (near(blocked, crown, 4)) continue;
            AffineTransformation shift = AffineTransformation.translationInstance(r * 0.5, r * 0.4);
            Geometry shadow = shift.transform(crown);
            if (!near(blocked, shadow, 2)) c.darken(shadow, 0.6f);
            c.fill(crown, (x, y, i) -> {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) / r;
                float shade = (float) (1.15 - 0.35 * d) + (float) ((rnd.nextDouble() - 0.5) * 0.25);
                c.set(i, TREE.scaled(shade), 0);
            });
        }
    }

    // ---- AOI: an irregular polygon over most of the scene -----------------------------------------

    private Polygon aoi(int n, SplittableRandom rnd) {
        int k = 9;
        Coordinate[] cs = new Coordinate[k + 1];
        for (int i = 0; i < k; i++) {
            double a = 2 * StrictMath.PI * i / k;
            double r = n * (0.44 + rnd.nextDouble() * 0.1);
            cs[i] = new Coordinate(n / 2.0 + r * StrictMath.cos(a), n / 2.0 + r * StrictMath.sin(a));
            cs[i].x = Math.max(1.3, Math.min(n - 1.3, cs[i].x));
            cs[i].y = Math.max(1.3, Math.min(n - 1.3, cs[i].y));
        }
        cs[k] = cs[0];
        return gf.createPolygon(cs);
    }

    // ---- output -----------------------------------------------------------------------------------

    private static Raster toRaster(Canvas c) {
        int n = c.size;
        short[] data = new short[4 * n * n];
        for (int b = 0; b < 4; b++) {
            float[] p = c.planes[b];
            for (int i = 0; i < n * n; i++) {
                long v = Math.round(p[i] * DN_SCALE);
                data[b * n * n + i] = (short) Math.max(1, Math.min(65535, v));
            }
        }
        return new Raster(n, n, 4, DataType.UINT16, data);
    }

    private List<Feature> labels(List<Polygon> polys, CrsTransformer ct, int classId, String name) {
        List<Feature> out = new ArrayList<>();
        for (Polygon p : polys) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("class_id", classId);
            props.put("class_name", name);
            out.add(new Feature(toLonLat(p, ct), props));
        }
        return out;
    }

    private static Geometry toLonLat(Geometry pixel, CrsTransformer ct) {
        Geometry map = GeoJsonVectorSource.toMap(pixel, ct);
        return GeoJsonVectorSource.reproject(map, Reprojection.between(ct.crs(), Crs.WGS84));
    }

    private Polygon rect(double x0, double y0, double x1, double y1) {
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    private static float clamp01(float v) { return v < 0 ? 0 : v > 1 ? 1 : v; }
}
