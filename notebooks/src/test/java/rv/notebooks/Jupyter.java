package rv.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs Debian's Jupyter (nbconvert) against the packaged rv kernel, installed into a private prefix.
 * Missing Jupyter packages fail the tests (CI installs them), never skip them.
 */
final class Jupyter {
    static final String PYTHON = "/usr/bin/python3";
    static final String KERNEL = "java-rv-nb-it";

    final Path prefix;

    private Jupyter(Path prefix) { this.prefix = prefix; }

    static Path kernelJar() {
        Path jar = Path.of(System.getProperty("rv.kernel.jar", "../kernel-extensions/target/rv-kernel.jar"));
        assertThat(jar).as("the packaged kernel jar (built by mvn verify)").isRegularFile();
        return jar;
    }

    static Path notebooksDir() { return Path.of(System.getProperty("rv.notebooks.dir", ".")); }

    static Path repoRoot() { return Path.of(System.getProperty("rv.repo.root", "..")); }

    static Path outDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("rv.it.out", "target/it")));
    }

    /** Installs the kernelspec (C2-compiled JVM: notebooks train models) under {@code prefix}. */
    static Jupyter install(Path prefix) throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) fail(PYTHON + " is missing: install python3 and Debian's Jupyter packages (.ci/run)");
        Result check = run(List.of(PYTHON, "-c", "import nbconvert, nbclient, jupyter_client"), Map.of(), Path.of("."), 60);
        if (check.exit() != 0) fail("Debian Jupyter missing (apt-get install jupyter-nbconvert python3-nbclient jupyter-client): " + check.output());
        Result r = run(List.of(java(), "-jar", kernelJar().toString(), "install", "--prefix", prefix.toString(), "--name", KERNEL,
                "--jvm-opts", "-XX:+UseParallelGC -Xss8m -Djava.awt.headless=true"), Map.of(), Path.of("."), 180);
        assertThat(r.exit()).as("kernel install: %s", r.output()).isZero();
        return new Jupyter(prefix);
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("RV_KERNEL_HISTORY", prefix.resolve("history.jsonl").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return env;
    }

    /** Executes {@code notebook} in {@code workDir} (where it is copied); returns the executed notebook. */
    Path execute(Path notebook, Path workDir, int timeoutSeconds) throws Exception {
        deleteTree(workDir); // outputs of an earlier run would make pipeline commands skip
        Files.createDirectories(workDir);
        Path copy = workDir.resolve(notebook.getFileName());
        Files.copy(notebook, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result r = run(List.of(PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                "--ExecutePreprocessor.kernel_name=" + KERNEL, "--ExecutePreprocessor.timeout=" + timeoutSeconds,
                copy.toString()), env(), workDir, timeoutSeconds + 120L);
        assertThat(r.exit()).as("nbconvert --execute %s:\n%s", notebook.getFileName(), r.output()).isZero();
        return copy;
    }

    /** Renders an executed notebook to HTML with nbconvert (scripts in outputs kept). */
    Path toHtml(Path executed) throws Exception {
        Result r = run(List.of(PYTHON, "-m", "nbconvert", "--to", "html", executed.toString()), env(), executed.getParent(), 120);
        assertThat(r.exit()).as("nbconvert --to html: %s", r.output()).isZero();
        String name = executed.getFileName().toString().replaceAll("\\.ipynb$", ".html");
        return executed.resolveSibling(name);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    record Result(int exit, String output) {}

    static Result run(List<String> cmd, Map<String, String> env, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().putAll(env);
        Path log = Files.createTempFile("rv-nb-it", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + cmd + "\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    // ---- reading executed notebooks ---------------------------------------------------------------

    /** Outputs of every code cell, by its first tag (untagged cells under "#index"). */
    static Map<String, JsonArray> outputsByTag(Path executed) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        Map<String, JsonArray> byTag = new LinkedHashMap<>();
        int i = 0;
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            i++;
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            JsonArray tags = cell.getAsJsonObject("metadata").getAsJsonArray("tags");
            byTag.put(tags == null || tags.isEmpty() ? "#" + i : tags.get(0).getAsString(), cell.getAsJsonArray("outputs"));
        }
        return byTag;
    }

    /** The source of the code cell tagged {@code tag}. */
    static String source(Path notebook, String tag) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            JsonArray tags = cell.getAsJsonObject("metadata").getAsJsonArray("tags");
            if (tags != null && !tags.isEmpty() && tag.equals(tags.get(0).getAsString())) {
                JsonElement src = cell.get("source");
                return src.isJsonArray() ? join(src.getAsJsonArray()) : src.getAsString();
            }
        }
        throw new AssertionError("no cell tagged " + tag + " in " + notebook);
    }

    /** Error outputs anywhere (ename: evalue). */
    static List<String> errors(Map<String, JsonArray> outputs) {
        List<String> errs = new ArrayList<>();
        outputs.forEach((tag, arr) -> arr.forEach(o -> {
            JsonObject out = o.getAsJsonObject();
            if ("error".equals(out.get("output_type").getAsString())) {
                errs.add(tag + ": " + out.get("ename").getAsString() + ": " + out.get("evalue").getAsString());
            }
        }));
        return errs;
    }

    /** The data of every display_data / execute_result of a cell, by MIME type (later ones win). */
    static Map<String, String> data(JsonArray outputs) {
        Map<String, String> d = new LinkedHashMap<>();
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            if (!out.has("data")) continue;
            for (Map.Entry<String, JsonElement> e : out.getAsJsonObject("data").entrySet()) {
                JsonElement v = e.getValue();
                d.put(e.getKey(), v.isJsonArray() ? join(v.getAsJsonArray()) : v.getAsString());
            }
        }
        return d;
    }

    /** All stream text of a cell. */
    static String streams(JsonArray outputs) {
        StringBuilder sb = new StringBuilder();
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            if ("stream".equals(out.get("output_type").getAsString())) {
                JsonElement t = out.get("text");
                sb.append(t.isJsonArray() ? join(t.getAsJsonArray()) : t.getAsString());
            }
        }
        return sb.toString();
    }

    private static String join(JsonArray a) {
        StringBuilder sb = new StringBuilder();
        a.forEach(x -> sb.append(x.getAsString()));
        return sb.toString();
    }
}
