package rv.core.progress;

/** Receives progress updates (for example to drive a notebook progress display). */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(ProgressEvent event);
}
