package rv.task.labels;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import rv.core.Box;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.core.GeoTransform;
import rv.data.raster.DataType;
import rv.data.raster.InMemoryRasterSource;
import rv.data.raster.Raster;
import rv.data.vector.Feature;
import rv.data.vector.FeatureCollection;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.VectorSourceOptions;
import rv.task.Prediction.ScoredBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSourcesTest {
    static final GeoTransform GT = new GeoTransform(0, 1, 0, 0, 0, -1); // map (x, -y) = pixel (x, y)
    static final GeometryFactory GF = new GeometryFactory();

    @Test
    void rgbLabelsMapColoursToClassesAndTheRestToNull() {
        Raster rgb = Raster.zeros(4, 2, 3, DataType.UINT8);
        int[][] px = {{255, 0, 0}, {0, 128, 0}, {1, 2, 3}, {255, 0, 0}};
        for (int x = 0; x < 4; x++) for (int b = 0; b < 3; b++) { rgb.set(b, 0, x, px[x][b]); rgb.set(b, 1, x, px[x][b]); }
        var src = new SegmentationLabelSource(new InMemoryRasterSource(rgb, GT, OptionalInt.empty(), OptionalDouble.empty()),
                new int[][] {{255, 0, 0}, {0, 128, 0}, {0, 0, 0}}, 2);
        Raster l = src.labels(new Box(-1, 0, 6, 1));
        assertThat((byte[]) l.data()).containsExactly(2, 0, 1, 2, 0, 2); // outside, red, green, unknown, red, outside
    }

    @Test
    void classRasterNodataIsNull() {
        Raster r = Raster.zeros(3, 1, 1, DataType.UINT8);
        r.set(0, 0, 0, 1);
        r.set(0, 0, 2, 9);
        var src = new SegmentationLabelSource(new InMemoryRasterSource(r, GT, OptionalInt.empty(), OptionalDouble.of(9)), null, 5);
        assertThat((byte[]) src.labels(new Box(0, 0, 3, 1)).data()).containsExactly(1, 0, 5);
    }

    /** A polygon given in pixel coordinates (stored in map coordinates, y flipped). */
    static Feature rect(double x0, double y0, double x1, double y1, int classId) {
        Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(x0, -y0), new Coordinate(x1, -y0),
                new Coordinate(x1, -y1), new Coordinate(x0, -y1), new Coordinate(x0, -y0)});
        return new Feature(p, Map.of("class_id", classId));
    }

    static GeoJsonVectorSource vectors(Feature... f) {
        return new GeoJsonVectorSource("test", new FeatureCollection(List.of(f), new Crs(32633), 0, 0),
                VectorSourceOptions.defaults(), CrsTransformer.of(GT, 32633));
    }

    @Test
    void cellInferenceFollowsRasterVisionsRules() {
        // cells of 10 px over 20x10: cell A = [0,10), cell B = [10,20)
        var vs = vectors(
                rect(0, 0, 4, 4, 2),     // 16 % of cell A, all of the polygon inside A
                rect(4, 0, 10, 6, 1),    // 36 % of cell A
                rect(18, 0, 30, 10, 3)); // 20 % of cell B, 1/6 of the polygon inside B
        Box extent = new Box(0, 0, 20, 10);
        var byPolygon = ChipClassificationLabelSource.infer(vs, extent, new ChipClassificationLabelSource.InferOptions(10, 0.5, false, false, null));
        assertThat(byPolygon.classOf(new Box(0, 0, 10, 10))).isEqualTo(1); // both qualify; class 1 covers more of the cell
        assertThat(byPolygon.classOf(new Box(10, 0, 10, 10))).isNull();    // 1/6 < 0.5 and no background class
        var pickMin = ChipClassificationLabelSource.infer(vs, extent, new ChipClassificationLabelSource.InferOptions(10, 0.5, false, true, 0));
        assertThat(pickMin.classOf(new Box(0, 0, 10, 10))).isEqualTo(1);
        assertThat(pickMin.classOf(new Box(10, 0, 10, 10))).isEqualTo(0);   // background
        var byCell = ChipClassificationLabelSource.infer(vs, extent, new ChipClassificationLabelSource.InferOptions(10, 0.2, true, true, 0));
        assertThat(byCell.classOf(new Box(0, 0, 10, 10))).isEqualTo(1);     // only the 36 % polygon reaches 0.2
        assertThat(byCell.classOf(new Box(10, 0, 10, 10))).isEqualTo(3);    // 20 % of the cell
        var low = ChipClassificationLabelSource.infer(vs, extent, new ChipClassificationLabelSource.InferOptions(10, 0.1, true, true, 0));
        assertThat(low.classOf(new Box(0, 0, 10, 10))).isEqualTo(1);        // pick_min: min(2, 1)
        var lowMax = ChipClassificationLabelSource.infer(vs, extent, new ChipClassificationLabelSource.InferOptions(10, 0.1, true, false, 0));
        assertThat(lowMax.classOf(new Box(0, 0, 10, 10))).isEqualTo(1);     // largest cover: 36 % > 16 %
    }

    @Test
    void detectionBoxesAreClippedByIoa() {
        var od = ObjectDetectionLabelSource.fromFeatures(vectors(rect(0, 0, 10, 10, 0), rect(15, 15, 25, 25, 1)));
        assertThat(od.boxes()).hasSize(2);
        List<ScoredBox> in = new ArrayList<>(od.boxesIn(new Box(0, 0, 20, 20), 0.2, true));
        assertThat(in).hasSize(2);
        ScoredBox clipped = in.get(1);
        assertThat(List.of(clipped.x(), clipped.y(), clipped.w(), clipped.h())).containsExactly(15.0, 15.0, 5.0, 5.0);
        assertThat(od.boxesIn(new Box(0, 0, 20, 20), 0.3, true)).hasSize(1); // the second has IoA 0.25
    }
}
