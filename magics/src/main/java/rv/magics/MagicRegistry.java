package rv.magics;

import rv.core.RvException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Line and cell magics by name, independent of any kernel: kernels adapt their own magic registries
 * to this one ({@code rv-kernel}, IJava, JJava), and tests call it directly.
 */
public final class MagicRegistry {
    private static final MagicRegistry STANDARD = new MagicRegistry();

    static {
        RvMagic.register(STANDARD);
    }

    private final Map<String, LineMagic> lines = new ConcurrentHashMap<>();
    private final Map<String, CellMagic> cells = new ConcurrentHashMap<>();

    /** The registry with rv's magics ({@code %rv}, {@code %%rv}). */
    public static MagicRegistry standard() { return STANDARD; }

    public MagicRegistry line(String name, LineMagic m) {
        lines.put(name, m);
        return this;
    }

    public MagicRegistry cell(String name, CellMagic m) {
        cells.put(name, m);
        return this;
    }

    public Map<String, LineMagic> lineMagics() { return new TreeMap<>(lines); }

    public Map<String, CellMagic> cellMagics() { return new TreeMap<>(cells); }

    /** Runs {@code %name rawArgs}. */
    public Object evalLine(String name, String rawArgs) throws Exception {
        LineMagic m = lines.get(name);
        if (m == null) throw new RvException("no line magic %" + name + "; known: " + lines.keySet());
        return m.eval(split(rawArgs));
    }

    /** Runs {@code %name} with arguments already split (as kernels' magic parsers hand them over). */
    public Object evalLineArgs(String name, List<String> args) throws Exception {
        LineMagic m = lines.get(name);
        if (m == null) throw new RvException("no line magic %" + name + "; known: " + lines.keySet());
        return m.eval(args);
    }

    /** Runs {@code %%name} with split arguments over {@code body}. */
    public Object evalCellArgs(String name, List<String> args, String body) throws Exception {
        CellMagic m = cells.get(name);
        if (m == null) throw new RvException("no cell magic %%" + name + "; known: " + cells.keySet());
        return m.eval(args, body);
    }

    /** Runs {@code %%name rawArgs} over {@code body}. */
    public Object evalCell(String name, String rawArgs, String body) throws Exception {
        CellMagic m = cells.get(name);
        if (m == null) throw new RvException("no cell magic %%" + name + "; known: " + cells.keySet());
        return m.eval(split(rawArgs), body);
    }

    /** Splits like a POSIX shell: whitespace separates, single and double quotes group, backslash escapes. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) return out;
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inToken = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) throw new RvException("unclosed " + quote + " quote in: " + s);
        if (inToken) out.add(cur.toString());
        return out;
    }
}
