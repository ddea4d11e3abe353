package rv.learn.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds batches on worker threads ahead of the training step. Order and augmentation are a pure
 * function of (seed, epoch, batch index), so runs are reproducible whatever the thread timing.
 */
final class BatchLoader implements AutoCloseable {
    private final ExecutorService pool;
    private final int prefetch;

    BatchLoader(int workers) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "rv-batch-loader");
            t.setDaemon(true);
            return t;
        });
        this.prefetch = Math.max(2, workers + 1);
    }

    /** The index order of an epoch: shuffled with (seed, epoch) when {@code shuffle}. */
    static List<Integer> order(int n, long seed, int epoch, boolean shuffle) {
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) idx.add(i);
        if (shuffle) Collections.shuffle(idx, new Random(seed * 1_000_003L + epoch));
        return idx;
    }

    /** Batches of {@code order} (the last one may be smaller unless {@code dropLast}). */
    Iterator<Batch> batches(ChipData data, LearnerSpec spec, List<Integer> order, int batchSz, Augmentor aug,
                            long seed, int epoch, boolean dropLast) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < order.size(); i += batchSz) {
            List<Integer> g = order.subList(i, Math.min(order.size(), i + batchSz));
            if (dropLast && g.size() < batchSz && !groups.isEmpty()) break;
            groups.add(g);
        }
        ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
        int[] next = {0};
        Runnable fill = () -> {
            while (queue.size() < prefetch && next[0] < groups.size()) {
                int b = next[0]++;
                List<Integer> g = groups.get(b);
                long s = seed ^ (epoch * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
                queue.add(pool.submit(() -> build(data, spec, g, aug, new Random(s))));
            }
        };
        return new Iterator<>() {
            @Override public boolean hasNext() {
                fill.run();
                return !queue.isEmpty();
            }

            @Override public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                try {
                    Batch b = queue.poll().get();
                    fill.run();
                    return b;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("building a batch failed: " + e.getCause(), e.getCause());
                }
            }
        };
    }

    static Batch build(ChipData data, LearnerSpec spec, List<Integer> idx, Augmentor aug, Random rnd) {
        int crop = spec.trainCrop();
        if (aug != null && crop > 0 && crop < data.chipSize() && spec.task() != LearnerSpec.Task.CLASSIFICATION) {
            return crop(build(data, spec, idx, null, rnd), crop, aug, rnd);
        }
        int n = idx.size(), c = data.bands(), s = data.chipSize(), per = c * s * s;
        float[] img = new float[n * per];
        boolean seg = spec.task() == LearnerSpec.Task.SEGMENTATION;
        boolean det = spec.task() == LearnerSpec.Task.DETECTION;
        List<List<rv.task.Prediction.ScoredBox>> boxes = det ? new java.util.ArrayList<>() : null;
        int[] cls = seg || det ? null : new int[n];
        byte[] masks = seg ? new byte[n * s * s] : null;
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            data.copyNormalised(i, spec.mean(), spec.std(), img, k * per);
            byte[] mask = null;
            List<rv.task.Prediction.ScoredBox> bx = null;
            if (seg) mask = data.masks.get(i).clone();
            else if (det) bx = new java.util.ArrayList<>(data.boxes.get(i));
            else cls[k] = data.classIds.get(i);
            if (aug != null) aug.apply(img, k * per, c, s, mask, bx, rnd);
            if (det) boxes.add(bx);
            if (seg) System.arraycopy(mask, 0, masks, k * s * s, s * s);
        }
        return new Batch(n, c, s, img, cls, masks, boxes);
    }

    /**
     * Random {@code crop}² windows of a segmentation or detection batch, then the augmentations. Boxes
     * are shifted and clipped to the window; a box less than half inside it is dropped.
     */
    private static Batch crop(Batch b, int crop, Augmentor aug, Random rnd) {
        int n = b.n(), c = b.bands(), s = b.size(), per = c * crop * crop;
        float[] img = new float[n * per];
        byte[] masks = b.masks() == null ? null : new byte[n * crop * crop];
        List<List<rv.task.Prediction.ScoredBox>> boxes = b.boxes() == null ? null : new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            int x0 = rnd.nextInt(s - crop + 1), y0 = rnd.nextInt(s - crop + 1);
            for (int r = 0; r < crop; r++) {
                for (int band = 0; band < c; band++) {
                    System.arraycopy(b.images(), k * c * s * s + (band * s + y0 + r) * s + x0, img, k * per + (band * crop + r) * crop, crop);
                }
                if (masks != null) System.arraycopy(b.masks(), k * s * s + (y0 + r) * s + x0, masks, k * crop * crop + r * crop, crop);
            }
            byte[] m = masks == null ? null : java.util.Arrays.copyOfRange(masks, k * crop * crop, (k + 1) * crop * crop);
            List<rv.task.Prediction.ScoredBox> bx = boxes == null ? null : clipBoxes(b.boxes().get(k), x0, y0, crop);
            aug.apply(img, k * per, c, crop, m, bx, rnd);
            if (m != null) System.arraycopy(m, 0, masks, k * crop * crop, crop * crop);
            if (bx != null) boxes.add(bx);
        }
        return new Batch(n, c, crop, img, null, masks, boxes);
    }

    static List<rv.task.Prediction.ScoredBox> clipBoxes(List<rv.task.Prediction.ScoredBox> in, int x0, int y0, int size) {
        List<rv.task.Prediction.ScoredBox> out = new java.util.ArrayList<>();
        for (rv.task.Prediction.ScoredBox b : in) {
            double x = Math.max(0, b.x() - x0), y = Math.max(0, b.y() - y0);
            double x1 = Math.min(size, b.xMax() - x0), y1 = Math.min(size, b.yMax() - y0);
            if (x1 - x < 2 || y1 - y < 2 || (x1 - x) * (y1 - y) < 0.5 * b.w() * b.h()) continue;
            out.add(new rv.task.Prediction.ScoredBox(x, y, x1 - x, y1 - y, b.classId(), b.score()));
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
