package rv.task;

import rv.learn.BackendConfig;
import rv.pipeline.PipelineContext;

import java.nio.file.Path;

/**
 * Trains models and loads them for PREDICT: the SPI behind TRAIN, PREDICT's model and BUNDLE.
 * Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/rv.task.Backend}); the first one whose {@link #supports} accepts the
 * pipeline's backend config is used (see {@link Backends}).
 *
 * <p>Chips come from the archives CHIP wrote under {@code config.chipUri()}; read them with
 * {@link rv.task.chips.ChipArchive} ({@link rv.task.chips.ChipArchive#trainArchives} and
 * {@link rv.task.chips.ChipArchive#validArchives} list them).
 */
public interface Backend {

    /** Short name used in messages (e.g. {@code djl}, {@code ground_truth}). */
    String name();

    /** Whether this backend implements the given backend config. */
    boolean supports(BackendConfig config);

    /** TRAIN: trains from the chip archives and writes the model under {@code config.trainUri()}. */
    void train(RvPipelineConfig config, PipelineContext context) throws Exception;

    /** Loads the model TRAIN wrote under {@code config.trainUri()}. */
    ChipModel load(RvPipelineConfig config, PipelineContext context) throws Exception;

    /** BUNDLE: writes {@code bundleZip} (atomically) holding what {@link #load} needs plus the pipeline config. */
    void bundle(RvPipelineConfig config, Path bundleZip, PipelineContext context) throws Exception;
}
