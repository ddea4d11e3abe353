package rv.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java code and magics: a first line {@code %%name args} makes the whole cell a
 * cell magic; any line starting with {@code %name} is a line magic run in order with the code around it.
 */
final class CellParser {

    /** One piece of a cell. */
    sealed interface Part permits Code, LineMagic, CellMagic {}

    /** Java source starting at {@code firstLine} (1-based) of the cell. */
    record Code(String source, int firstLine) implements Part {}

    record LineMagic(String name, List<String> args, String rawArgs, int line) implements Part {}

    record CellMagic(String name, List<String> args, String rawArgs, String body) implements Part {}

    private CellParser() {}

    static List<Part> parse(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
            String head = lines[first].strip().substring(2);
            String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
            String[] nameArgs = splitName(head);
            parts.add(new CellMagic(nameArgs[0], splitArgs(nameArgs[1]), nameArgs[1], body));
            return parts;
        }
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (isLineMagic(stripped)) {
                if (!code.toString().isBlank()) parts.add(new Code(code.toString(), codeStart));
                code.setLength(0);
                String[] nameArgs = splitName(stripped.substring(1));
                parts.add(new LineMagic(nameArgs[0], splitArgs(nameArgs[1]), nameArgs[1], i + 1));
                codeStart = i + 2;
            } else {
                if (code.length() > 0) code.append('\n');
                code.append(lines[i]);
            }
        }
        if (!code.toString().isBlank()) parts.add(new Code(code.toString(), codeStart));
        return parts;
    }

    static boolean isLineMagic(String strippedLine) {
        return strippedLine.length() > 1 && strippedLine.charAt(0) == '%'
                && Character.isLetter(strippedLine.charAt(1));
    }

    /** Replaces magic lines by blanks of the same length, so cursor offsets stay valid for JShell. */
    static String blankMagics(String cell) {
        String[] lines = cell.split("\n", -1);
        boolean cellMagic = false;
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            if (i == 0 && s.startsWith("%%")) cellMagic = true;
            if (cellMagic || isLineMagic(s)) lines[i] = " ".repeat(lines[i].length());
        }
        return String.join("\n", lines);
    }

    private static String[] splitName(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
        return new String[]{s.substring(0, i), s.substring(i).strip()};
    }

    /** Whitespace-separated arguments; single or double quotes group words. */
    static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
