package rv.task;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ChipModel} returns for one chip. Coordinates are chip pixels (column, row), with the
 * chip's top-left corner at (0, 0).
 */
public sealed interface Prediction permits Prediction.ClassScores, Prediction.PixelScores, Prediction.Boxes {

    /** Chip classification: one probability (or score) per class id. */
    record ClassScores(float[] probs) implements Prediction {
        public ClassScores { Objects.requireNonNull(probs); }

        /** The class id with the highest score (the lowest id on ties). */
        public int argmax() {
            int best = 0;
            for (int i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
            return best;
        }
    }

    /**
     * Semantic segmentation: per-pixel class scores, class-major:
     * {@code probs[(c * h + row) * w + col]}.
     */
    record PixelScores(int classes, int h, int w, float[] probs) implements Prediction {
        public PixelScores {
            Objects.requireNonNull(probs);
            if ((long) classes * h * w != probs.length) {
                throw new IllegalArgumentException("probs holds " + probs.length + " values, need " + classes + "x" + h + "x" + w);
            }
        }

        public float score(int classId, int row, int col) { return probs[(classId * h + row) * w + col]; }

        /** Scores that are 1 for the given class of each pixel and 0 elsewhere ({@code labels} row-major h×w). */
        public static PixelScores oneHot(int classes, int h, int w, int[] labels) {
            float[] p = new float[classes * h * w];
            int plane = h * w;
            for (int i = 0; i < plane; i++) {
                int c = labels[i];
                if (c >= 0 && c < classes) p[c * plane + i] = 1f;
            }
            return new PixelScores(classes, h, w, p);
        }
    }

    /** Object detection: scored boxes. */
    record Boxes(List<ScoredBox> boxes) implements Prediction {
        public Boxes { boxes = List.copyOf(boxes); }
    }

    /** An axis-aligned box of class {@code classId} with top-left (x, y), width w and height h. */
    record ScoredBox(double x, double y, double w, double h, int classId, double score) {
        public double xMax() { return x + w; }
        public double yMax() { return y + h; }
        public double area() { return Math.max(0, w) * Math.max(0, h); }

        public ScoredBox shift(double dx, double dy) { return new ScoredBox(x + dx, y + dy, w, h, classId, score); }

        /** Area of the overlap with {@code o}. */
        public double intersectionArea(ScoredBox o) {
            double iw = Math.min(xMax(), o.xMax()) - Math.max(x, o.x);
            double ih = Math.min(yMax(), o.yMax()) - Math.max(y, o.y);
            return iw <= 0 || ih <= 0 ? 0 : iw * ih;
        }

        public double iou(ScoredBox o) {
            double i = intersectionArea(o);
            double u = area() + o.area() - i;
            return u <= 0 ? 0 : i / u;
        }
    }
}
