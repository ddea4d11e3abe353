package rv.viz;

/** Small HTML helpers shared by the renderers. */
public final class Html {
    private Html() {}

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An {@code <img>} with a PNG data URI. */
    public static String img(byte[] png, String alt) {
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(png) + "\"/>";
    }

    /** A fresh element id, unique within a notebook page. */
    public static String newId(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
