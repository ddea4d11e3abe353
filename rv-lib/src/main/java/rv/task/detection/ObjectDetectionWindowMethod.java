package rv.task.detection;

/** How object detection chips are placed. JSON spelling: the constant name in lower case. */
public enum ObjectDetectionWindowMethod {
    CHIP
}
