package rv.learn;

/** Layouts of semantic segmentation training data. JSON spelling: the constant name in lower case. */
public enum SemanticSegmentationDataFormat {
    DEFAULT
}
