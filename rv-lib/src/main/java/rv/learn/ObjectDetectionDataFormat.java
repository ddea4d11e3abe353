package rv.learn;

/** Layouts of object detection training data. JSON spelling: the constant name in lower case. */
public enum ObjectDetectionDataFormat {
    COCO
}
