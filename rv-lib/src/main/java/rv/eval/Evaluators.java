package rv.eval;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import rv.core.Aoi;
import rv.core.Box;
import rv.data.vector.Rasterizer;
import rv.task.Prediction.ScoredBox;
import rv.task.labels.ChipClassificationLabelSource;
import rv.task.labels.ChipClassificationLabelSource.Cell;
import rv.task.labels.ObjectDetectionLabelSource;
import rv.task.labels.SegmentationLabelSource;

import java.util.ArrayList;
import java.util.List;

/** Scene-level evaluation of the three tasks: ground truth vs predictions → {@link Evaluation}. */
public final class Evaluators {
    private Evaluators() {}

    /** IoU at which a predicted box or polygon matches a ground-truth one. */
    public static final double IOU_THRESH = 0.5;

    private static final int BLOCK = 1024;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * Pixel confusion matrix of a segmentation scene, read block by block; with an AOI only the
     * pixels whose centre lies inside it count. Pixels with a class id outside the class list are skipped.
     */
    public static Evaluation segmentation(List<String> names, SegmentationLabelSource gt, SegmentationLabelSource pred, Aoi aoi) {
        int n = names.size();
        double[][] conf = new double[n][n];
        int w = gt.width(), h = gt.height();
        Rasterizer aoiBurner = aoi == null ? null : new Rasterizer(w, h, true);
        for (Box b : new Box(0, 0, w, h).slidingWindows(BLOCK, BLOCK, rv.core.Windows.Edge.PAD)) {
            Box win = b.intersection(new Box(0, 0, w, h));
            byte[] g = (byte[]) gt.labels(win).data();
            byte[] p = (byte[]) pred.labels(win).data();
            byte[] mask = null;
            if (aoi != null) {
                if (aoi.overlapShare(win) == 0) continue;
                mask = new byte[g.length];
                aoiBurner.burn(aoi.geometry(), 1, false, mask, win);
            }
            long[] counts = new long[n * n];
            for (int i = 0; i < g.length; i++) {
                if (mask != null && mask[i] == 0) continue;
                int gi = g[i] & 0xff, pi = p[i] & 0xff;
                if (gi >= n || pi >= n) continue;
                counts[gi * n + pi]++;
            }
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) conf[i][j] += counts[i * n + j];
        }
        return Evaluation.ofConfusion(names, conf);
    }

    /**
     * Chip classification: each ground-truth cell against the predicted cell at the same place
     * (cells without a prediction are skipped). With an AOI only cells wholly inside it count, as
     * Raster Vision's {@code filter_by_aoi} does.
     */
    public static Evaluation chipClassification(List<String> names, ChipClassificationLabelSource gt, ChipClassificationLabelSource pred, Aoi aoi) {
        int n = names.size();
        double[][] conf = new double[n][n];
        for (Cell c : gt.cells()) {
            if (aoi != null && !aoi.contains(c.box())) continue;
            Integer p = pred.classOf(c.box());
            if (p == null || c.classId() < 0 || c.classId() >= n || p < 0 || p >= n) continue;
            conf[c.classId()][p]++;
        }
        return Evaluation.ofConfusion(names, conf);
    }

    /** Object detection: boxes matched per class at IoU ≥ 0.5; with an AOI only boxes wholly inside it count. */
    public static Evaluation objectDetection(List<String> names, ObjectDetectionLabelSource gt, ObjectDetectionLabelSource pred, Aoi aoi) {
        int n = names.size();
        double[] tp = new double[n], fp = new double[n], fn = new double[n];
        for (int k = 0; k < n; k++) {
            List<Geometry> g = boxes(gt.boxes(), k, aoi, null);
            List<Double> scores = new ArrayList<>();
            List<Geometry> p = boxes(pred.boxes(), k, aoi, scores);
            double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
            Matching.Counts c = Matching.match(g, p, s, IOU_THRESH);
            tp[k] = c.truePos(); fp[k] = c.falsePos(); fn[k] = c.falseNeg();
        }
        return Evaluation.ofDetections(names, tp, fp, fn);
    }

    /** Polygons of one class matched at IoU ≥ 0.5 (vector outputs); a one-class detection-style evaluation. */
    public static Evaluation polygons(String className, List<Geometry> gt, List<Geometry> pred, Aoi aoi) {
        List<Geometry> g = aoi == null ? gt : gt.stream().filter(x -> aoi.geometry().intersects(x)).toList();
        List<Geometry> p = aoi == null ? pred : pred.stream().filter(x -> aoi.geometry().intersects(x)).toList();
        Matching.Counts c = Matching.match(g, p, null, IOU_THRESH);
        return Evaluation.ofDetections(List.of(className), new double[] {c.truePos()}, new double[] {c.falsePos()}, new double[] {c.falseNeg()});
    }

    private static List<Geometry> boxes(List<ScoredBox> boxes, int classId, Aoi aoi, List<Double> scores) {
        List<Geometry> out = new ArrayList<>();
        for (ScoredBox b : boxes) {
            if (b.classId() != classId) continue;
            Geometry g = GF.toGeometry(new org.locationtech.jts.geom.Envelope(b.x(), b.xMax(), b.y(), b.yMax()));
            if (aoi != null && !aoi.geometry().contains(g)) continue;
            out.add(g);
            if (scores != null) scores.add(b.score());
        }
        return out;
    }
}
