package rv.eval;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy one-to-one matching of predictions to ground truth by IoU, as in the PASCAL VOC / COCO
 * protocol Raster Vision's detection evaluation follows: predictions in decreasing score order each
 * take the unmatched ground-truth item with the highest IoU, when that IoU is at least the threshold.
 */
public final class Matching {
    private Matching() {}

    /** Result counts. */
    public record Counts(int truePos, int falsePos, int falseNeg) {}

    /** Matches polygons (any geometry with area); {@code predScores} may be null (all equal). */
    public static Counts match(List<Geometry> gt, List<Geometry> pred, double[] predScores, double iouThresh) {
        STRtree tree = new STRtree();
        for (int i = 0; i < gt.size(); i++) tree.insert(gt.get(i).getEnvelopeInternal(), i);
        tree.build();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pred.size(); i++) order.add(i);
        if (predScores != null) order.sort(Comparator.comparingDouble((Integer i) -> -predScores[i]));
        boolean[] used = new boolean[gt.size()];
        int tp = 0;
        for (int i : order) {
            Geometry p = pred.get(i);
            int best = -1;
            double bestIou = -1;
            for (Object o : tree.query(p.getEnvelopeInternal())) {
                int g = (Integer) o;
                if (used[g]) continue;
                double iou = iou(gt.get(g), p);
                if (iou >= iouThresh && iou > bestIou) { best = g; bestIou = iou; }
            }
            if (best >= 0) { used[best] = true; tp++; }
        }
        return new Counts(tp, pred.size() - tp, gt.size() - tp);
    }

    public static double iou(Geometry a, Geometry b) {
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) return 0;
        double inter = a.intersection(b).getArea();
        double union = a.getArea() + b.getArea() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
