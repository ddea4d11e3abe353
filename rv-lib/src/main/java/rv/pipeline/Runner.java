package rv.pipeline;

/**
 * Runs the planned commands of a pipeline somewhere: in this JVM ({@code inprocess}), as local child
 * processes ({@code local}), or (added later by plugins) on a cluster. Runners are registered by
 * {@link ConfigPlugin#runners()}.
 */
public interface Runner {

    /** The name used on the command line ({@code rv run NAME …}). */
    String name();

    /** Runs every step of {@code request} that is due, in order; throws on the first failure. */
    void run(RunRequest request) throws Exception;
}
