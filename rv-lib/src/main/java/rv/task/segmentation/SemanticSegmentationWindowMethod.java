package rv.task.segmentation;

/** How semantic segmentation chips are placed: a sliding window or random samples. JSON spelling: the constant name in lower case. */
public enum SemanticSegmentationWindowMethod {
    SLIDING, RANDOM_SAMPLE
}
