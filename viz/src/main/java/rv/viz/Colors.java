package rv.viz;

import rv.core.ClassConfig;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Class colours as Raster Vision writes them: CSS-style names, {@code #rrggbb}, or RGB triples. */
public final class Colors {
    private Colors() {}

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("black", Color.BLACK), Map.entry("white", Color.WHITE), Map.entry("red", Color.RED),
            Map.entry("green", new Color(0, 128, 0)), Map.entry("lime", Color.GREEN), Map.entry("blue", Color.BLUE),
            Map.entry("yellow", Color.YELLOW), Map.entry("orange", new Color(255, 165, 0)),
            Map.entry("purple", new Color(128, 0, 128)), Map.entry("cyan", Color.CYAN), Map.entry("magenta", Color.MAGENTA),
            Map.entry("gray", Color.GRAY), Map.entry("grey", Color.GRAY), Map.entry("brown", new Color(165, 42, 42)),
            Map.entry("pink", new Color(255, 192, 203)), Map.entry("lightgray", Color.LIGHT_GRAY),
            Map.entry("darkgreen", new Color(0, 100, 0)), Map.entry("navy", new Color(0, 0, 128)));

    private static final List<String> PALETTE = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    /** Parses one colour value; unknown names fall back to a palette colour picked from the text. */
    public static Color parse(Object v) {
        if (v instanceof List<?> l && l.size() >= 3) {
            return new Color(num(l.get(0)), num(l.get(1)), num(l.get(2)));
        }
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("#") && (s.length() == 7 || s.length() == 4)) {
            if (s.length() == 4) s = "#" + s.charAt(1) + s.charAt(1) + s.charAt(2) + s.charAt(2) + s.charAt(3) + s.charAt(3);
            return new Color(Integer.parseInt(s.substring(1), 16));
        }
        Color c = NAMED.get(s.replace(" ", ""));
        return c != null ? c : Color.decode(PALETTE.get(Math.floorMod(s.hashCode(), PALETTE.size())));
    }

    private static int num(Object o) {
        double d = o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
        return (int) Math.max(0, Math.min(255, Math.round(d <= 1 && d > 0 && !(o instanceof Integer) ? d * 255 : d)));
    }

    /** The colour of class {@code id} under {@code classes} (palette colours when none are set). */
    public static Color of(ClassConfig classes, int id) {
        if (classes != null && classes.colors() != null && id >= 0 && id < classes.colors().size()) {
            return parse(classes.colors().get(id));
        }
        return Color.decode(PALETTE.get(Math.floorMod(id, PALETTE.size())));
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The name of class {@code id}, or "class id". */
    public static String name(ClassConfig classes, int id) {
        return classes != null && id >= 0 && id < classes.names().size() ? classes.names().get(id) : "class " + id;
    }
}
