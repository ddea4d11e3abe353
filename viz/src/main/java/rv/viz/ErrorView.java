package rv.viz;

import java.io.PrintWriter;
import java.io.StringWriter;

/** An error as readable HTML: the message up front, the stack trace folded away. */
public record ErrorView(String title, String message, String detail) {

    public static ErrorView of(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String msg = t.getMessage() == null ? t.toString() : t.getMessage();
        String title = t instanceof rv.core.RvException ? "rv" : t.getClass().getSimpleName();
        return new ErrorView(title, msg, sw.toString());
    }

    public MimeBundle bundle() {
        String html = "<div class=\"rv-error\" style=\"border-left:4px solid #c00;background:#fff0f0;padding:6px 10px\">"
                + "<b style=\"color:#c00\">" + Html.escape(title) + ":</b> " + Html.escape(message)
                + (detail == null || detail.isBlank() ? "" : "<details><summary>details</summary><pre style=\"font-size:85%\">" + Html.escape(detail) + "</pre></details>")
                + "</div>";
        return MimeBundle.text(title + ": " + message).withHtml(html);
    }
}
