package rv.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import rv.core.RvException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Per-epoch training metrics: {@code history.json} (a list of objects, one per epoch, or
 * {@code {"epochs": [...]}}) or Raster Vision's {@code log.csv}; every numeric field becomes a series.
 * Charts: losses, validation metrics (f1, precision, recall, accuracy …) and the learning rate.
 */
public record TrainingHistory(String source, Map<String, double[]> series) {

    public TrainingHistory { series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series)); }

    /** Reads {@code history.json} or {@code log.csv} from a file or a train folder. */
    public static TrainingHistory load(Path fileOrDir) {
        Path f = fileOrDir;
        if (Files.isDirectory(f)) {
            Path json = f.resolve("history.json");
            Path csv = f.resolve("log.csv");
            f = Files.exists(json) ? json : Files.exists(csv) ? csv : null;
            if (f == null) throw new RvException(fileOrDir + ": no history.json or log.csv; run the TRAIN command first");
        }
        if (!Files.isRegularFile(f)) throw new RvException(f + ": no such file; give a train folder or its history.json");
        try {
            return f.toString().endsWith(".csv") ? fromCsv(f) : fromJson(f);
        } catch (IOException e) {
            throw new RvException(f + ": cannot read training history: " + e.getMessage());
        }
    }

    private static TrainingHistory fromJson(Path f) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(f));
        JsonNode epochs = root.isArray() ? root : root.path("epochs");
        if (!epochs.isArray()) throw new RvException(f + ": expected a list of per-epoch objects (or {\"epochs\": [...]})");
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode e : epochs) {
            final int row = i++;
            Map<String, Double> flat = new LinkedHashMap<>();
            flatten("", e, flat);
            flat.forEach((key, value) -> {
                List<Double> c = cols.computeIfAbsent(key, k -> new ArrayList<>());
                while (c.size() < row) c.add(Double.NaN);
                c.add(value);
            });
        }
        return new TrainingHistory(f.toString(), toArrays(cols, i));
    }

    /**
     * Numeric leaves of one epoch's object: nested per-class metrics ({@code "metrics": {"building": {"f1": …}}}
     * or lists of objects with {@code class_name}) become {@code building_f1}.
     */
    private static void flatten(String prefix, JsonNode n, Map<String, Double> out) {
        if (n.isNumber()) {
            out.put(prefix, n.asDouble());
        } else if (n.isObject()) {
            n.fields().forEachRemaining(en -> {
                String k = en.getKey();
                String name = prefix.isEmpty() ? (en.getValue().isContainerNode() && k.equals("metrics") ? "" : k) : prefix + "_" + k;
                flatten(name, en.getValue(), out);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                String label = item.hasNonNull("class_name") ? item.get("class_name").asText() : String.valueOf(i);
                flatten(prefix.isEmpty() ? label : prefix + "_" + label, item, out);
            }
        }
    }

    private static TrainingHistory fromCsv(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f);
        if (lines.isEmpty()) throw new RvException(f + ": empty");
        String[] head = lines.get(0).split(",");
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        for (String h : head) cols.put(h.trim(), new ArrayList<>());
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] v = line.split(",");
            for (int k = 0; k < head.length; k++) {
                double d;
                try { d = k < v.length ? Double.parseDouble(v[k].trim()) : Double.NaN; } catch (NumberFormatException e) { d = Double.NaN; }
                cols.get(head[k].trim()).add(d);
            }
        }
        return new TrainingHistory(f.toString(), toArrays(cols, lines.size() - 1));
    }

    private static Map<String, double[]> toArrays(Map<String, List<Double>> cols, int rows) {
        Map<String, double[]> out = new LinkedHashMap<>();
        cols.forEach((k, v) -> {
            double[] a = new double[rows];
            java.util.Arrays.fill(a, Double.NaN);
            for (int i = 0; i < Math.min(rows, v.size()); i++) a[i] = v.get(i);
            out.put(k, a);
        });
        return out;
    }

    public int epochs() {
        return series.values().stream().mapToInt(a -> a.length).max().orElse(0);
    }

    private double[] xs() {
        double[] e = series.get("epoch");
        if (e != null) return e;
        double[] x = new double[epochs()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return x;
    }

    /** The charts that have data: "loss", "metrics", "lr". */
    public Map<String, XYChart> charts() {
        Map<String, XYChart> out = new LinkedHashMap<>();
        add(out, "loss", "Loss", k -> k.contains("loss"));
        add(out, "metrics", "Validation metrics", k -> !k.contains("loss") && !isLr(k) && !k.equals("epoch") && !k.contains("time")
                && !k.contains("count"));
        add(out, "lr", "Learning rate", TrainingHistory::isLr);
        return out;
    }

    private static boolean isLr(String k) {
        return k.equals("lr") || k.equals("learning_rate") || k.endsWith("_lr");
    }

    private void add(Map<String, XYChart> out, String key, String title, Predicate<String> which) {
        XYChart c = null;
        double[] x = xs();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (!which.test(e.getKey())) continue;
            if (c == null) {
                c = new XYChartBuilder().width(480).height(300).title(title).xAxisTitle("epoch").build();
                c.getStyler().setMarkerSize(5);
            }
            c.addSeries(e.getKey(), x, e.getValue());
        }
        if (c != null) out.put(key, c);
    }

    public Table table() {
        Table t = Table.create("Training history: " + source);
        series.forEach((k, v) -> t.addColumns(DoubleColumn.create(k, v)));
        return t;
    }

    /** Charts side by side (HTML), the first chart as PNG, the last epoch as text. */
    public MimeBundle bundle() {
        StringBuilder html = new StringBuilder("<div class=\"rv-history\"><b>").append(Html.escape(source)).append("</b><br/>");
        byte[] first = null;
        for (XYChart c : charts().values()) {
            byte[] png = Charts.png(c);
            if (first == null) first = png;
            html.append(Html.img(png, c.getTitle())).append(' ');
        }
        html.append("</div>");
        MimeBundle b = MimeBundle.text(toString()).withHtml(html.toString());
        return first == null ? b : b.withPng(first);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TrainingHistory: ").append(epochs()).append(" epoch(s) from ").append(source);
        int last = epochs() - 1;
        if (last >= 0) {
            sb.append("; last epoch:");
            series.forEach((k, v) -> sb.append(' ').append(k).append('=').append(Tables.format(v[last])));
        }
        return sb.toString();
    }
}
