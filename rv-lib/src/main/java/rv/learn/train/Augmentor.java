package rv.learn.train;

import rv.core.RvException;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Training augmentations with albumentations' names and default probabilities, applied per chip to
 * the normalised CHW floats (and the label mask) on the loader threads, so they overlap the training
 * step and each chip draws from its own seeded {@link Random}.
 */
final class Augmentor {
    static final Set<String> KNOWN = Set.of("HorizontalFlip", "VerticalFlip", "RandomRotate90", "Transpose",
            "Blur", "GaussianBlur", "GaussNoise", "RGBShift", "ToGray", "NODATA");

    private final List<String> names;

    Augmentor(List<String> names) {
        for (String n : names) {
            if (!KNOWN.contains(n)) throw new RvException("unknown augmentor '" + n + "'; rv knows " + new java.util.TreeSet<>(KNOWN));
        }
        this.names = List.copyOf(names);
    }

    /** Augments one chip in place: {@code img} bands×s×s at {@code off}; {@code mask} s×s or null. */
    void apply(float[] img, int off, int bands, int s, byte[] mask, List<rv.task.Prediction.ScoredBox> boxes, Random rnd) {
        for (String n : names) {
            switch (n) {
                case "HorizontalFlip" -> { if (rnd.nextBoolean()) geometric(img, off, bands, s, mask, boxes, 1); }
                case "VerticalFlip" -> { if (rnd.nextBoolean()) geometric(img, off, bands, s, mask, boxes, 2); }
                case "Transpose" -> { if (rnd.nextBoolean()) geometric(img, off, bands, s, mask, boxes, 3); }
                case "RandomRotate90" -> {
                    int k = rnd.nextInt(4);
                    for (int i = 0; i < k; i++) geometric(img, off, bands, s, mask, boxes, 4);
                }
                case "Blur", "GaussianBlur" -> { if (rnd.nextBoolean()) blur(img, off, bands, s); }
                case "GaussNoise" -> {
                    if (rnd.nextBoolean()) {
                        float sigma = (float) Math.sqrt(10 + rnd.nextDouble() * 40) / 255f; // var 10..50 on 0..255
                        for (int i = off; i < off + bands * s * s; i++) img[i] += (float) rnd.nextGaussian() * sigma;
                    }
                }
                case "RGBShift" -> {
                    if (rnd.nextBoolean()) {
                        for (int b = 0; b < Math.min(3, bands); b++) {
                            float d = (rnd.nextInt(41) - 20) / 255f;
                            for (int i = off + b * s * s; i < off + (b + 1) * s * s; i++) img[i] += d;
                        }
                    }
                }
                case "ToGray" -> {
                    if (bands >= 3 && rnd.nextDouble() < 0.5) {
                        int p = s * s;
                        for (int i = 0; i < p; i++) {
                            float g = 0.299f * img[off + i] + 0.587f * img[off + p + i] + 0.114f * img[off + 2 * p + i];
                            img[off + i] = g;
                            img[off + p + i] = g;
                            img[off + 2 * p + i] = g;
                        }
                    }
                }
                case "NODATA" -> {
                    // A random rectangle of zeros along one edge, as imagery has at scene borders.
                    if (rnd.nextDouble() < 0.2) {
                        int w = 1 + rnd.nextInt(Math.max(1, s / 2));
                        boolean cols = rnd.nextBoolean(), start = rnd.nextBoolean();
                        for (int b = 0; b < bands; b++) {
                            for (int r = 0; r < s; r++) {
                                for (int c = 0; c < s; c++) {
                                    int t = cols ? c : r;
                                    if (start ? t < w : t >= s - w) img[off + (b * s + r) * s + c] = 0;
                                }
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException(n);
            }
        }
    }

    /** op 1: flip columns, 2: flip rows, 3: transpose, 4: rotate 90° counter-clockwise. */
    static void geometric(float[] img, int off, int bands, int s, byte[] mask, List<rv.task.Prediction.ScoredBox> boxes, int op) {
        if (boxes != null) boxes.replaceAll(b -> box(b, op, s));
        float[] tmp = new float[s * s];
        for (int b = 0; b < bands; b++) {
            int base = off + b * s * s;
            for (int r = 0; r < s; r++) for (int c = 0; c < s; c++) tmp[r * s + c] = img[base + src(op, r, c, s)];
            System.arraycopy(tmp, 0, img, base, s * s);
        }
        if (mask != null) {
            byte[] t = new byte[s * s];
            for (int r = 0; r < s; r++) for (int c = 0; c < s; c++) t[r * s + c] = mask[src(op, r, c, s)];
            System.arraycopy(t, 0, mask, 0, s * s);
        }
    }

    /** The box after the same transform: out(r, c) = in(src(r, c)), so a point moves by the inverse. */
    static rv.task.Prediction.ScoredBox box(rv.task.Prediction.ScoredBox b, int op, int s) {
        double x0 = b.x(), y0 = b.y(), x1 = b.xMax(), y1 = b.yMax();
        return switch (op) {
            case 1 -> new rv.task.Prediction.ScoredBox(s - x1, y0, b.w(), b.h(), b.classId(), b.score());
            case 2 -> new rv.task.Prediction.ScoredBox(x0, s - y1, b.w(), b.h(), b.classId(), b.score());
            case 3 -> new rv.task.Prediction.ScoredBox(y0, x0, b.h(), b.w(), b.classId(), b.score());
            // rot90 (counter-clockwise): a point (x, y) goes to (y, s - x)
            default -> new rv.task.Prediction.ScoredBox(y0, s - x1, b.h(), b.w(), b.classId(), b.score());
        };
    }

    private static int src(int op, int r, int c, int s) {
        return switch (op) {
            case 1 -> r * s + (s - 1 - c);
            case 2 -> (s - 1 - r) * s + c;
            case 3 -> c * s + r;
            default -> c * s + (s - 1 - r); // out[r][c] = in[c][s-1-r]: np.rot90
        };
    }

    private static void blur(float[] img, int off, int bands, int s) {
        float[] tmp = new float[s * s];
        for (int b = 0; b < bands; b++) {
            int base = off + b * s * s;
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    float sum = 0;
                    int n = 0;
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int rr = r + dr, cc = c + dc;
                            if (rr >= 0 && rr < s && cc >= 0 && cc < s) { sum += img[base + rr * s + cc]; n++; }
                        }
                    }
                    tmp[r * s + c] = sum / n;
                }
            }
            System.arraycopy(tmp, 0, img, base, s * s);
        }
    }
}
