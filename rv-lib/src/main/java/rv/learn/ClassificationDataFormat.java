package rv.learn;

/** Layouts of classification training data. JSON spelling: the constant name in lower case. */
public enum ClassificationDataFormat {
    IMAGE_FOLDER
}
