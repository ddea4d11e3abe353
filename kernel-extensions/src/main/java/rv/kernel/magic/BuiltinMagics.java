package rv.kernel.magic;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import rv.kernel.RvKernel;
import rv.kernel.exec.CellError;
import rv.kernel.exec.JavaEvaluator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The kernel's own magics: {@code %classpath}, {@code %jars}, {@code %maven}, {@code %load}, {@code %lsmagic},
 * {@code %time}, and the cell magics {@code %%html}, {@code %%javascript}, {@code %%markdown}, {@code %%time}.
 * They are registered in JJava's registry, so extensions add theirs the same way.
 */
public final class BuiltinMagics {
    private BuiltinMagics() {}

    public static void register(RvKernel kernel) {
        MagicsRegistry r = kernel.getMagicsRegistry();
        r.registerLineMagic("classpath", (RvKernel k, List<String> args) -> classpath(k, args));
        r.registerLineMagic("jars", (RvKernel k, List<String> args) -> jars(k, args));
        r.registerLineMagic("maven", (RvKernel k, List<String> args) -> maven(k, args));
        r.registerLineMagic("load", (RvKernel k, List<String> args) -> load(k, args));
        r.registerLineMagic("lsmagic", (RvKernel k, List<String> args) -> lsmagic(k));
        r.registerLineMagic("time", (RvKernel k, List<String> args) -> time(k, String.join(" ", args), "%time"));
        r.registerCellMagic("time", (RvKernel k, List<String> args, String body) -> time(k, body, "%%time"));
        r.registerCellMagic("html", (RvKernel k, List<String> args, String body) -> mime("text/html", body));
        r.registerCellMagic("javascript", (RvKernel k, List<String> args, String body) -> mime("application/javascript", body));
        r.registerCellMagic("js", (RvKernel k, List<String> args, String body) -> mime("application/javascript", body));
        r.registerCellMagic("markdown", (RvKernel k, List<String> args, String body) -> mime("text/markdown", body));
    }

    /** Magics that need their argument text verbatim (Java code), not split into words. */
    public static boolean isRaw(String name) {
        return "time".equals(name);
    }

    public static Object evalRaw(RvKernel k, String name, String rawArgs, String label) throws CellError {
        return timed(k, rawArgs, label);
    }

    public static Object evalRawCell(RvKernel k, String name, String rawArgs, String body, String label) throws CellError {
        return timed(k, body, label);
    }

    private static Object time(RvKernel k, String code, String label) throws CellError {
        JavaEvaluator.Outcome o = timed(k, code, label);
        return o.hasValue() ? o.value() : null;
    }

    private static JavaEvaluator.Outcome timed(RvKernel k, String code, String label) throws CellError {
        long t0 = System.nanoTime();
        try {
            return k.runCellForMagic(code, label);
        } finally {
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "Wall time: %.1f ms%n", ms);
        }
    }

    private static DisplayData mime(String type, String body) {
        DisplayData dd = new DisplayData(body);
        dd.putData(type, body);
        return dd;
    }

    private static String classpath(RvKernel k, List<String> args) {
        if (args.isEmpty()) {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                all.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
            all.addAll(k.addedClasspath());
            return String.join("\n", all);
        }
        List<String> paths = new ArrayList<>();
        for (String a : args) {
            for (String p : a.split(File.pathSeparator)) {
                if (p.isBlank()) continue;
                Path path = Path.of(p).toAbsolutePath().normalize();
                if (!Files.exists(path)) throw new IllegalArgumentException("no such file or folder: " + path);
                paths.add(path.toString());
            }
        }
        return k.addJars(paths);
    }

    private static String jars(RvKernel k, List<String> args) throws IOException {
        if (args.isEmpty()) throw new IllegalArgumentException("usage: %jars path/to/a.jar [lib/*.jar ...]");
        List<String> jars = new ArrayList<>();
        for (String a : args) jars.addAll(glob(a));
        return k.addJars(jars);
    }

    /** Expands {@code *}, {@code **} and {@code ?} in a path; a plain path must exist. */
    static List<String> glob(String pattern) throws IOException {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            Path p = Path.of(pattern).toAbsolutePath().normalize();
            if (!Files.exists(p)) throw new IllegalArgumentException("no such jar: " + p);
            return List.of(p.toString());
        }
        Path abs = Path.of(pattern).toAbsolutePath();
        Path root = abs.getRoot();
        Path base = root;
        for (Path seg : root.relativize(abs)) {
            if (seg.toString().contains("*") || seg.toString().contains("?")) break;
            base = base.resolve(seg);
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs.toString().replace("\\", "\\\\"));
        TreeSet<String> found = new TreeSet<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> s = Files.walk(base)) {
                s.filter(Files::isRegularFile).filter(m::matches).forEach(p -> found.add(p.toString()));
            }
        }
        if (found.isEmpty()) throw new IllegalArgumentException("no file matches " + pattern);
        return new ArrayList<>(found);
    }

    private static String maven(RvKernel k, List<String> args) throws Exception {
        if (args.isEmpty()) throw new IllegalArgumentException("usage: %maven group:artifact:version [...]");
        List<Path> jars = MavenResolver.defaults().resolve(args);
        return k.addJars(jars.stream().map(Path::toString).toList());
    }

    private static Object load(RvKernel k, List<String> args) throws IOException, CellError {
        if (args.isEmpty()) throw new IllegalArgumentException("usage: %load file.jsh");
        JavaEvaluator.Outcome last = JavaEvaluator.Outcome.NONE;
        for (String a : args) {
            Path p = Path.of(a);
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no such file: " + p.toAbsolutePath());
            last = k.runCellForMagic(Files.readString(p, StandardCharsets.UTF_8), p.getFileName().toString());
        }
        return last;
    }

    private static String lsmagic(RvKernel k) {
        MagicsRegistry r = k.getMagicsRegistry();
        return "Line magics: " + String.join(" ", new TreeSet<>(r.getLineMagicNames()).stream().map(n -> "%" + n).toList())
                + "\nCell magics: " + String.join(" ", new TreeSet<>(r.getCellMagicNames()).stream().map(n -> "%%" + n).toList());
    }
}
