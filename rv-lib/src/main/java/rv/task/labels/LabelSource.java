package rv.task.labels;

/** Ground truth of a scene, queried per window in pixel coordinates; one kind per task. */
public sealed interface LabelSource extends AutoCloseable
        permits SegmentationLabelSource, ChipClassificationLabelSource, ObjectDetectionLabelSource {
    @Override
    default void close() {}
}
