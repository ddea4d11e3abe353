package rv.viz;

/**
 * Where displays go: a notebook kernel installs one ({@link Displays#install}); without one
 * (JShell, console, tests) displays print their {@code text/plain} form.
 */
public interface DisplaySink {
    /** Shows {@code bundle} below the running cell and returns its handle. */
    DisplayHandle show(MimeBundle bundle);
}
