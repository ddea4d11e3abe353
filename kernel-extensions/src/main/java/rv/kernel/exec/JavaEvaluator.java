package rv.kernel.exec;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Java evaluation with JShell in the kernel JVM: splits a cell into snippets, runs them, keeps the
 * last expression's real object, and turns compile and run-time failures into readable errors that
 * point at the user's own line.
 */
public final class JavaEvaluator implements AutoCloseable {

    /** What a cell produced: its last expression's value, if the cell ended with an expression. */
    public record Outcome(boolean hasValue, Object value) {
        public static final Outcome NONE = new Outcome(false, null);
    }

    /** Where a snippet came from, to map JShell's {@code #id:line} frames back to cell lines. */
    private record Origin(String label, int firstLine, String[] lines) {}

    private final SnippetLoader loader;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private volatile CellExecutionControl control;
    private volatile boolean interrupted;

    public JavaEvaluator(ClassLoader parent, List<String> classpath) {
        this.loader = new SnippetLoader(parent);
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "rv-kernel";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                CellExecutionControl c = new CellExecutionControl(loader);
                control = c;
                return c;
            }
        };
        this.shell = JShell.builder().executionEngine(provider, Map.of())
                .compilerOptions("-Xlint:none", "-proc:none").build();
        this.analysis = shell.sourceCodeAnalysis();
        if (!classpath.isEmpty()) shell.addToClasspath(String.join(File.pathSeparator, classpath));
    }

    /** The loader of user code and of jars added at run time. */
    public ClassLoader classLoader() {
        return loader.classLoader();
    }

    /** Adds jars or class folders for both compilation and execution. */
    public void addToClasspath(List<String> paths) {
        shell.addToClasspath(String.join(File.pathSeparator, paths));
    }

    public List<String> addedClasspath() {
        return loader.addedPaths().stream().map(Object::toString).toList();
    }

    /**
     * Evaluates Java source. {@code label} names the cell in tracebacks (e.g. "cell 3"),
     * {@code firstLine} is the line of the cell where {@code code} starts (1-based).
     */
    public Outcome eval(String code, String label, int firstLine) throws CellError {
        Outcome outcome = Outcome.NONE;
        int pos = 0;
        while (pos < code.length() && !code.substring(pos).isBlank()) {
            while (Character.isWhitespace(code.charAt(pos))) pos++; // snippets start on their first real line
            String rest = code.substring(pos);
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            if (ci.completeness() == Completeness.EMPTY) break;
            if (interrupted) throw interruptedError();
            int snippetLine = firstLine + lineOf(code, pos) - 1;
            if (ci.completeness() == Completeness.DEFINITELY_INCOMPLETE
                    || ci.completeness() == Completeness.CONSIDERED_INCOMPLETE) {
                throw new CellError("CompilationError", "incomplete code at the end of the cell",
                        List.of(label + ", line " + (snippetLine + leadingBlankLines(rest))
                                + ": the code is incomplete (missing ';', ')' or '}'?)",
                                "    " + firstNonBlankLine(rest)));
            }
            String source = ci.source() != null ? ci.source() : rest;
            outcome = evalSnippet(source, label, snippetLine, outcome);
            // As in IPython, a semicolon typed after the last expression hides its value.
            if (ci.completeness() == Completeness.COMPLETE && source.stripTrailing().endsWith(";")) {
                outcome = Outcome.NONE;
            }
            int next = code.length() - (ci.remaining() == null ? 0 : ci.remaining().length());
            pos = next > pos ? next : code.length();
        }
        return outcome;
    }

    private Outcome evalSnippet(String source, String label, int snippetLine, Outcome previous) throws CellError {
        List<SnippetEvent> events = shell.eval(source);
        Outcome outcome = Outcome.NONE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue; // updates of dependent snippets
            Snippet s = e.snippet();
            origins.put(s.id(), new Origin(label, snippetLine, source.split("\n", -1)));
            if (e.status() == Snippet.Status.REJECTED) throw compileError(s, source, label, snippetLine);
            try {
                if (interrupted) throw interruptedError();
                JShellException ex = e.exception();
                if (ex != null) throw runtimeError(ex);
                if (isExpression(s)) outcome = new Outcome(true, control.lastValue());
            } finally {
                // JShell keeps each expression's value as a hidden variable $N that every later compile
                // imports: dropping it keeps a cell's cost flat instead of growing with the session.
                if (s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) shell.drop(s);
            }
        }
        if (interrupted) throw interruptedError();
        return events.isEmpty() ? previous : outcome;
    }

    /** javac's message without the lines that name JShell's hidden wrapper class. */
    private static String message(Diag d) {
        return java.util.Arrays.stream(d.getMessage(Locale.ROOT).split("\n"))
                .filter(l -> !l.strip().matches("location: class\\s*(REPL\\.\\S*)?"))
                .collect(Collectors.joining("\n"));
    }

    private static boolean isExpression(Snippet s) {
        if (s instanceof ExpressionSnippet es) return !"void".equals(es.typeName());
        if (s instanceof VarSnippet vs) {
            return s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && !"void".equals(vs.typeName());
        }
        return false;
    }

    /** Marks the start of a cell: an interrupt from now on stops it, earlier ones are forgotten. */
    public void beginCell() {
        interrupted = false;
        CellExecutionControl c = control;
        if (c != null) c.resetCancel();
    }

    /** Stops the running cell; safe from any thread. */
    public void interrupt() {
        interrupted = true;
        CellExecutionControl c = control;
        if (c != null) c.stop();
    }

    private static CellError interruptedError() {
        return new CellError("Interrupted", "the cell was interrupted", List.of("Interrupted: the cell was stopped"));
    }

    private CellError compileError(Snippet s, String source, String label, int snippetLine) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
        List<String> tb = new ArrayList<>();
        String first = diags.isEmpty() ? "the code could not be compiled" : message(diags.get(0));
        if (diags.isEmpty()) tb.add(label + ", line " + snippetLine + ": " + first);
        for (Diag d : diags) {
            int p = (int) Math.max(0, Math.min(d.getStartPosition() < 0 ? 0 : d.getStartPosition(), source.length()));
            int lineInSnippet = lineOf(source, p);
            String[] lines = source.split("\n", -1);
            String text = lines[Math.min(lineInSnippet - 1, lines.length - 1)];
            int col = p - lineStart(source, p);
            int end = (int) Math.min(Math.max(d.getEndPosition(), d.getStartPosition() + 1), lineStart(source, p) + text.length());
            int width = Math.max(1, end - p);
            tb.add(label + ", line " + (snippetLine + lineInSnippet - 1) + ": " + message(d));
            tb.add("    " + text);
            tb.add("    " + " ".repeat(Math.max(0, col)) + "^".repeat(width));
        }
        return new CellError("CompilationError", first, tb);
    }

    private CellError runtimeError(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException ure) {
            String name = ure.getSnippet().name();
            List<String> missing = shell.unresolvedDependencies(ure.getSnippet()).toList();
            String msg = name + " cannot be run until " + String.join(", ", missing) + " is declared";
            List<String> tb = new ArrayList<>();
            tb.add("UnresolvedReference: " + msg);
            tb.addAll(frames(ure.getStackTrace()));
            return new CellError("UnresolvedReference", msg, tb);
        }
        String cls = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
        String msg = withoutWrapperNames(ex.getMessage() == null ? "" : ex.getMessage());
        List<String> tb = new ArrayList<>();
        tb.add(cls + (msg.isEmpty() ? "" : ": " + msg));
        tb.addAll(frames(ex.getStackTrace()));
        Throwable cause = ex.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            String ccls = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            tb.add("Caused by: " + ccls + (cause.getMessage() == null ? "" : ": " + withoutWrapperNames(cause.getMessage())));
            tb.addAll(frames(cause.getStackTrace()));
        }
        return new CellError(cls, msg, tb);
    }

    /** Helpful NullPointerException messages name JShell's wrapper class: {@code "REPL.$JShell$15.s"} → {@code "s"}. */
    static String withoutWrapperNames(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]*\\.", "");
    }

    /** Library frames down to the user's code, then the user's frames as cell lines; kernel frames dropped. */
    private List<String> frames(StackTraceElement[] trace) {
        int lastUser = -1;
        for (int i = 0; i < trace.length; i++) if (isUserFrame(trace[i])) lastUser = i;
        List<String> out = new ArrayList<>();
        int limit = lastUser < 0 ? Math.min(trace.length, 8) : lastUser + 1;
        for (int i = 0; i < limit; i++) {
            StackTraceElement f = trace[i];
            if (!isUserFrame(f)) {
                out.add("    at " + f);
                continue;
            }
            Origin o = origins.get(f.getFileName().substring(1));
            String m = f.getMethodName();
            String where = m == null || m.isEmpty() || m.startsWith("do_it$") ? "" : " in " + m + "()";
            if (o == null || f.getLineNumber() < 1) {
                out.add("    at snippet " + f.getFileName() + where);
            } else {
                int idx = Math.min(f.getLineNumber() - 1, o.lines.length - 1);
                out.add("    at " + o.label + ", line " + (o.firstLine + idx) + where + ": " + o.lines[idx].strip());
            }
        }
        return out;
    }

    /** JShell rewrites frames of snippet code to file {@code #<snippet id>}. */
    private static boolean isUserFrame(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    /** Jupyter's is_complete: "complete", "incomplete" or "invalid". */
    public String isComplete(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            switch (ci.completeness()) {
                case EMPTY:
                    return "complete";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "incomplete";
                case UNKNOWN:
                    return "invalid";
                default:
                    rest = ci.remaining() == null ? "" : ci.remaining();
            }
        }
        return "complete";
    }

    /** Completions at {@code cursor}: the matches and where the replaced text starts. */
    public record Completions(List<String> matches, int start) {}

    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> s = analysis.completionSuggestions(code, cursor, anchor);
        LinkedHashSet<String> matches = new LinkedHashSet<>();
        s.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(x -> matches.add(x.continuation()));
        s.forEach(x -> matches.add(x.continuation()));
        return new Completions(new ArrayList<>(matches), anchor[0]);
    }

    /** Signature (and Javadoc where the JDK sources are installed) of what is at {@code cursor}. */
    public Optional<String> documentation(String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty()) {
            int end = cursor;
            int start = end;
            while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) start--;
            if (start < end) {
                String call = code.substring(0, end) + "(";
                docs = analysis.documentation(call, call.length(), true);
            }
        }
        if (docs.isEmpty()) return Optional.empty();
        return Optional.of(docs.stream().map(d -> d.javadoc() == null || d.javadoc().isBlank()
                ? d.signature() : d.signature() + "\n\n" + d.javadoc().strip()).distinct()
                .collect(Collectors.joining("\n\n")));
    }

    private static int lineOf(String s, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < s.length(); i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    private static int lineStart(String s, int pos) {
        int i = Math.min(pos, s.length());
        while (i > 0 && s.charAt(i - 1) != '\n') i--;
        return i;
    }

    private static int leadingBlankLines(String s) {
        int n = 0;
        for (String l : s.split("\n", -1)) {
            if (!l.isBlank()) break;
            n++;
        }
        return n;
    }

    private static String firstNonBlankLine(String s) {
        for (String l : s.split("\n", -1)) if (!l.isBlank()) return l.strip();
        return "";
    }

    @Override
    public void close() {
        shell.close();
    }
}
