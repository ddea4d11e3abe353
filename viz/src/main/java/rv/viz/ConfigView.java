package rv.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import rv.pipeline.Config;
import rv.pipeline.ConfigCodec;

import java.util.Iterator;
import java.util.Map;

/** Configs as collapsible JSON trees (HTML {@code <details>}, no script) with the pretty JSON as text. */
public final class ConfigView {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigView() {}

    public static MimeBundle bundle(Config config) {
        JsonNode tree = ConfigCodec.create().toTree(config);
        return bundle(config.getClass().getSimpleName(), tree);
    }

    public static MimeBundle bundle(String title, JsonNode tree) {
        String text;
        try {
            text = PRETTY.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text = tree.toString();
        }
        StringBuilder html = new StringBuilder("<div class=\"rv-config\" style=\"font-family:monospace\">");
        node(html, title, tree, 0);
        html.append("</div>");
        return MimeBundle.text(text).withHtml(html.toString()).with(MimeBundle.JSON, tree.toString());
    }

    private static void node(StringBuilder sb, String key, JsonNode n, int depth) {
        if (n.isContainerNode()) {
            boolean open = depth < 1;
            String summary = n.isArray() ? "[" + n.size() + "]" : "{" + n.size() + "}";
            String hint = n.has("type_hint") ? " <i>" + Html.escape(n.get("type_hint").asText()) + "</i>" : "";
            sb.append("<details").append(open ? " open" : "").append(" style=\"margin-left:").append(depth == 0 ? 0 : 16).append("px\"><summary><b>")
                    .append(Html.escape(key)).append("</b> ").append(summary).append(hint).append("</summary>");
            if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) node(sb, "[" + i + "]", n.get(i), depth + 1);
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    node(sb, e.getKey(), e.getValue(), depth + 1);
                }
            }
            sb.append("</details>");
        } else {
            sb.append("<div style=\"margin-left:16px\"><b>").append(Html.escape(key)).append("</b>: <span style=\"color:")
                    .append(n.isTextual() ? "#a31515" : n.isNull() ? "#888" : "#098658").append("\">")
                    .append(Html.escape(n.toString())).append("</span></div>");
        }
    }
}
