package rv.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Counts behind the metrics of one scene (or of several merged): a confusion matrix (chip
 * classification, semantic segmentation; rows = ground truth, columns = prediction) or per-class
 * true/false positives and false negatives (object detection, polygon matching).
 *
 * <p>{@link #toJson()} gives Raster Vision's list of per-class items plus an {@code average} item:
 * {@code class_id, class_name, gt_count, pred_count, count_error (|gt − pred|), relative_frequency,
 * precision, recall, f1, sensitivity, specificity} (null where undefined, e.g. 0/0), and
 * {@code conf_mat} ({@code [[TN, FP], [FN, TP]]}), {@code conf_mat_frac}, {@code conf_mat_dict},
 * {@code conf_mat_frac_dict} or {@code true_pos, false_pos, false_neg}. The average (class_id −1)
 * weights each class's metrics by its gt_count (undefined metrics count as 0) and sums the counts.
 */
public final class Evaluation {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final List<String> names;
    private final double[][] conf;
    private final double[] tp, fp, fn;

    private Evaluation(List<String> names, double[][] conf, double[] tp, double[] fp, double[] fn) {
        this.names = List.copyOf(names);
        this.conf = conf;
        this.tp = tp; this.fp = fp; this.fn = fn;
    }

    /** From a confusion matrix {@code conf[gt][pred]} over {@code names.size()} classes. */
    public static Evaluation ofConfusion(List<String> names, double[][] conf) {
        int n = names.size();
        if (conf.length != n) throw new IllegalArgumentException("confusion matrix is " + conf.length + "x, need " + n);
        double[] tp = new double[n], fp = new double[n], fn = new double[n];
        for (int k = 0; k < n; k++) {
            double row = 0, col = 0;
            for (int j = 0; j < n; j++) { row += conf[k][j]; col += conf[j][k]; }
            tp[k] = conf[k][k];
            fp[k] = col - conf[k][k];
            fn[k] = row - conf[k][k];
        }
        return new Evaluation(names, copy(conf), tp, fp, fn);
    }

    /** From per-class detection counts. */
    public static Evaluation ofDetections(List<String> names, double[] tp, double[] fp, double[] fn) {
        return new Evaluation(names, null, tp.clone(), fp.clone(), fn.clone());
    }

    public static Evaluation empty(List<String> names, boolean confusion) {
        int n = names.size();
        return confusion ? ofConfusion(names, new double[n][n]) : ofDetections(names, new double[n], new double[n], new double[n]);
    }

    public List<String> names() { return names; }

    /** The confusion matrix (a copy), or null for detection counts. */
    public double[][] confusion() { return conf == null ? null : copy(conf); }

    /** Sum of two evaluations (same classes and kind). */
    public Evaluation merge(Evaluation o) {
        if (!o.names.equals(names) || (o.conf == null) != (conf == null)) throw new IllegalArgumentException("evaluations differ in classes or kind");
        if (conf != null) {
            double[][] c = copy(conf);
            for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) c[i][j] += o.conf[i][j];
            return ofConfusion(names, c);
        }
        double[] a = tp.clone(), b = fp.clone(), d = fn.clone();
        for (int i = 0; i < a.length; i++) { a[i] += o.tp[i]; b[i] += o.fp[i]; d[i] += o.fn[i]; }
        return ofDetections(names, a, b, d);
    }

    public double gtCount(int k) { return tp[k] + fn[k]; }

    public double truePos(int k) { return tp[k]; }

    public double predCount(int k) { return tp[k] + fp[k]; }

    public Double precision(int k) { return div(tp[k], tp[k] + fp[k]); }

    public Double recall(int k) { return div(tp[k], tp[k] + fn[k]); }

    public Double f1(int k) {
        Double p = precision(k), r = recall(k);
        if (p == null || r == null || p + r == 0) return null;
        return 2 * p * r / (p + r);
    }

    private double total() {
        double t = 0;
        for (double[] row : conf) for (double v : row) t += v;
        return t;
    }

    /** Raster Vision's per-class items followed by the average item. */
    public ArrayNode toJson() {
        ArrayNode out = F.arrayNode();
        int n = names.size();
        double total = conf != null ? total() : 0;
        double gtSum = 0, predSum = 0, errSum = 0;
        for (int k = 0; k < n; k++) gtSum += gtCount(k);
        double[] avg = new double[5];
        boolean[] seen = new boolean[5];
        for (int k = 0; k < n; k++) {
            ObjectNode item = out.addObject();
            double gt = gtCount(k), pred = predCount(k);
            item.put("class_id", k);
            item.put("class_name", names.get(k));
            item.put("gt_count", gt);
            item.put("pred_count", pred);
            item.put("count_error", Math.abs(gt - pred));
            predSum += pred;
            errSum += Math.abs(gt - pred);
            Double specificity = null;
            if (conf != null) {
                item.put("relative_frequency", total == 0 ? 0.0 : gt / total);
                double tn = total - tp[k] - fp[k] - fn[k];
                specificity = div(tn, tn + fp[k]);
            }
            Double[] m = {precision(k), recall(k), f1(k), recall(k), specificity};
            String[] keys = {"precision", "recall", "f1", "sensitivity", "specificity"};
            for (int i = 0; i < keys.length; i++) {
                put(item, keys[i], m[i]);
                if (gtSum > 0) avg[i] += (gt / gtSum) * (m[i] == null ? 0 : m[i]);
                seen[i] |= m[i] != null;
            }
            if (conf != null) {
                double tn = total - tp[k] - fp[k] - fn[k];
                double[][] two = {{tn, fp[k]}, {fn[k], tp[k]}};
                item.set("conf_mat", matrix(two, 1));
                item.set("conf_mat_frac", matrix(two, total));
                ObjectNode d = item.putObject("conf_mat_dict");
                d.put("TN", tn).put("FP", fp[k]).put("FN", fn[k]).put("TP", tp[k]);
                ObjectNode df = item.putObject("conf_mat_frac_dict");
                df.put("TN", frac(tn, total)).put("FP", frac(fp[k], total)).put("FN", frac(fn[k], total)).put("TP", frac(tp[k], total));
            } else {
                item.put("true_pos", tp[k]).put("false_pos", fp[k]).put("false_neg", fn[k]);
            }
        }
        ObjectNode a = out.addObject();
        a.put("class_id", -1);
        a.put("class_name", "average");
        String[] keys = {"precision", "recall", "f1", "sensitivity", "specificity"};
        for (int i = 0; i < keys.length; i++) {
            put(a, keys[i], gtSum > 0 ? Double.valueOf(avg[i]) : null);
        }
        a.put("gt_count", gtSum);
        a.put("pred_count", predSum);
        a.put("count_error", errSum);
        if (conf != null) {
            a.set("conf_mat", matrix(conf, 1));
            a.set("conf_mat_frac", matrix(conf, total));
        }
        return out;
    }

    /** {@code {"overall": [...], "per_scene": {id: [...]}}}: Raster Vision's eval.json. */
    public static ObjectNode report(Evaluation overall, java.util.Map<String, Evaluation> perScene) {
        ObjectNode root = F.objectNode();
        root.set("overall", overall.toJson());
        ObjectNode ps = root.putObject("per_scene");
        perScene.forEach((id, e) -> ps.set(id, e.toJson()));
        return root;
    }

    /** Per-class f1 of an eval.json list, by class name (tests, summaries). */
    public static Double f1Of(JsonNode items, String className) {
        for (JsonNode i : items) {
            if (className.equals(i.path("class_name").asText())) return i.path("f1").isNull() ? null : i.path("f1").asDouble();
        }
        throw new IllegalArgumentException("no class " + className);
    }

    private static void put(ObjectNode o, String k, Double v) {
        if (v == null) o.putNull(k); else o.put(k, v);
    }

    private static ArrayNode matrix(double[][] m, double divisor) {
        ArrayNode a = F.arrayNode();
        for (double[] row : m) {
            ArrayNode r = a.addArray();
            for (double v : row) r.add(divisor == 1 ? v : frac(v, divisor));
        }
        return a;
    }

    private static double frac(double v, double total) { return total == 0 ? 0.0 : v / total; }

    private static Double div(double a, double b) { return b == 0 ? null : a / b; }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }
}
