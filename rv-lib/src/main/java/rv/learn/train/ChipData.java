package rv.learn.train;

import rv.core.RvException;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.task.chips.ChipArchive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chips of one group (train or valid) held in memory as normalised float CHW arrays, with their
 * labels: a class id per chip (classification) or a class-id mask per chip (segmentation).
 */
public final class ChipData {
    final List<Raster> images = new ArrayList<>();
    final List<Integer> classIds = new ArrayList<>();
    final List<byte[]> masks = new ArrayList<>();
    final List<List<rv.task.Prediction.ScoredBox>> boxes = new ArrayList<>();
    int bands = -1;
    int size = -1;
    String dtype;

    /** Reads every chip of the given archives. */
    public static ChipData load(List<Path> archives, LearnerSpec.Task task) throws IOException {
        ChipData d = new ChipData();
        for (Path p : archives) {
            try (ChipArchive.Reader r = ChipArchive.open(p)) {
                String want = switch (task) {
                    case CLASSIFICATION -> ChipArchive.CHIP_CLASSIFICATION;
                    case SEGMENTATION -> ChipArchive.SEMANTIC_SEGMENTATION;
                    case DETECTION -> ChipArchive.OBJECT_DETECTION;
                };
                if (!r.info().task().equals(want)) {
                    throw new RvException("chip archive " + p + " holds " + r.info().task() + " chips, but this learner trains " + want);
                }
                for (ChipArchive.Chip c : r.chips()) {
                    Raster img = r.image(c);
                    if (task == LearnerSpec.Task.CLASSIFICATION) {
                        d.add(p, img);
                        d.classIds.add(c.classId());
                    } else if (task == LearnerSpec.Task.DETECTION) {
                        d.add(p, img);
                        d.boxes.add(c.boxes());
                    } else {
                        // The U-Net needs sides that are multiples of 32: pad with zeros, labels with
                        // an id the loss ignores (255).
                        int s = (img.width() + 31) / 32 * 32;
                        d.add(p, pad(img, s, 0));
                        d.masks.add((byte[]) pad(r.labels(c), s, 255).data());
                    }
                }
            }
        }
        return d;
    }

    private void add(Path archive, Raster img) {
        if (img.width() != img.height()) throw new RvException("chip archive " + archive + ": chips must be square, got " + img.width() + "x" + img.height());
        if (bands < 0) {
            bands = img.bands();
            size = img.width();
            dtype = img.dataType().name();
        } else if (img.bands() != bands || img.width() != size) {
            throw new RvException("chip archive " + archive + ": chips differ in shape (" + img.bands() + "x" + img.width()
                    + " vs " + bands + "x" + size + "); rechip with one chip size");
        }
        images.add(img);
    }

    private static Raster pad(Raster r, int s, int fill) {
        if (r.width() == s && r.height() == s) return r;
        Raster out = Raster.filled(s, s, r.bands(), r.dataType(), fill);
        out.paste(r, 0, 0);
        return out;
    }

    public int size() { return images.size(); }

    /** Whether chip {@code i} has a label of one of {@code wanted} (its class, a mask pixel or a box). */
    public boolean contains(int i, java.util.Set<Integer> wanted) {
        if (i < classIds.size()) return wanted.contains(classIds.get(i));
        if (i < masks.size()) {
            boolean[] want = new boolean[256];
            for (int c : wanted) if (c >= 0 && c < 256) want[c] = true;
            for (byte b : masks.get(i)) if (want[b & 0xff]) return true;
            return false;
        }
        if (i < boxes.size()) {
            for (rv.task.Prediction.ScoredBox b : boxes.get(i)) if (wanted.contains(b.classId())) return true;
        }
        return false;
    }

    public int bands() { return bands; }

    public int chipSize() { return size; }

    /** Mean/std per band: 0/255 for uint8 chips (RV's ToTensor), else measured on these chips. */
    public float[][] normalisation() {
        float[] mean = new float[bands];
        float[] std = new float[bands];
        if (images.isEmpty() || images.get(0).dataType() == DataType.UINT8) {
            java.util.Arrays.fill(std, 255f);
            return new float[][] {mean, std};
        }
        int plane = size * size;
        for (int b = 0; b < bands; b++) {
            double s = 0, s2 = 0;
            long n = 0;
            for (Raster r : images) {
                for (int i = b * plane; i < (b + 1) * plane; i++) {
                    double v = r.getAt(i);
                    s += v;
                    s2 += v * v;
                    n++;
                }
            }
            double m = s / n;
            mean[b] = (float) m;
            std[b] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, s2 / n - m * m)));
        }
        return new float[][] {mean, std};
    }

    /** Writes chip {@code i}, normalised, into {@code dst} at {@code offset} (CHW). */
    void copyNormalised(int i, float[] mean, float[] std, float[] dst, int offset) {
        normalise(images.get(i), mean, std, dst, offset);
    }

    /** Normalises a raster (bands × h × w) into {@code dst} at {@code offset}. */
    public static void normalise(Raster r, float[] mean, float[] std, float[] dst, int offset) {
        int plane = r.width() * r.height();
        if (r.dataType() == DataType.UINT8) {
            byte[] d = (byte[]) r.data();
            for (int b = 0; b < r.bands(); b++) {
                float m = mean[b], inv = 1f / std[b];
                int base = b * plane;
                for (int i = 0; i < plane; i++) dst[offset + base + i] = ((d[base + i] & 0xff) - m) * inv;
            }
        } else {
            for (int b = 0; b < r.bands(); b++) {
                float m = mean[b], inv = 1f / std[b];
                int base = b * plane;
                for (int i = 0; i < plane; i++) dst[offset + base + i] = ((float) r.getAt(base + i) - m) * inv;
            }
        }
    }
}
