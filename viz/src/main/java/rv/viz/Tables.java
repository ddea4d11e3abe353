package rv.viz;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Tablesaw tables as HTML (numbers to 4 significant decimals) and aligned text. */
public final class Tables {
    private Tables() {}

    public static MimeBundle bundle(Table t) {
        return MimeBundle.text(t.printAll()).withHtml(html(t));
    }

    /** A plain, styled HTML table with the table's name as caption. */
    public static String html(Table t) {
        StringBuilder sb = new StringBuilder("<table class=\"rv-table\" style=\"border-collapse:collapse\">");
        if (t.name() != null && !t.name().isBlank()) sb.append("<caption style=\"text-align:left;font-weight:bold\">").append(Html.escape(t.name())).append("</caption>");
        sb.append("<thead><tr>");
        for (Column<?> c : t.columns()) sb.append("<th style=\"padding:2px 8px;border-bottom:1px solid #888\">").append(Html.escape(c.name())).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append("<tr>");
            for (Column<?> c : t.columns()) {
                Object v = c.get(r);
                String s = v instanceof Double d ? (Double.isNaN(d) ? "" : format(d)) : v instanceof Float f ? format(f) : String.valueOf(v);
                boolean num = v instanceof Number;
                sb.append("<td style=\"padding:2px 8px;text-align:").append(num ? "right" : "left").append("\">").append(Html.escape(s)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf((long) d);
        return String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
