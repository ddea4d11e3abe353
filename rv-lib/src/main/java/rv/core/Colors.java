package rv.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the colours of a {@link ClassConfig}: CSS/PIL colour names ({@code "red"}), hex strings
 * ({@code "#ff0000"}, {@code "#f00"}) or RGB triples ({@code [255, 0, 0]}).
 */
public final class Colors {
    private Colors() {}

    private static final Map<String, int[]> NAMES = Map.ofEntries(
            Map.entry("black", new int[] {0, 0, 0}), Map.entry("white", new int[] {255, 255, 255}),
            Map.entry("red", new int[] {255, 0, 0}), Map.entry("green", new int[] {0, 128, 0}),
            Map.entry("lime", new int[] {0, 255, 0}), Map.entry("blue", new int[] {0, 0, 255}),
            Map.entry("yellow", new int[] {255, 255, 0}), Map.entry("cyan", new int[] {0, 255, 255}),
            Map.entry("aqua", new int[] {0, 255, 255}), Map.entry("magenta", new int[] {255, 0, 255}),
            Map.entry("fuchsia", new int[] {255, 0, 255}), Map.entry("gray", new int[] {128, 128, 128}),
            Map.entry("grey", new int[] {128, 128, 128}), Map.entry("orange", new int[] {255, 165, 0}),
            Map.entry("purple", new int[] {128, 0, 128}), Map.entry("brown", new int[] {165, 42, 42}),
            Map.entry("pink", new int[] {255, 192, 203}), Map.entry("navy", new int[] {0, 0, 128}),
            Map.entry("maroon", new int[] {128, 0, 0}), Map.entry("olive", new int[] {128, 128, 0}),
            Map.entry("teal", new int[] {0, 128, 128}), Map.entry("silver", new int[] {192, 192, 192}),
            Map.entry("darkgreen", new int[] {0, 100, 0}), Map.entry("lightgray", new int[] {211, 211, 211}),
            Map.entry("lightgrey", new int[] {211, 211, 211}), Map.entry("darkgray", new int[] {169, 169, 169}),
            Map.entry("darkgrey", new int[] {169, 169, 169}), Map.entry("gold", new int[] {255, 215, 0}),
            Map.entry("violet", new int[] {238, 130, 238}), Map.entry("indigo", new int[] {75, 0, 130}),
            Map.entry("beige", new int[] {245, 245, 220}), Map.entry("tan", new int[] {210, 180, 140}));

    /** {r, g, b} of a colour given as a name, hex string or list of three numbers. */
    public static int[] rgb(Object color) {
        if (color instanceof List<?> l && l.size() >= 3) {
            int[] out = new int[3];
            for (int i = 0; i < 3; i++) {
                if (!(l.get(i) instanceof Number n)) throw new RvException("colour " + color + ": components must be numbers");
                out[i] = n.intValue();
            }
            return out;
        }
        if (color instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("#")) {
                String h = t.substring(1);
                if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
                if (h.length() == 6 && h.matches("[0-9a-f]{6}")) {
                    int v = Integer.parseInt(h, 16);
                    return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
                }
            }
            int[] named = NAMES.get(t.replace(" ", ""));
            if (named != null) return named.clone();
        }
        throw new RvException("unknown colour " + color + " (use a colour name, \"#rrggbb\" or [r, g, b])");
    }

    /** Colours of every class of {@code cc} (its palette when it has none). */
    public static int[][] of(ClassConfig cc) {
        ClassConfig filled = cc.colors() == null || cc.colors().isEmpty() ? cc.update() : cc;
        int[][] out = new int[filled.names().size()][];
        for (int i = 0; i < out.length; i++) out[i] = rgb(filled.colors().get(i));
        return out;
    }
}
