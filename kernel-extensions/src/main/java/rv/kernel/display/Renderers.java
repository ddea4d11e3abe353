package rv.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Renderers the kernel adds to JJava's defaults (which cover {@code RenderedImage} as PNG, {@code URL}
 * and text): a {@link Path} to an image file shows the image, any other path shows as text.
 */
public final class Renderers {
    private static final Map<String, String> IMAGE_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "svg", "image/svg+xml");

    private Renderers() {}

    public static void registerDefaults(Renderer renderer) {
        // JJava's URL renderer writes an unclosed, URL-encoded <a src=…>: replace it.
        renderer.createRegistration(java.net.URL.class).preferring("text/html", "text/plain")
                .register((url, ctx) -> ctx.getOutputContainer().assign(renderUrl(url)));
        renderer.createRegistration(Path.class)
                .preferring("image/png", "image/jpeg", "image/gif", "image/svg+xml", "text/plain")
                .register((path, ctx) -> ctx.getOutputContainer().assign(renderPath(path)));
    }

    /** A link, or the image itself when the URL names an image file. */
    public static DisplayData renderUrl(java.net.URL url) {
        String u = url.toExternalForm();
        String esc = u.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String path = url.getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        boolean image = dot >= 0 && IMAGE_TYPES.containsKey(path.substring(dot + 1));
        DisplayData dd = new DisplayData(u);
        dd.putHTML(image ? "<img src=\"" + esc + "\"/>" : "<a href=\"" + esc + "\" target=\"_blank\">" + esc + "</a>");
        return dd;
    }

    /** An image file as its MIME type (base64, SVG as text) plus the path as text; other paths as text. */
    public static DisplayData renderPath(Path path) {
        DisplayData dd = new DisplayData(path.toString());
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String mime = dot < 0 ? null : IMAGE_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (mime == null || !Files.isRegularFile(path)) return dd;
        try {
            byte[] bytes = Files.readAllBytes(path);
            dd.putData(mime, mime.equals("image/svg+xml")
                    ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + path + ": " + e.getMessage(), e);
        }
        return dd;
    }
}
