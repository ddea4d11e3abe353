package rv.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Installs, lists and removes kernelspecs in the folders {@code jupyter kernelspec} uses:
 * {@code --user} → the Jupyter data dir, {@code --prefix P} → {@code P/share/jupyter/kernels},
 * {@code --sys-prefix} → the prefix of the Python running Jupyter.
 */
public final class KernelSpecs {
    public static final String USAGE = """
            usage: java -jar rv-kernel.jar COMMAND
              install [--user | --sys-prefix | --prefix P] [--name NAME] [--display-name TEXT] [--jvm-opts "OPTS"] [--no-cds]
                      writes kernels/NAME/kernel.json (+ logos and a class-data archive for a fast start);
                      default --user, NAME java-rv
              list    shows the kernelspecs Jupyter can find (JUPYTER_PATH, user, system folders)
              remove  [--name NAME] [--user | --sys-prefix | --prefix P] deletes a kernelspec
              run CONNECTION_FILE   serves Jupyter (what kernel.json runs)""";
    static final String DEFAULT_NAME = "java-rv";
    static final String DEFAULT_JVM_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss8m";

    private KernelSpecs() {}

    /** Parsed command line options of install/remove. */
    record Options(Path kernelsDir, String name, String displayName, String jvmOpts, boolean cds) {}

    static final String CDS_ARCHIVE = "rv-kernel.jsa";

    public static int main(String cmd, String[] args) throws IOException {
        switch (cmd) {
            case "install" -> {
                Options o = parse(args);
                Path dir = install(o, jarPath());
                System.out.println("Installed kernelspec " + o.name() + " in " + dir);
            }
            case "list" -> {
                for (Path d : searchPath()) {
                    if (!Files.isDirectory(d)) continue;
                    try (Stream<Path> s = Files.list(d)) {
                        s.filter(p -> Files.isRegularFile(p.resolve("kernel.json"))).sorted()
                                .forEach(p -> System.out.printf("  %-20s %s%n", p.getFileName(), p));
                    }
                }
            }
            case "remove" -> {
                Options o = parse(args);
                Path dir = o.kernelsDir().resolve(o.name());
                if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
                    throw new IllegalArgumentException("no kernelspec '" + o.name() + "' in " + o.kernelsDir()
                            + "; 'list' shows the installed ones");
                }
                deleteTree(dir);
                System.out.println("Removed " + dir);
            }
            default -> throw new IllegalArgumentException(USAGE);
        }
        return 0;
    }

    static Options parse(String[] args) {
        Path kernels = null;
        String name = DEFAULT_NAME;
        String display = null;
        String jvmOpts = DEFAULT_JVM_OPTS;
        boolean cds = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--user" -> kernels = userDataDir().resolve("kernels");
                case "--sys-prefix" -> kernels = pythonPrefix().resolve("share/jupyter/kernels");
                case "--prefix" -> kernels = Path.of(value(args, ++i, a)).toAbsolutePath().resolve("share/jupyter/kernels");
                case "--name" -> name = value(args, ++i, a);
                case "--display-name" -> display = value(args, ++i, a);
                case "--jvm-opts" -> jvmOpts = value(args, ++i, a);
                case "--no-cds" -> cds = false;
                default -> {
                    if (a.startsWith("--prefix=")) kernels = Path.of(a.substring(9)).toAbsolutePath().resolve("share/jupyter/kernels");
                    else if (a.startsWith("--name=")) name = a.substring(7);
                    else if (a.startsWith("--jvm-opts=")) jvmOpts = a.substring(11);
                    else if (a.startsWith("--display-name=")) display = a.substring(15);
                    else throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
                }
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name '" + name + "' may only contain letters, digits, '.', '_' and '-'");
        }
        if (kernels == null) kernels = userDataDir().resolve("kernels");
        return new Options(kernels, name, display == null ? "Java (rv)" : display, jvmOpts, cds);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    /** Writes kernel.json and the logos into {@code kernelsDir/name}, replacing an older spec atomically. */
    static Path install(Options o, Path jar) throws IOException {
        Path dir = o.kernelsDir().resolve(o.name());
        Files.createDirectories(o.kernelsDir());
        Path tmp = Files.createTempDirectory(o.kernelsDir(), "." + o.name() + "-");
        try {
            String cdsFailure = o.cds() ? trainArchive(jvmOptions(o), jar, tmp.resolve(CDS_ARCHIVE)) : "disabled";
            boolean cds = cdsFailure == null;
            if (o.cds() && !cds) System.err.println("rv kernel: no class-data archive (the kernel starts slower): " + cdsFailure);
            Files.writeString(tmp.resolve("kernel.json"), kernelJson(o, jar, cds ? dir.resolve(CDS_ARCHIVE) : null),
                    StandardCharsets.UTF_8);
            for (int size : new int[]{32, 64}) {
                try (OutputStream out = Files.newOutputStream(tmp.resolve("logo-" + size + "x" + size + ".png"))) {
                    Logo.writePng(size, out);
                }
            }
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the temp folder's default ACL is fine
            }
            if (Files.exists(dir)) deleteTree(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        return dir;
    }

    /**
     * Runs the kernel's start-up once with {@code -XX:ArchiveClassesAtExit} so later starts map the
     * JShell/javac classes from a class-data-sharing archive instead of loading them (about a third
     * faster). A stale archive (jar rebuilt) is ignored by the JVM, so the kernel still starts.
     * Returns null on success, else why it failed.
     */
    static String trainArchive(List<String> jvmOptions, Path jar, Path archive) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions);
        cmd.add("-XX:ArchiveClassesAtExit=" + archive);
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.addAll(List.of("-jar", jar.toString(), "warmup"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || !Files.isRegularFile(archive)) return "training run failed: " + out.strip();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> jvmOptions(Options o) {
        List<String> opts = new ArrayList<>();
        for (String opt : o.jvmOpts().trim().split("\\s+")) if (!opt.isEmpty()) opts.add(opt);
        return opts;
    }

    static String kernelJson(Options o, Path jar, Path archive) {
        JsonArray argv = new JsonArray();
        argv.add(javaExecutable());
        jvmOptions(o).forEach(argv::add);
        if (archive != null) {
            argv.add("-XX:SharedArchiveFile=" + archive);
            argv.add("-Xlog:cds=off");
            argv.add("-Xlog:cds+dynamic=off");
        }
        argv.add("-jar");
        argv.add(jar.toString());
        argv.add("run");
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", o.displayName());
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", new JsonObject());
        JsonObject meta = new JsonObject();
        meta.addProperty("debugger", false);
        spec.add("metadata", meta);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The jar this class runs from (the kernelspec points at it). */
    static Path jarPath() {
        try {
            Path p = Path.of(KernelSpecs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("install must run from the built jar (java -jar rv-kernel.jar install), not from " + p);
            }
            return p.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jupyter's per-user data folder, as jupyter_core computes it. */
    static Path userDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return Path.of(home, "Library", "Jupyter");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("jupyter");
    }

    /** {@code sys.prefix} of the Python that runs Jupyter ({@code $PYTHON}, else python3 on PATH). */
    static Path pythonPrefix() {
        String python = System.getenv().getOrDefault("PYTHON", "python3");
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || out.isEmpty()) throw new IOException(out);
            return Path.of(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--sys-prefix needs Python (" + python + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted");
        }
    }

    /** The kernels folders Jupyter searches, in its order. */
    static List<Path> searchPath() {
        Set<Path> dirs = new LinkedHashSet<>();
        String jp = System.getenv("JUPYTER_PATH");
        if (jp != null) {
            for (String s : jp.split(java.io.File.pathSeparator)) if (!s.isBlank()) dirs.add(Path.of(s, "kernels"));
        }
        dirs.add(userDataDir().resolve("kernels"));
        dirs.add(Path.of("/usr/local/share/jupyter/kernels"));
        dirs.add(Path.of("/usr/share/jupyter/kernels"));
        return new ArrayList<>(dirs);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Reads a kernel.json (used by tests and {@code list}). */
    static JsonObject readSpec(Path kernelJson) throws IOException {
        return JsonParser.parseString(Files.readString(kernelJson)).getAsJsonObject();
    }
}
