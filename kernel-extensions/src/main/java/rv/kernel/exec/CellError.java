package rv.kernel.exec;

import java.util.List;

/** A cell failed: what Jupyter shows as {@code ename: evalue} plus a readable traceback. */
public final class CellError extends Exception {
    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    public CellError(String ename, String evalue, List<String> traceback) {
        super(ename + ": " + evalue, null, false, false);
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    public List<String> traceback() {
        return traceback;
    }

    /** An error raised by kernel code (a magic, a renderer) rather than by the user's Java. */
    public static CellError of(Throwable t) {
        if (t instanceof CellError ce) return ce;
        String msg = t.getMessage() == null ? "" : t.getMessage();
        return new CellError(t.getClass().getName(), msg, List.of(t.getClass().getName() + ": " + msg));
    }
}
