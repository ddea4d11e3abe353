package rv.task.labels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.CrsTransformer;
import rv.core.GeoTransform;
import rv.data.label.BuildingVectorOutputConfig;
import rv.data.label.PolygonVectorOutputConfig;
import rv.data.label.SemanticSegmentationLabelStoreConfig;
import rv.data.raster.DataType;
import rv.data.raster.InMemoryRasterSource;
import rv.data.raster.Raster;
import rv.data.vector.GeoJsonReader;
import rv.task.Prediction.ScoredBox;
import rv.task.commands.PredictCommand;
import rv.testutil.PythonOracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LabelStoresTest {
    @TempDir Path tmp;

    static final GeoTransform GT = new GeoTransform(500000, 0.5, 0, 4000000, 0, -0.5);
    static final ClassConfig CLASSES = ClassConfig.builder().names("bg", "house", "null").colors(List.of("black", "#ff0000", "white")).nullClass("null").build();

    static InMemoryRasterSource imagery(int w, int h) {
        return new InMemoryRasterSource(Raster.zeros(w, h, 3, DataType.UINT8), GT, OptionalInt.of(32633), OptionalDouble.empty());
    }

    /** Class ids: two 20×20 squares of class 1 at (10,10) and (60,40), a lone noise pixel at (90,5). */
    static byte[] classes(int w, int h) {
        byte[] ids = new byte[w * h];
        for (int y = 10; y < 30; y++) for (int x = 10; x < 30; x++) ids[y * w + x] = 1;
        for (int y = 40; y < 60; y++) for (int x = 60; x < 80; x++) ids[y * w + x] = 1;
        ids[5 * w + 90] = 1;
        return ids;
    }

    @Test
    void rgbStoreIsReadByGdalAsColoursAndBackAsClasses() throws Exception {
        int w = 100, h = 70;
        var cfg = SemanticSegmentationLabelStoreConfig.builder().uri(tmp.resolve("p.tif").toString()).rgb(true).build();
        byte[] ids = classes(w, h);
        try (SegmentationLabelStore s = SegmentationLabelStore.create(cfg, CLASSES, imagery(w, h))) {
            // two windows, top half then bottom half, as PREDICT writes strips
            s.write(new Box(0, 0, w, 35), java.util.Arrays.copyOfRange(ids, 0, 35 * w));
            s.write(new Box(0, 35, w, 35), java.util.Arrays.copyOfRange(ids, 35 * w, 70 * w));
            s.finish();
        }
        String out = PythonOracle.run("""
                import sys
                from osgeo import gdal
                d = gdal.Open(sys.argv[1])
                a = d.ReadAsArray()
                print(d.RasterCount, a[0, 15, 15], a[1, 15, 15], a[0, 0, 0], d.GetGeoTransform()[1], d.GetRasterBand(1).GetBlockSize())
                """, tmp.resolve("p.tif").toString());
        assertThat(out.trim()).isEqualTo("3 255 0 0 0.5 [256, 256]");
        try (SegmentationLabelSource back = SegmentationLabelStore.read(cfg, CLASSES)) {
            assertThat((byte[]) back.labels(new Box(0, 0, w, h)).data()).isEqualTo(ids);
        }
    }

    @Test
    void polygonOutputDenoisesAndBuildingsAreRectangles() throws Exception {
        int w = 100, h = 70;
        byte[] ids = classes(w, h);
        boolean[] mask = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) mask[i] = ids[i] == 1;
        List<Geometry> raw = SegmentationLabelStore.vectorize(PolygonVectorOutputConfig.builder().classId(1).denoise(0).build(), mask, w, h);
        assertThat(raw).hasSize(3);
        List<Geometry> clean = SegmentationLabelStore.vectorize(PolygonVectorOutputConfig.builder().classId(1).denoise(1).build(), mask, w, h);
        assertThat(clean).hasSize(2);
        assertThat(clean.stream().mapToDouble(Geometry::getArea).sum()).isEqualTo(800.0);
        List<Geometry> big = SegmentationLabelStore.vectorize(BuildingVectorOutputConfig.builder().classId(1).minArea(10.0).build(), mask, w, h);
        assertThat(big).hasSize(2);
        for (Geometry g : big) assertThat(g.getArea()).isCloseTo(400, within(1e-6));

        // two buildings joined by a 2-px bridge: elongated, split apart again
        boolean[] joined = new boolean[w * h];
        for (int y = 10; y < 30; y++) for (int x = 10; x < 70; x++) {
            boolean body = x < 30 || x >= 50;
            boolean bridge = y >= 19 && y < 21;
            joined[y * w + x] = body || bridge;
        }
        List<Geometry> split = SegmentationLabelStore.vectorize(BuildingVectorOutputConfig.builder().classId(1).build(), joined, w, h);
        assertThat(split).hasSize(2);

        // vector outputs written from a store: WGS 84 polygons
        var cfg = SemanticSegmentationLabelStoreConfig.builder().uri(tmp.resolve("q.tif").toString())
                .vectorOutput(PolygonVectorOutputConfig.builder().classId(1).denoise(1).uri(tmp.resolve("q-1-polygons.json").toString()).build()).build();
        var img = imagery(w, h);
        try (SegmentationLabelStore s = SegmentationLabelStore.create(cfg, CLASSES, img)) {
            s.write(new Box(0, 0, w, h), ids);
            s.finish();
        }
        var fc = GeoJsonReader.read(tmp.resolve("q-1-polygons.json"));
        assertThat(fc.size()).isEqualTo(2);
        double[] ll = CrsTransformer.of(img).pixelToLonLat(10, 10);
        var env = fc.features().get(0).geometry().getEnvelopeInternal();
        assertThat(env.getMinX()).isCloseTo(ll[0], within(1e-9));
        assertThat(env.getMaxY()).isCloseTo(ll[1], within(1e-9));
    }

    @Test
    void mergeLeavesOneBoxPerObject() {
        SplittableRandom rnd = new SplittableRandom(3);
        List<ScoredBox> truth = List.of(new ScoredBox(10, 10, 12, 8, 0, 1), new ScoredBox(40, 12, 10, 10, 0, 1),
                new ScoredBox(41, 13, 9, 9, 1, 1)); // overlaps the second, but another class
        List<ScoredBox> all = new ArrayList<>();
        for (ScoredBox b : truth) {
            for (int copy = 0; copy < 4; copy++) {
                all.add(new ScoredBox(b.x() + rnd.nextDouble(-1, 1), b.y() + rnd.nextDouble(-1, 1), b.w(), b.h(), b.classId(), 0.9 - copy * 0.01));
            }
            all.add(new ScoredBox(b.x(), b.y(), b.w() / 2, b.h(), b.classId(), 0.9)); // clipped by a window edge
        }
        all.add(new ScoredBox(80, 80, 5, 5, 0, 0.2)); // below score_thresh
        List<ScoredBox> merged = PredictCommand.merge(all, 0.5, 0.5);
        assertThat(merged).hasSize(3);
        assertThat(merged).extracting(ScoredBox::classId).containsExactlyInAnyOrder(0, 0, 1);
        for (ScoredBox m : merged) assertThat(m.w()).isGreaterThan(8); // the full boxes won, not the clipped halves
    }
}
