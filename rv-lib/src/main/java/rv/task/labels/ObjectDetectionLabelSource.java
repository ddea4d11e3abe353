package rv.task.labels;

import rv.core.Box;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.PixelFeature;
import rv.task.Prediction.ScoredBox;

import java.util.ArrayList;
import java.util.List;

/**
 * Object detection labels: the axis-aligned bounding box of each feature (polygon or box), in scene
 * pixels, with the feature's {@code score} property when it has one (else 1).
 */
public final class ObjectDetectionLabelSource implements LabelSource {
    private final List<ScoredBox> boxes;

    public ObjectDetectionLabelSource(List<ScoredBox> boxes) { this.boxes = List.copyOf(boxes); }

    public static ObjectDetectionLabelSource fromFeatures(GeoJsonVectorSource vectors) {
        List<ScoredBox> out = new ArrayList<>();
        for (PixelFeature f : vectors.pixelFeatures()) {
            var e = f.geometry().getEnvelopeInternal();
            Object s = f.source().properties().get("score");
            double score = s instanceof Number n ? n.doubleValue() : 1.0;
            out.add(new ScoredBox(e.getMinX(), e.getMinY(), e.getWidth(), e.getHeight(), f.classId(), score));
        }
        return new ObjectDetectionLabelSource(out);
    }

    public List<ScoredBox> boxes() { return boxes; }

    /**
     * Boxes whose share inside {@code window} (intersection over the box's area) is at least
     * {@code ioaThresh}, clipped to the window when {@code clip}; scene coordinates.
     */
    public List<ScoredBox> boxesIn(Box window, double ioaThresh, boolean clip) {
        return overlapping(boxes, window, ioaThresh, clip);
    }

    /** Raster Vision's {@code get_overlapping}: boxes with IoA ≥ thresh, optionally clipped. */
    public static List<ScoredBox> overlapping(List<ScoredBox> boxes, Box window, double ioaThresh, boolean clip) {
        ScoredBox w = new ScoredBox(window.x(), window.y(), window.width(), window.height(), 0, 0);
        List<ScoredBox> out = new ArrayList<>();
        for (ScoredBox b : boxes) {
            double inter = b.intersectionArea(w);
            double ioa = b.area() == 0 ? 0 : inter / b.area();
            if (inter <= 0 || ioa < ioaThresh) continue;
            if (clip) {
                double x0 = Math.max(b.x(), w.x()), y0 = Math.max(b.y(), w.y());
                double x1 = Math.min(b.xMax(), w.xMax()), y1 = Math.min(b.yMax(), w.yMax());
                out.add(new ScoredBox(x0, y0, x1 - x0, y1 - y0, b.classId(), b.score()));
            } else {
                out.add(b);
            }
        }
        return out;
    }
}
