package rv.learn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A confusion matrix (rows: truth, columns: prediction) and per-class precision, recall and F1. */
final class Metrics {
    final long[][] cm;

    Metrics(int classes) { cm = new long[classes][classes]; }

    void add(int truth, int pred) {
        if (truth >= 0 && truth < cm.length) cm[truth][pred]++;
    }

    private long[] detTp, detFp, detFn;

    /** Greedy matching of predicted to true boxes of the same class at IoU ≥ {@code iou}. */
    void addDetections(java.util.List<rv.task.Prediction.ScoredBox> truth, java.util.List<rv.task.Prediction.ScoredBox> found, double iou) {
        if (detTp == null) { detTp = new long[cm.length]; detFp = new long[cm.length]; detFn = new long[cm.length]; }
        boolean[] used = new boolean[truth.size()];
        for (rv.task.Prediction.ScoredBox f : found) {
            int best = -1;
            double bestIou = iou;
            for (int g = 0; g < truth.size(); g++) {
                if (used[g] || truth.get(g).classId() != f.classId()) continue;
                double v = truth.get(g).iou(f);
                if (v >= bestIou) { bestIou = v; best = g; }
            }
            if (best >= 0) { used[best] = true; detTp[f.classId()]++; } else detFp[f.classId()]++;
        }
        for (int g = 0; g < truth.size(); g++) if (!used[g]) detFn[truth.get(g).classId()]++;
    }

    /** Per class: precision, recall, f1 (0 when undefined). */
    List<Map<String, Object>> perClass(List<String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < cm.length; c++) {
            long tp = cm[c][c], fp = 0, fn = 0;
            for (int k = 0; k < cm.length; k++) {
                if (k == c) continue;
                fp += cm[k][c];
                fn += cm[c][k];
            }
            if (detTp != null) { tp = detTp[c]; fp = detFp[c]; fn = detFn[c]; }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class_name", names.get(c));
            m.put("precision", p);
            m.put("recall", r);
            m.put("f1", f);
            m.put("count", tp + fn);
            out.add(m);
        }
        return out;
    }
}
