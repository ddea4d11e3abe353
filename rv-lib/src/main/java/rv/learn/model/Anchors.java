package rv.learn.model;

import rv.task.Prediction.ScoredBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SSD anchors and the parts of SSD training and inference that this engine lacks ({@code MultiBoxTarget}
 * is not implemented by DJL's PyTorch engine): IoU matching of anchors to ground truth, box encoding
 * with variances (0.1, 0.2), hard-negative mining, decoding and per-class non-maximum suppression.
 * Anchors are (cx, cy, w, h) in input pixels.
 */
public final class Anchors {
    /** Feature levels (strides 4 and 8). */
    public static final int LEVELS = 2;
    /** Anchors per cell: a long box lying, the same standing, and a square. */
    public static final int PER_CELL = 3;
    /**
     * Anchor (w, h) per level in pixels. The stride-4 level fits vehicles at 0.3 m (about 15 × 6.5 px,
     * whose best anchor then always overlaps them with IoU ≥ 0.4); the stride-8 level takes objects
     * about twice that size.
     */
    private static final double[][][] SHAPES = {
            {{15, 6.5}, {6.5, 15}, {10, 10}},
            {{30, 13}, {13, 30}, {20, 20}}};

    private Anchors() {}

    /** All anchors for an input of {@code h × w} whose levels have the given feature sizes: (cx, cy, w, h) × n. */
    public static float[] generate(int h, int w, int[][] featureSizes) {
        List<float[]> out = new ArrayList<>();
        for (int l = 0; l < LEVELS; l++) {
            int fh = featureSizes[l][0], fw = featureSizes[l][1];
            double sy = (double) h / fh, sx = (double) w / fw;
            for (int r = 0; r < fh; r++) {
                for (int c = 0; c < fw; c++) {
                    for (double[] wh : SHAPES[l]) {
                        out.add(new float[] {(float) ((c + 0.5) * sx), (float) ((r + 0.5) * sy), (float) wh[0], (float) wh[1]});
                    }
                }
            }
        }
        float[] a = new float[out.size() * 4];
        for (int i = 0; i < out.size(); i++) System.arraycopy(out.get(i), 0, a, i * 4, 4);
        return a;
    }

    /** Targets of one image: {@code labels[i]} (0 = no object, k+1 = class k) and encoded offsets {@code box[4i..]}. */
    public record Targets(int[] labels, float[] box, int positives) {}

    /**
     * Matches anchors to boxes: an anchor is positive for the box it overlaps most when IoU ≥ {@code thresh};
     * each box also claims its best anchor, so no box goes unmatched.
     */
    public static Targets match(float[] anchors, List<ScoredBox> gt, double thresh) {
        int n = anchors.length / 4;
        int[] labels = new int[n];
        float[] box = new float[n * 4];
        if (gt.isEmpty()) return new Targets(labels, box, 0);
        int[] best = new int[n];
        double[] bestIou = new double[n];
        java.util.Arrays.fill(best, -1);
        int[] gtBestAnchor = new int[gt.size()];
        double[] gtBestIou = new double[gt.size()];
        java.util.Arrays.fill(gtBestIou, -1);
        for (int i = 0; i < n; i++) {
            ScoredBox a = anchorBox(anchors, i);
            for (int g = 0; g < gt.size(); g++) {
                double iou = a.iou(gt.get(g));
                if (iou > bestIou[i]) { bestIou[i] = iou; best[i] = g; }
                if (iou > gtBestIou[g]) { gtBestIou[g] = iou; gtBestAnchor[g] = i; }
            }
        }
        for (int g = 0; g < gt.size(); g++) { best[gtBestAnchor[g]] = g; bestIou[gtBestAnchor[g]] = 1; }
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] < 0 || bestIou[i] < thresh) continue;
            ScoredBox g = gt.get(best[i]);
            labels[i] = g.classId() + 1;
            encode(anchors, i, g, box);
            pos++;
        }
        return new Targets(labels, box, pos);
    }

    static ScoredBox anchorBox(float[] a, int i) {
        return new ScoredBox(a[4 * i] - a[4 * i + 2] / 2, a[4 * i + 1] - a[4 * i + 3] / 2, a[4 * i + 2], a[4 * i + 3], 0, 1);
    }

    static void encode(float[] a, int i, ScoredBox g, float[] out) {
        double gcx = g.x() + g.w() / 2, gcy = g.y() + g.h() / 2;
        out[4 * i] = (float) ((gcx - a[4 * i]) / a[4 * i + 2] / 0.1);
        out[4 * i + 1] = (float) ((gcy - a[4 * i + 1]) / a[4 * i + 3] / 0.1);
        out[4 * i + 2] = (float) (Math.log(Math.max(1e-3, g.w()) / a[4 * i + 2]) / 0.2);
        out[4 * i + 3] = (float) (Math.log(Math.max(1e-3, g.h()) / a[4 * i + 3]) / 0.2);
    }

    /** The box an anchor's predicted offsets describe. */
    static ScoredBox decode(float[] a, int i, float[] off, int o, int classId, double score) {
        double cx = a[4 * i] + off[o] * 0.1 * a[4 * i + 2];
        double cy = a[4 * i + 1] + off[o + 1] * 0.1 * a[4 * i + 3];
        double w = a[4 * i + 2] * Math.exp(Math.min(4, off[o + 2] * 0.2));
        double h = a[4 * i + 3] * Math.exp(Math.min(4, off[o + 3] * 0.2));
        return new ScoredBox(cx - w / 2, cy - h / 2, w, h, classId, score);
    }

    /**
     * Hard-negative mining: a mask (1 = use) keeping every positive and the {@code ratio}·positives
     * negatives with the highest background loss ({@code negLoss[i]}), at least {@code minNeg}.
     */
    public static float[] mineNegatives(int[] labels, float[] negLoss, int positives, int ratio, int minNeg) {
        int n = labels.length;
        float[] mask = new float[n];
        List<Integer> negs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (labels[i] > 0) mask[i] = 1;
            else negs.add(i);
        }
        int keep = Math.min(negs.size(), Math.max(minNeg, ratio * positives));
        negs.sort(Comparator.comparingDouble((Integer i) -> -negLoss[i]).thenComparingInt(i -> i));
        for (int k = 0; k < keep; k++) mask[negs.get(k)] = 1;
        return mask;
    }

    /**
     * Boxes of one image from softmax scores (anchors × (classes+1)) and offsets: per class, scores above
     * {@code scoreThresh}, greedy NMS at {@code nmsIou}, at most {@code maxBoxes} overall (highest first).
     */
    public static List<ScoredBox> detect(float[] anchors, float[] probs, float[] off, int classes,
                                         double scoreThresh, double nmsIou, int maxBoxes, double clipW, double clipH) {
        int n = anchors.length / 4;
        List<ScoredBox> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            List<ScoredBox> cand = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float p = probs[i * (classes + 1) + k + 1];
                if (p < scoreThresh) continue;
                ScoredBox b = decode(anchors, i, off, 4 * i, k, p);
                double x0 = Math.max(0, b.x()), y0 = Math.max(0, b.y());
                double x1 = Math.min(clipW, b.xMax()), y1 = Math.min(clipH, b.yMax());
                if (x1 - x0 < 1 || y1 - y0 < 1) continue;
                cand.add(new ScoredBox(x0, y0, x1 - x0, y1 - y0, k, p));
            }
            out.addAll(nms(cand, nmsIou));
        }
        out.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        return out.size() > maxBoxes ? List.copyOf(out.subList(0, maxBoxes)) : out;
    }

    /** Greedy non-maximum suppression. */
    public static List<ScoredBox> nms(List<ScoredBox> boxes, double iou) {
        List<ScoredBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        List<ScoredBox> keep = new ArrayList<>();
        for (ScoredBox b : sorted) {
            boolean ok = true;
            for (ScoredBox k : keep) if (k.iou(b) > iou) { ok = false; break; }
            if (ok) keep.add(b);
        }
        return keep;
    }
}
