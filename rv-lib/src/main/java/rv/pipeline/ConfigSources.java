package rv.pipeline;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import rv.core.RvException;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a config file into a {@link PipelineConfig}: a {@code .json} file (a serialised config), a
 * {@code .jsh} JShell script (the value of its {@code getConfig(runner, args)} method if it defines
 * one, else of its last expression or variable), or a {@code .java} source with
 * {@code static PipelineConfig getConfig(String runner, Map<String, String> args)}, compiled in memory.
 */
public final class ConfigSources {
    private ConfigSources() {}

    /** Loads {@code file}; {@code args} are the {@code -a} arguments (only scripts and Java sources take them). */
    public static PipelineConfig load(Path file, String runner, Map<String, String> args) {
        if (!Files.isRegularFile(file)) throw new RvException("config file not found: " + file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RvException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Object value;
        if (name.endsWith(".json")) {
            if (!args.isEmpty()) {
                throw new RvException("-a " + args.keySet().iterator().next() + ": -a arguments are for .jsh and .java config files; "
                        + file + " is JSON (edit it instead)");
            }
            return withFile(file, () -> ConfigCodec.create().read(text, PipelineConfig.class));
        } else if (name.endsWith(".jsh")) {
            value = fromJShell(file, text, runner, new ConfigArgs(args));
        } else if (name.endsWith(".java")) {
            value = fromJava(file, text, runner, new ConfigArgs(args));
        } else {
            throw new RvException("config file " + file + ": expected a .json, .jsh or .java file");
        }
        if (value instanceof ConfigBuilder<?, ?> b) value = b.build();
        if (!(value instanceof PipelineConfig pc)) {
            throw new RvException(file + ": getConfig must return a PipelineConfig, got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return Validation.check(pc);
    }

    private static PipelineConfig withFile(Path file, java.util.function.Supplier<PipelineConfig> read) {
        try {
            return read.get();
        } catch (ConfigException e) {
            throw ConfigException.withMessage(e.path(), file + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- .jsh

    private static Object fromJShell(Path file, String script, String runner, ConfigArgs args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream scriptOut = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try (JShell js = JShell.builder().executionEngine("local").out(scriptOut).err(scriptOut).build()) {
            js.addToClasspath(System.getProperty("java.class.path"));
            ScriptHandoff.runner = runner;
            ScriptHandoff.args = args;
            ScriptHandoff.value = null;
            // The script sees the runner name and -a arguments as variables, for scripts without getConfig.
            List<Snippet> handoffVars = new java.util.ArrayList<>();
            for (String pre : List.of("import java.util.*;", "import rv.pipeline.*;",
                    "String runner = rv.pipeline.ScriptHandoff.runner;",
                    "Map<String, String> args = rv.pipeline.ScriptHandoff.args;")) {
                for (SnippetEvent ev : js.eval(pre)) {
                    if (ev.status() == Snippet.Status.REJECTED) {
                        throw new RvException("cannot start JShell for " + file + ": is rv on the class path? (" + pre + " was rejected)");
                    }
                    if (ev.snippet() instanceof VarSnippet) handoffVars.add(ev.snippet());
                }
            }
            SourceCodeAnalysis sca = js.sourceCodeAnalysis();
            String remaining = script;
            String lastValue = null;
            boolean hasGetConfig = false;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(remaining);
                if (!ci.completeness().isComplete()) {
                    throw new RvException(file + ": incomplete Java at the end of the script: " + abbreviate(remaining));
                }
                boolean resetHandoff = false;
                for (SnippetEvent ev : js.eval(ci.source())) {
                    Snippet s = ev.snippet();
                    if (ev.causeSnippet() != null) {
                        // JShell re-defines snippets that depend on a new one (e.g. after an import), and a
                        // re-defined variable loses its value: restore runner and args below.
                        if (handoffVars.contains(s)) resetHandoff = true;
                        continue;
                    }
                    if (ev.status() == Snippet.Status.REJECTED) {
                        StringBuilder sb = new StringBuilder();
                        js.diagnostics(s).forEach(d -> sb.append(sb.length() > 0 ? "; " : "").append(d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
                        throw new RvException(file + ": line " + lineOf(script, s.source()) + ": " + sb + " in: " + abbreviate(s.source()));
                    }
                    if (ev.exception() != null) {
                        throw new RvException(file + ": line " + lineOf(script, s.source()) + " threw " + describe(ev.exception()), ev.exception());
                    }
                    if (s instanceof VarSnippet v) lastValue = v.name();
                    else if (s.kind() == Snippet.Kind.METHOD && s.source().matches("(?s).*\\bgetConfig\\s*\\(.*")) hasGetConfig = true;
                }
                if (resetHandoff) {
                    js.eval("runner = rv.pipeline.ScriptHandoff.runner;");
                    js.eval("args = rv.pipeline.ScriptHandoff.args;");
                }
                remaining = ci.remaining();
            }
            String call = hasGetConfig
                    ? "rv.pipeline.ScriptHandoff.value = getConfig(rv.pipeline.ScriptHandoff.runner, rv.pipeline.ScriptHandoff.args);"
                    : lastValue != null ? "rv.pipeline.ScriptHandoff.value = " + lastValue + ";" : null;
            if (call == null) throw new RvException(file + ": defines no getConfig(runner, args) and ends with no expression");
            for (SnippetEvent ev : js.eval(call)) {
                if (ev.status() == Snippet.Status.REJECTED) {
                    StringBuilder sb = new StringBuilder();
                    js.diagnostics(ev.snippet()).forEach(d -> sb.append(d.getMessage(Locale.ROOT)));
                    throw new RvException(file + ": cannot call getConfig(String runner, Map<String, String> args): " + sb);
                }
                if (ev.exception() != null) throw unwrapScript(file, ev.exception());
            }
            Object v = ScriptHandoff.value;
            ScriptHandoff.value = null;
            return v;
        } finally {
            scriptOut.flush();
            String text = captured.toString(StandardCharsets.UTF_8);
            if (!text.isEmpty()) System.err.print(text);
        }
    }

    private static RvException unwrapScript(Path file, jdk.jshell.JShellException e) {
        // The local engine rethrows user exceptions as EvalException carrying the original class name.
        if (e instanceof jdk.jshell.EvalException ee && (ee.getExceptionClassName().equals(RvException.class.getName())
                || ee.getExceptionClassName().equals(ConfigException.class.getName()))) {
            return new RvException(ee.getMessage());
        }
        return new RvException(file + ": getConfig threw " + describe(e), e);
    }

    private static String describe(jdk.jshell.JShellException e) {
        if (e instanceof jdk.jshell.EvalException ee) return ee.getExceptionClassName() + ": " + ee.getMessage();
        return e.toString();
    }

    private static int lineOf(String script, String snippet) {
        int at = script.indexOf(snippet.strip());
        if (at < 0) return 1;
        int line = 1;
        for (int i = 0; i < at; i++) if (script.charAt(i) == '\n') line++;
        return line;
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    // ---------------------------------------------------------------- .java

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static Object fromJava(Path file, String source, String runner, ConfigArgs args) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new RvException(file + ": compiling .java configs needs a JDK (this is a JRE)");
        String simple = file.getFileName().toString().replaceFirst("(?i)\\.java$", "");
        Matcher m = PACKAGE.matcher(source);
        String className = m.find() ? m.group(1) + "." + simple : simple;
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location loc, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        classes.put(name, b);
                        return b;
                    }
                };
            }
        };
        JavaFileObject src = new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) { return source; }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-nowarn");
        boolean ok = javac.getTask(null, fm, diags, options, null, List.of(src)).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) continue;
                if (sb.length() > 0) sb.append("; ");
                sb.append(file).append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
            throw new RvException("cannot compile config: " + sb);
        }
        ClassLoader loader = new ClassLoader(ConfigSources.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream b = classes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                byte[] bytes = b.toByteArray();
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        try {
            Class<?> c = loader.loadClass(className);
            Method get = c.getMethod("getConfig", String.class, Map.class);
            if (!Modifier.isStatic(get.getModifiers())) throw new NoSuchMethodException("static getConfig");
            return get.invoke(null, runner, args);
        } catch (ClassNotFoundException e) {
            throw new RvException(file + ": expected a class named " + className + " (the file name)");
        } catch (NoSuchMethodException e) {
            throw new RvException(file + ": " + className + " needs 'public static PipelineConfig getConfig(String runner, Map<String, String> args)'");
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RvException re) throw re;
            throw new RvException(file + ": getConfig threw " + t, t);
        } catch (IllegalAccessException e) {
            throw new RvException(file + ": getConfig must be public", e);
        }
    }
}
