package rv.pipeline;

/** Joins URI segments the way Raster Vision's {@code os.path.join} does for local paths and URLs. */
public final class Uris {
    private Uris() {}

    public static String join(String base, String... parts) {
        StringBuilder sb = new StringBuilder(base);
        for (String p : parts) {
            if (p.startsWith("/")) {
                sb.setLength(0);
                sb.append(p);
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') sb.append('/');
            sb.append(p);
        }
        return sb.toString();
    }
}
