package rv.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Leaflet's CSS and JS from the WebJar on the class path, prepared for inlining. */
final class LeafletAssets {
    static final String VERSION = "1.9.4";
    private static final String BASE = "META-INF/resources/webjars/leaflet/" + VERSION + "/dist/";
    private static volatile String css;
    private static volatile String js;

    private LeafletAssets() {}

    /** Leaflet's CSS with its images (layer control icon, markers) as data URIs. */
    static String css() {
        if (css == null) {
            String raw = read("leaflet.css");
            Matcher m = Pattern.compile("url\\((images/[\\w.-]+\\.png)\\)").matcher(raw);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                byte[] png = bytes(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement("url(data:image/png;base64," + Base64.getEncoder().encodeToString(png) + ")"));
            }
            m.appendTail(sb);
            css = sb.toString();
        }
        return css;
    }

    /**
     * Leaflet's JS, evaluated once per page and with AMD/CommonJS hidden: classic Jupyter pages have
     * RequireJS, under which Leaflet's UMD wrapper would register a module instead of {@code window.L}.
     */
    static String loaderJs() {
        if (js == null) {
            String src = read("leaflet.js").replaceAll("//# sourceMappingURL=.*", "");
            js = "if (!window.L || !window.L.imageOverlay) { (function (define, exports, module) {\n" + src
                    + "\n}).call(window, undefined, undefined, undefined); }";
        }
        return js;
    }

    private static String read(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = LeafletAssets.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("Leaflet " + VERSION + " WebJar missing from the class path (" + BASE + name + ")");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
