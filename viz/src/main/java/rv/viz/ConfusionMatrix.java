package rv.viz;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.util.ArrayList;
import java.util.List;

/** Counts of (ground truth, predicted) class pairs; rows are ground truth. */
public record ConfusionMatrix(List<String> classNames, double[][] counts) {
    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
        if (counts.length != classNames.size()) throw new IllegalArgumentException("need one row per class");
    }

    /** A heat map (XChart), rows normalised to the share of each ground-truth class. */
    public HeatMapChart chart() {
        int n = classNames.size();
        HeatMapChart c = new HeatMapChartBuilder().width(120 + 70 * n).height(100 + 60 * n).title("Confusion matrix (row-normalised)")
                .xAxisTitle("predicted").yAxisTitle("ground truth").build();
        c.getStyler().setShowValue(true);
        c.getStyler().setMin(0);
        c.getStyler().setMax(1);
        c.getStyler().setRangeColors(new java.awt.Color[]{new java.awt.Color(247, 251, 255), new java.awt.Color(8, 48, 107)});
        List<Number[]> cells = new ArrayList<>();
        for (int gt = 0; gt < n; gt++) {
            double sum = 0;
            for (double v : counts[gt]) sum += v;
            for (int p = 0; p < n; p++) {
                double share = sum > 0 ? counts[gt][p] / sum : 0;
                cells.add(new Number[]{p, n - 1 - gt, Math.round(share * 100) / 100.0});
            }
        }
        List<String> ys = new ArrayList<>(classNames);
        java.util.Collections.reverse(ys);
        c.addSeries("confusion", classNames, ys, cells);
        return c;
    }

    public MimeBundle bundle() {
        StringBuilder sb = new StringBuilder("Confusion matrix (rows: ground truth)\n");
        for (int i = 0; i < counts.length; i++) sb.append(classNames.get(i)).append(": ").append(java.util.Arrays.toString(counts[i])).append('\n');
        return MimeBundle.text(sb.toString().trim()).withPng(Charts.png(chart()));
    }
}
