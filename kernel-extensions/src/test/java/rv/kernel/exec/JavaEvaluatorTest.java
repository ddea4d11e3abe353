package rv.kernel.exec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JavaEvaluatorTest {
    static JavaEvaluator ev;

    @BeforeAll
    static void start() {
        ev = new JavaEvaluator(JavaEvaluatorTest.class.getClassLoader(), List.of());
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @Test
    void lastExpressionIsTheRealObject() throws Exception {
        JavaEvaluator.Outcome o = ev.eval("var list = new java.util.ArrayList<Integer>();\nlist.add(3);\nlist", "In [1]", 1);
        assertThat(o.hasValue()).isTrue();
        assertThat(o.value()).isInstanceOf(java.util.ArrayList.class).isEqualTo(List.of(3));
    }

    @Test
    void declarationsAndTrailingSemicolonShowNothing() throws Exception {
        assertThat(ev.eval("int a = 5;", "In [2]", 1).hasValue()).isFalse();
        assertThat(ev.eval("a * 2;", "In [3]", 1).hasValue()).isFalse();
        assertThat(ev.eval("a * 2", "In [4]", 1).value()).isEqualTo(10);
    }

    @Test
    void compileErrorNamesTheUsersLine() {
        CellError e = catchThrowableOfType(() -> ev.eval("int ok = 1;\nString s = undefinedThing;", "In [5]", 1), CellError.class);
        assertThat(e.ename()).isEqualTo("CompilationError");
        assertThat(e.traceback().get(0)).startsWith("In [5], line 2: cannot find symbol");
        assertThat(e.traceback().get(1)).isEqualTo("    String s = undefinedThing;");
        assertThat(String.join("\n", e.traceback())).doesNotContain("REPL").doesNotContain("$JShell");
    }

    @Test
    void runtimeErrorMapsFramesToCellLines() {
        CellError e = catchThrowableOfType(() -> ev.eval(
                "int half(int x) {\n  return 10 / x;\n}\nint q = 1;\nhalf(0)", "In [6]", 1), CellError.class);
        assertThat(e.ename()).isEqualTo("java.lang.ArithmeticException");
        assertThat(e.evalue()).isEqualTo("/ by zero");
        assertThat(e.traceback()).contains("    at In [6], line 2 in half(): return 10 / x;",
                "    at In [6], line 5: half(0)");
    }

    @Test
    void isCompleteDistinguishesInvalidFromIncomplete() {
        assertThat(ev.isComplete("1 + 1")).isEqualTo("complete");
        assertThat(ev.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("incomplete");
        assertThat(ev.isComplete("int x = ;")).isEqualTo("invalid");
    }

    @Test
    void interruptStopsATightLoop() throws Exception {
        ev.beginCell();
        CompletableFuture<CellError> run = CompletableFuture.supplyAsync(() ->
                catchThrowableOfType(() -> ev.eval("while (true) {}", "In [7]", 1), CellError.class));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        ev.interrupt();
        CellError e = run.get(5, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        assertThat(e.ename()).isEqualTo("Interrupted");
        ev.beginCell();
        assertThat(ev.eval("40 + 2", "In [8]", 1).value()).isEqualTo(42);
    }

    @Test
    void completesAndDocumentsJdkMembers() {
        assertThat(ev.complete("Math.ab", 7).matches()).contains("abs(", "absExact(");
        assertThat(ev.documentation("Math.abs", 8)).hasValueSatisfying(d -> assertThat(d).contains("int Math.abs(int a)"));
    }

    @Test
    void nullPointerMessagesNameTheUsersVariable() {
        CellError e = catchThrowableOfType(() -> ev.eval("String s = null;\ns.length()", "In [9]", 1), CellError.class);
        assertThat(e.evalue()).isEqualTo("Cannot invoke \"String.length()\" because \"s\" is null");
    }
}
