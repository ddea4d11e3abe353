package rv.viz;

import rv.core.RvException;
import rv.io.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a value looks like in a notebook: data per MIME type, as Jupyter's {@code display_data} carries
 * it (binary types base64-encoded, text types as is). Every bundle has {@code text/plain}, so consoles
 * and JShell always have something to show.
 *
 * @param data     MIME type → content; iteration order is the order of preference
 * @param metadata Jupyter output metadata (e.g. image width)
 */
public record MimeBundle(Map<String, String> data, Map<String, Object> metadata) {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String JSON = "application/json";

    public MimeBundle {
        if (data == null || !data.containsKey(TEXT)) throw new IllegalArgumentException("a MimeBundle needs text/plain");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
    }

    /** A bundle with only text. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, text), Map.of());
    }

    /** This bundle plus {@code mime} → {@code content} (text types only; see {@link #withPng}). */
    public MimeBundle with(String mime, String content) {
        Map<String, String> d = new LinkedHashMap<>(data);
        d.put(mime, content);
        return new MimeBundle(d, metadata);
    }

    public MimeBundle withHtml(String html) { return with(HTML, html); }

    public MimeBundle withPng(byte[] png) { return with(PNG, Base64.getEncoder().encodeToString(png)); }

    public MimeBundle withMetadata(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new MimeBundle(data, m);
    }

    public boolean has(String mime) { return data.containsKey(mime); }

    public String text() { return data.get(TEXT); }

    /** The HTML, or null. */
    public String html() { return data.get(HTML); }

    /** The PNG bytes, or null. */
    public byte[] png() {
        String b = data.get(PNG);
        return b == null ? null : Base64.getDecoder().decode(b);
    }

    /**
     * Saves the richest matching form: {@code .png} → the image, {@code .html} → the HTML (or the text
     * in a {@code <pre>}), anything else → the text. Written atomically.
     */
    public Path save(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".png")) {
            bytes = png();
            if (bytes == null) throw new RvException(file + ": this value has no image/png form (it has " + data.keySet() + "); save it as .html or .txt");
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            String html = html() != null ? html() : "<pre>" + Html.escape(text()) + "</pre>";
            bytes = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + html + "\n</body></html>\n")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = text().getBytes(StandardCharsets.UTF_8);
        }
        try {
            AtomicFiles.writeBytes(file, bytes);
        } catch (java.io.IOException e) {
            throw new RvException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    @Override
    public String toString() { return text(); }
}
