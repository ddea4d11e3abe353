package rv.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import rv.core.RvException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code eval.json} as Raster Vision's evaluators write it: a list of per-class entries
 * ({@code class_id, class_name, precision, recall, f1, gt_count, count_error}, optionally
 * {@code conf_mat}) ending with the {@code average} entry; newer layouts with {@code overall} and
 * {@code per_scene} are read too (scenes become rows).
 */
public record EvalMetrics(String source, List<Row> rows) {

    /** One class (or the average) in one scene (null: all scenes). */
    public record Row(String scene, int classId, String className, double precision, double recall, double f1,
                      double gtCount, double countError, double[] confMat, double[][] confMatrix) {}

    public EvalMetrics { rows = List.copyOf(rows); }

    public static EvalMetrics load(Path evalJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(evalJson));
        } catch (IOException e) {
            throw new RvException(evalJson + ": cannot read eval.json (" + e.getMessage() + "); run the EVAL command first");
        }
        List<Row> rows = new ArrayList<>();
        if (root.isArray()) {
            addRows(rows, null, root, evalJson);
        } else if (root.has("overall")) {
            addRows(rows, null, root.get("overall"), evalJson);
            JsonNode per = root.path("per_scene");
            per.fieldNames().forEachRemaining(scene -> addRows(rows, scene, per.get(scene), evalJson));
        } else {
            throw new RvException(evalJson + ": expected a list of per-class metrics or an object with 'overall'");
        }
        return new EvalMetrics(evalJson.toString(), rows);
    }

    private static void addRows(List<Row> rows, String scene, JsonNode list, Path file) {
        if (!list.isArray()) throw new RvException(file + ": metrics of " + (scene == null ? "overall" : scene) + " must be a list");
        for (JsonNode n : list) {
            double[] cm = null;
            double[][] matrix = null;
            JsonNode c = n.path("conf_mat");
            if (c.isArray() && c.size() > 0 && c.get(0).isArray()) { // a matrix (rows: ground truth)
                matrix = new double[c.size()][];
                for (int i = 0; i < matrix.length; i++) {
                    matrix[i] = new double[c.get(i).size()];
                    for (int k = 0; k < matrix[i].length; k++) matrix[i][k] = c.get(i).get(k).asDouble();
                }
            } else if (c.isArray()) { // RV 0.12: this class's row
                cm = new double[c.size()];
                for (int i = 0; i < cm.length; i++) cm[i] = c.get(i).asDouble();
            }
            rows.add(new Row(scene, n.path("class_id").asInt(-1), n.path("class_name").asText("?"),
                    num(n, "precision"), num(n, "recall"), num(n, "f1"), num(n, "gt_count"), num(n, "count_error"), cm, matrix));
        }
    }

    private static double num(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    /** The F1 of the {@code average} entry over all scenes, or NaN. */
    public double averageF1() {
        return rows.stream().filter(r -> r.scene() == null && r.className().equals("average")).mapToDouble(Row::f1).findFirst().orElse(Double.NaN);
    }

    public Table table() {
        boolean scenes = rows.stream().anyMatch(r -> r.scene() != null);
        Table t = Table.create("Evaluation: " + source);
        if (scenes) t.addColumns(StringColumn.create("scene", rows.stream().map(r -> r.scene() == null ? "(all)" : r.scene()).toList()));
        t.addColumns(
                IntColumn.create("class_id", rows.stream().mapToInt(Row::classId).toArray()),
                StringColumn.create("class_name", rows.stream().map(Row::className).toList()),
                DoubleColumn.create("precision", rows.stream().mapToDouble(Row::precision).toArray()),
                DoubleColumn.create("recall", rows.stream().mapToDouble(Row::recall).toArray()),
                DoubleColumn.create("f1", rows.stream().mapToDouble(Row::f1).toArray()),
                DoubleColumn.create("gt_count", rows.stream().mapToDouble(Row::gtCount).toArray()),
                DoubleColumn.create("count_error", rows.stream().mapToDouble(Row::countError).toArray()));
        return t;
    }

    /** The confusion matrix (rows: ground-truth classes, columns: predicted), when the evaluator wrote one. */
    public ConfusionMatrix confusionMatrix() {
        List<Row> classes = rows.stream().filter(r -> r.scene() == null && !r.className().equals("average") && r.classId() >= 0).toList();
        Row avg = rows.stream().filter(r -> r.scene() == null && r.className().equals("average") && r.confMatrix() != null).findFirst().orElse(null);
        if (avg != null && avg.confMatrix().length == classes.size() && classes.size() > 0) {
            // newer layout: the average entry holds the full matrix, classes by id
            String[] names = new String[classes.size()];
            for (int i = 0; i < names.length; i++) names[i] = "class " + i;
            for (Row r : classes) if (r.classId() < names.length) names[r.classId()] = r.className();
            return new ConfusionMatrix(List.of(names), avg.confMatrix());
        }
        List<Row> cls = rows.stream().filter(r -> r.scene() == null && r.confMat() != null && !r.className().equals("average")).toList();
        if (cls.isEmpty()) return null;
        int n = cls.get(0).confMat().length;
        String[] names = new String[n];
        for (int i = 0; i < n; i++) names[i] = "class " + i;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = new double[n];
        for (Row r : cls) {
            if (r.classId() >= 0 && r.classId() < n) {
                m[r.classId()] = r.confMat().clone();
                names[r.classId()] = r.className();
            }
        }
        return new ConfusionMatrix(List.of(names), m);
    }

    /** Table (HTML/text) followed by the confusion-matrix heat map where there is one. */
    public MimeBundle bundle() {
        MimeBundle b = Tables.bundle(table());
        ConfusionMatrix cm = confusionMatrix();
        if (cm == null) return b;
        return b.withHtml(b.html() + "<br/>" + Html.img(Charts.png(cm.chart()), "confusion matrix"));
    }

    @Override
    public String toString() { return table().printAll(); }
}
