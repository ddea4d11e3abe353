package rv.core.progress;

/**
 * One update of a task.
 *
 * @param task      task name
 * @param done      steps done
 * @param total     total steps, or {@code <= 0} when unknown
 * @param elapsedMs time since the task started
 * @param etaMs     estimated time left, or -1 when unknown
 * @param finished  whether this is the task's last update
 */
public record ProgressEvent(String task, long done, long total, long elapsedMs, long etaMs, boolean finished) {

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : -1;
    }
}
