package rv.viz;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import rv.analyze.RasterStats;

import java.io.IOException;
import java.io.UncheckedIOException;

/** XChart charts as PNG, and the charts rv draws from its outputs. */
public final class Charts {
    private Charts() {}

    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MimeBundle bundle(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : chart.getTitle();
        return MimeBundle.text(chart.getClass().getSimpleName() + ": " + title).withPng(png(chart));
    }

    /** Per-channel histograms from an ANALYZE {@code stats.json} (lines over the bins; means when there are no histograms). */
    public static XYChart histograms(RasterStats stats) {
        XYChart c = new XYChartBuilder().width(720).height(360).title("Per-channel histograms")
                .xAxisTitle("value").yAxisTitle("pixels").build();
        c.getStyler().setMarkerSize(0);
        if (stats.histograms() != null && !stats.histograms().isEmpty()) {
            for (int b = 0; b < stats.histograms().size(); b++) {
                RasterStats.Histogram h = stats.histograms().get(b);
                int bins = h.counts().length;
                double[] xs = new double[bins];
                double[] ys = new double[bins];
                double width = (h.max() - h.min()) / bins;
                for (int i = 0; i < bins; i++) {
                    xs[i] = h.min() + (i + 0.5) * width;
                    ys[i] = h.counts()[i];
                }
                c.addSeries("channel " + b, xs, ys);
            }
        } else {
            double[] xs = new double[stats.channels()];
            for (int b = 0; b < xs.length; b++) xs[b] = b;
            c.setTitle("Per-channel means (no histograms in stats)");
            c.setXAxisTitle("channel");
            c.addSeries("mean", xs, stats.means().clone());
        }
        return c;
    }

    /**
     * A {@code stats.json} with everything in it: {@link RasterStats#load} keeps what pipelines need
     * (means, stds, mins, maxs); for display the counts and histograms are read too.
     */
    public static RasterStats loadStats(java.nio.file.Path path) {
        RasterStats base = RasterStats.load(path);
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Files.readString(path));
            long[] counts = null;
            if (root.path("counts").isArray()) {
                counts = new long[root.get("counts").size()];
                for (int i = 0; i < counts.length; i++) counts[i] = root.get("counts").get(i).asLong();
            }
            java.util.List<RasterStats.Histogram> hs = null;
            if (root.path("histograms").isArray()) {
                hs = new java.util.ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode h : root.get("histograms")) {
                    com.fasterxml.jackson.databind.JsonNode c = h.path("counts");
                    long[] bins = new long[c.size()];
                    for (int i = 0; i < bins.length; i++) bins[i] = c.get(i).asLong();
                    hs.add(new RasterStats.Histogram(h.path("range").path(0).asDouble(), h.path("range").path(1).asDouble(), bins));
                }
            }
            return new RasterStats(base.means(), base.stds(), base.mins(), base.maxs(), counts, hs);
        } catch (IOException e) {
            throw new rv.core.RvException(path + ": " + e.getMessage(), e);
        }
    }

    /** The stats as a table: one row per channel. */
    public static tech.tablesaw.api.Table statsTable(RasterStats s) {
        int n = s.channels();
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Channel statistics");
        t.addColumns(tech.tablesaw.api.IntColumn.create("channel", java.util.stream.IntStream.range(0, n).toArray()),
                tech.tablesaw.api.DoubleColumn.create("mean", s.means()),
                tech.tablesaw.api.DoubleColumn.create("std", s.stds()));
        if (s.mins() != null) t.addColumns(tech.tablesaw.api.DoubleColumn.create("min", s.mins()));
        if (s.maxs() != null) t.addColumns(tech.tablesaw.api.DoubleColumn.create("max", s.maxs()));
        if (s.counts() != null) t.addColumns(tech.tablesaw.api.LongColumn.create("count", s.counts()));
        return t;
    }

    /** Stats: table (HTML + text) with the histogram chart below. */
    public static MimeBundle statsBundle(RasterStats s) {
        tech.tablesaw.api.Table t = statsTable(s);
        return Tables.bundle(t).withHtml(Tables.html(t) + "<br/>" + Html.img(png(histograms(s)), "histograms"))
                .withPng(png(histograms(s)));
    }
}
