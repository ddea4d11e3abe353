package rv.notebook;

import rv.viz.EvalMetrics;
import rv.viz.Html;
import rv.viz.MimeBundle;
import rv.viz.Tables;

import java.util.List;

/**
 * What {@link Rv#run} did: the commands run and skipped, the root folder, and the evaluation when
 * {@code eval/eval.json} exists afterwards.
 */
public record RunResult(String rootUri, List<String> ran, List<String> skipped, double seconds, EvalMetrics eval) {
    public RunResult {
        ran = List.copyOf(ran);
        skipped = List.copyOf(skipped);
    }

    public MimeBundle bundle() {
        String head = String.format("rv run: %s in %.1f s%s; root %s", ran.isEmpty() ? "nothing to run" : "ran " + String.join(", ", ran),
                seconds, skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped) + " (outputs exist)", rootUri);
        if (eval == null) return MimeBundle.text(head).withHtml("<div class=\"rv-run\">" + Html.escape(head) + "</div>");
        MimeBundle e = eval.bundle();
        return MimeBundle.text(head + "\n" + e.text()).withHtml("<div class=\"rv-run\">" + Html.escape(head) + "</div>" + e.html());
    }

    @Override
    public String toString() { return bundle().text(); }
}
