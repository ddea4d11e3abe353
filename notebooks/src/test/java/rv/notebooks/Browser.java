package rv.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens an nbconvert HTML page in Debian's headless Chromium with the network off (every request goes
 * to a dead proxy) and reports what the page's DOM holds once its scripts have run.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {}

    private static List<String> flags() {
        return List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--no-first-run", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--virtual-time-budget=15000");
    }

    /**
     * Adds a probe script to a copy of {@code page}, loads it, and returns the probe's JSON: Leaflet
     * containers, overlay images and how many loaded, vector paths drawn, progress displays and their
     * states, and any http(s) resources the page fetched. Saves a screenshot to {@code screenshot}.
     */
    static String probe(Path page, Path screenshot) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) fail(CHROMIUM + " is missing: apt-get install chromium (.ci/run installs it)");
        String html = Files.readString(page);
        String probe = """
                <script>
                window.addEventListener('load', function () {
                  setTimeout(function () {
                    var imgs = Array.prototype.slice.call(document.querySelectorAll('img.leaflet-image-layer'));
                    var prog = Array.prototype.slice.call(document.querySelectorAll('.rv-progress'));
                    var res = performance.getEntriesByType('resource').map(function (e) { return e.name; })
                        .filter(function (n) { return /^https?:/.test(n); });
                    var r = {containers: document.querySelectorAll('.leaflet-container').length,
                             overlays: imgs.length,
                             loaded: imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
                             paths: document.querySelectorAll('.leaflet-overlay-pane path').length,
                             layerControls: document.querySelectorAll('.leaflet-control-layers').length,
                             progress: prog.map(function (p) { return p.getAttribute('data-command') + '=' + p.getAttribute('data-state'); }),
                             progressMax: prog.map(function (p) { var b = p.querySelectorAll('progress'); return b.length ? b[b.length - 1].value : -1; }),
                             network: res};
                    var pre = document.createElement('pre');
                    pre.id = 'rv-browser-probe';
                    pre.textContent = JSON.stringify(r);
                    document.body.appendChild(pre);
                  }, 1500);
                });
                </script>""";
        Path probed = page.resolveSibling(page.getFileName().toString().replace(".html", ".probe.html"));
        Files.writeString(probed, html.replaceFirst("</head>", Matcher.quoteReplacement(probe) + "</head>"));
        List<String> dump = new java.util.ArrayList<>(flags());
        dump.add("--dump-dom");
        dump.add(probed.toUri().toString());
        Jupyter.Result r = Jupyter.run(dump, Map.of(), page.getParent(), 120);
        assertThat(r.exit()).as("chromium --dump-dom: %s", tail(r.output())).isZero();
        Matcher m = Pattern.compile("<pre id=\"rv-browser-probe\">([^<]*)</pre>").matcher(r.output());
        if (!m.find()) fail("the probe did not run (page scripts failed?):\n" + tail(r.output()));
        // The screenshot shows only the cells with maps and progress displays (the rest hidden).
        String scroll = "<script>window.addEventListener('load', function () {"
                + " var keep = document.querySelectorAll('.leaflet-container, .rv-progress');"
                + " var cells = document.querySelectorAll('.jp-Cell, .cell');"
                + " for (var i = 0; i < cells.length; i++) { var k = false;"
                + "   for (var j = 0; j < keep.length; j++) if (cells[i].contains(keep[j])) k = true;"
                + "   if (!k) cells[i].style.display = 'none'; }"
                + " window.dispatchEvent(new Event('resize')); });</script>";
        Path shotPage = page.resolveSibling(page.getFileName().toString().replace(".html", ".shot.html"));
        Files.writeString(shotPage, html.replaceFirst("</head>", Matcher.quoteReplacement(scroll) + "</head>"));
        List<String> shot = new java.util.ArrayList<>(flags());
        shot.add("--window-size=1280,1200");
        shot.add("--screenshot=" + screenshot.toAbsolutePath());
        shot.add(shotPage.toUri().toString());
        Jupyter.Result s = Jupyter.run(shot, Map.of(), page.getParent(), 120);
        assertThat(s.exit()).as("chromium --screenshot: %s", tail(s.output())).isZero();
        assertThat(screenshot).isRegularFile();
        return m.group(1).replace("&quot;", "\"");
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }
}
