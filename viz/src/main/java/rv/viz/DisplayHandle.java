package rv.viz;

/** One output area shown in the notebook, which can be replaced in place (progress bars, live charts). */
public interface DisplayHandle {
    /** The Jupyter display id. */
    String id();

    /** Replaces what this display shows. */
    void update(MimeBundle bundle);
}
