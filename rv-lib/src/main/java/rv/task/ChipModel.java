package rv.task;

import rv.core.Box;
import rv.data.SceneConfig;
import rv.data.raster.Raster;

import java.util.List;

/**
 * A trained model as PREDICT sees it: a batch of chips in, one {@link Prediction} per chip out.
 * Chips are the scene's pixels after its raster transformers (usually uint8), {@code bands × h × w}.
 * PREDICT owns windowing, stitching and label stores; a model never sees scenes unless it wants to
 * (see {@link #predict(ChipBatch)}).
 */
public interface ChipModel extends AutoCloseable {

    /** Predicts every chip of the batch, in order. */
    List<Prediction> predict(List<Raster> chips) throws Exception;

    /**
     * Predicts a batch, knowing where its chips come from. Models ignore the location (the default
     * calls {@link #predict(List)}); the ground-truth backend reads the labels of those windows.
     */
    default List<Prediction> predict(ChipBatch batch) throws Exception { return predict(batch.chips()); }

    /** Whether PREDICT must read imagery for this model (false lets the ground-truth backend skip it). */
    default boolean needsImagery() { return true; }

    @Override
    default void close() {}

    /**
     * A batch of chips with their windows (scene pixels) in {@code scene}. {@code chips} is empty
     * when the model said it does not need imagery.
     */
    record ChipBatch(SceneConfig scene, List<Box> windows, List<Raster> chips) {
        public ChipBatch {
            windows = List.copyOf(windows);
            chips = List.copyOf(chips);
        }
    }
}
