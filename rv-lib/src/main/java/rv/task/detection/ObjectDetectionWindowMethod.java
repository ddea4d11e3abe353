package rv.task.detection;

/**
 * How object detection chips are placed. JSON spelling: the constant name in lower case.
 * <ul>
 * <li>{@code chip}: a random chip around each label (plus {@code neg_ratio} negative chips);</li>
 * <li>{@code label}: each label's bounding box is a chip;</li>
 * <li>{@code image}: the whole image is one chip;</li>
 * <li>{@code sliding}: chips on a grid with stride = chip size.</li>
 * </ul>
 */
public enum ObjectDetectionWindowMethod {
    CHIP, LABEL, IMAGE, SLIDING
}
