package rv.task.commands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.CrsTransformer;
import rv.core.RvException;
import rv.core.Windows;
import rv.core.progress.Progress;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationGeoJSONStoreConfig;
import rv.data.label.ObjectDetectionGeoJSONStoreConfig;
import rv.data.label.SemanticSegmentationLabelStoreConfig;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.pipeline.PipelineContext;
import rv.task.ChipModel;
import rv.task.Prediction;
import rv.task.Prediction.ScoredBox;
import rv.task.RvPipelineConfig;
import rv.task.TaskFiles;
import rv.task.TaskKind;
import rv.task.detection.ObjectDetectionConfig;
import rv.task.detection.ObjectDetectionPredictOptions;
import rv.task.labels.ChipClassificationGeoJSONStore;
import rv.task.labels.ChipClassificationLabelSource.Cell;
import rv.task.labels.ObjectDetectionGeoJSONStore;
import rv.task.labels.SegmentationLabelStore;
import rv.task.scene.SceneLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PREDICT, model-agnostic: slides {@code predict_chip_sz} windows over each validation / test scene,
 * asks the {@link ChipModel} in batches of {@code predict_batch_sz}, and stitches the answers into the
 * scene's label store. Segmentation scores of overlapping windows are averaged (optionally ignoring
 * {@code crop_sz} pixels at chip borders) and written strip by strip, so memory is
 * O(classes × chip size × scene width), never the scene. Detection boxes from all windows are
 * filtered by {@code score_thresh} and merged when they overlap by more than {@code merge_thresh}
 * (intersection over the smaller box's area). Chip classification predicts one cell per window.
 *
 * <p>Settings (section {@code predict}, or environment {@code PREDICT_STRIDE}, {@code PREDICT_CROP_SZ}):
 * {@code stride} (default: the chip size; half of it for object detection) and {@code crop_sz} (default 0).
 */
public final class PredictCommand {
    private static final Logger LOG = LoggerFactory.getLogger(PredictCommand.class);

    private final RvPipelineConfig config;
    private final PipelineContext context;
    private final TaskKind task;
    private final ClassConfig classes;
    private final int chipSz;
    private final int batchSz;
    private final int stride;
    private final int cropSz;

    public PredictCommand(RvPipelineConfig config, PipelineContext context) {
        this.config = config;
        this.context = context;
        this.task = TaskKind.of(config);
        this.classes = config.dataset().classConfig();
        this.chipSz = config.predictChipSz();
        this.batchSz = Math.max(1, config.predictBatchSz() == null ? 8 : config.predictBatchSz());
        int defStride = task == TaskKind.OBJECT_DETECTION ? Math.max(1, chipSz / 2) : chipSz;
        this.stride = setting("stride", defStride);
        this.cropSz = setting("crop_sz", 0);
        if (stride <= 0) throw new RvException("predict stride must be positive, got " + stride);
        if (cropSz < 0 || 2 * cropSz >= chipSz) throw new RvException("predict crop_sz must be >= 0 and < half the chip size, got " + cropSz);
    }

    private int setting(String key, int def) {
        if (context == null || context.settings() == null) return def;
        String v = context.settings().get("predict", key).orElse(null);
        if (v == null || v.isBlank()) return def;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new RvException("setting predict." + key + " (PREDICT_" + key.toUpperCase() + ") must be an integer, got '" + v + "'");
        }
    }

    /** Predicts the scenes of one split with {@code model}. */
    public void run(ChipModel model, List<SceneConfig> scenes) throws Exception {
        for (SceneConfig sc : scenes) predictScene(model, sc);
    }

    public void predictScene(ChipModel model, SceneConfig sc) throws Exception {
        if (sc.labelStore() == null) throw new RvException("scene '" + sc.id() + "' has no label_store to write predictions to");
        SceneLoader loader = new SceneLoader(classes);
        String where = "scene '" + sc.id() + "'";
        RasterSource raw = loader.openImagery(sc.rasterSource(), where);
        RasterSource imagery = model.needsImagery() ? SceneLoader.transform(raw, sc.rasterSource().transformers(), where) : raw;
        try {
            switch (task) {
                case SEMANTIC_SEGMENTATION -> segmentation(model, sc, imagery);
                case OBJECT_DETECTION -> detection(model, sc, imagery);
                case CHIP_CLASSIFICATION -> classification(model, sc, imagery);
            }
        } finally {
            imagery.close();
        }
    }

    private List<Prediction> predictBatch(ChipModel model, SceneConfig sc, RasterSource imagery, List<Box> windows) throws Exception {
        List<Raster> chips = new ArrayList<>();
        if (model.needsImagery()) for (Box w : windows) chips.add(imagery.read(w));
        List<Prediction> out = model.predict(new ChipModel.ChipBatch(sc, windows, chips));
        if (out.size() != windows.size()) {
            throw new IllegalStateException("model returned " + out.size() + " predictions for " + windows.size() + " chips");
        }
        return out;
    }

    private Progress.Task progress(SceneConfig sc, long total) {
        Progress p = context == null || context.progress() == null ? Progress.silent() : context.progress();
        return p.start("predict " + sc.id(), total);
    }

    // ---------------------------------------------------------------- segmentation

    private void segmentation(ChipModel model, SceneConfig sc, RasterSource imagery) throws Exception {
        int w = imagery.width(), h = imagery.height();
        int n = classes.names().size();
        int nullId = classes.nullClass() == null ? 0 : classes.classId(classes.nullClass());
        var storeCfg = (SemanticSegmentationLabelStoreConfig) sc.labelStore();
        List<Box> all = new Box(0, 0, w, h).slidingWindows(chipSz, stride, Windows.Edge.PAD);
        int rowsPerStrip = Math.max(chipSz, stride);
        // accumulators for rows [bufY, bufY + rowsPerStrip)
        float[] acc = new float[n * rowsPerStrip * w];
        float[] weight = new float[rowsPerStrip * w];
        int bufY = 0;
        try (SegmentationLabelStore store = SegmentationLabelStore.create(storeCfg, classes, imagery);
             Progress.Task t = progress(sc, all.size())) {
            int i = 0;
            while (i < all.size()) {
                int y = all.get(i).y();
                List<Box> row = new ArrayList<>();
                while (i < all.size() && all.get(i).y() == y) row.add(all.get(i++));
                for (int b = 0; b < row.size(); b += batchSz) {
                    List<Box> batch = row.subList(b, Math.min(row.size(), b + batchSz));
                    List<Prediction> preds = predictBatch(model, sc, imagery, batch);
                    for (int k = 0; k < batch.size(); k++) {
                        if (!(preds.get(k) instanceof Prediction.PixelScores ps)) {
                            throw new IllegalStateException("semantic segmentation model returned " + preds.get(k).getClass().getSimpleName());
                        }
                        accumulate(ps, batch.get(k), bufY, acc, weight, w, h, n, rowsPerStrip);
                    }
                    t.advance(batch.size());
                }
                int nextY = i < all.size() ? all.get(i).y() : h;
                // rows [bufY, nextY) get no more contributions: write them
                int done = Math.min(nextY, h) - bufY;
                if (done > 0) {
                    store.write(new Box(0, bufY, w, done), argmax(acc, weight, w, done, n, rowsPerStrip, nullId));
                    shift(acc, weight, done, w, n, rowsPerStrip);
                    bufY += done;
                }
            }
            if (bufY < h) {
                // rows no window covered (cannot happen with PAD windows, kept for safety)
                store.write(new Box(0, bufY, w, h - bufY), argmax(acc, weight, w, h - bufY, n, rowsPerStrip, nullId));
            }
            store.finish();
        }
        LOG.info("PREDICT scene '{}': {} windows → {}", sc.id(), all.size(), storeCfg.uri());
    }

    private void accumulate(Prediction.PixelScores ps, Box win, int bufY, float[] acc, float[] weight,
                            int w, int h, int n, int rows) {
        if (ps.h() != win.height() || ps.w() != win.width()) {
            throw new IllegalStateException("model returned " + ps.w() + "x" + ps.h() + " scores for a " + win.width() + "x" + win.height() + " chip");
        }
        int c = Math.min(n, ps.classes());
        // crop chip borders, except where the chip border is the scene border
        int left = win.x() <= 0 ? 0 : cropSz, top = win.y() <= 0 ? 0 : cropSz;
        int right = win.xMax() >= w ? 0 : cropSz, bottom = win.yMax() >= h ? 0 : cropSz;
        for (int r = top; r < win.height() - bottom; r++) {
            int sy = win.y() + r;
            if (sy >= h) break;
            int by = sy - bufY;
            if (by < 0 || by >= rows) continue;
            for (int q = left; q < win.width() - right; q++) {
                int sx = win.x() + q;
                if (sx >= w) break;
                int p = by * w + sx;
                weight[p] += 1f;
                for (int k = 0; k < c; k++) acc[(k * rows + by) * w + sx] += ps.probs()[(k * ps.h() + r) * ps.w() + q];
            }
        }
    }

    private static byte[] argmax(float[] acc, float[] weight, int w, int rowsOut, int n, int rows, int nullId) {
        byte[] out = new byte[rowsOut * w];
        for (int y = 0; y < rowsOut; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (weight[p] == 0) { out[p] = (byte) nullId; continue; }
                int best = 0;
                float bv = acc[y * w + x];
                for (int k = 1; k < n; k++) {
                    float v = acc[(k * rows + y) * w + x];
                    if (v > bv) { bv = v; best = k; }
                }
                out[p] = (byte) best;
            }
        }
        return out;
    }

    private static void shift(float[] acc, float[] weight, int by, int w, int n, int rows) {
        int keep = rows - by;
        for (int k = 0; k < n; k++) {
            int base = k * rows * w;
            if (keep > 0) System.arraycopy(acc, base + by * w, acc, base, keep * w);
            java.util.Arrays.fill(acc, base + Math.max(0, keep) * w, base + rows * w, 0f);
        }
        if (keep > 0) System.arraycopy(weight, by * w, weight, 0, keep * w);
        java.util.Arrays.fill(weight, Math.max(0, keep) * w, rows * w, 0f);
    }

    // ---------------------------------------------------------------- detection

    private void detection(ChipModel model, SceneConfig sc, RasterSource imagery) throws Exception {
        ObjectDetectionPredictOptions po = ((ObjectDetectionConfig) config).predictOptions();
        List<Box> windows = imagery.extent().slidingWindows(chipSz, stride, Windows.Edge.PAD);
        List<ScoredBox> boxes = new ArrayList<>();
        try (Progress.Task t = progress(sc, windows.size())) {
            for (int b = 0; b < windows.size(); b += batchSz) {
                List<Box> batch = windows.subList(b, Math.min(windows.size(), b + batchSz));
                List<Prediction> preds = predictBatch(model, sc, imagery, batch);
                for (int k = 0; k < batch.size(); k++) {
                    if (!(preds.get(k) instanceof Prediction.Boxes bx)) {
                        throw new IllegalStateException("object detection model returned " + preds.get(k).getClass().getSimpleName());
                    }
                    Box win = batch.get(k);
                    for (ScoredBox s : bx.boxes()) boxes.add(s.shift(win.x(), win.y()));
                }
                t.advance(batch.size());
            }
        }
        List<ScoredBox> merged = merge(boxes, po.scoreThresh(), po.mergeThresh());
        var store = (ObjectDetectionGeoJSONStoreConfig) sc.labelStore();
        ObjectDetectionGeoJSONStore.write(TaskFiles.localPath(store.uri()), merged, classes, CrsTransformer.of(imagery));
        LOG.info("PREDICT scene '{}': {} boxes from {} windows, {} after merging", sc.id(), boxes.size(), windows.size(), merged.size());
    }

    /**
     * Drops boxes scoring below {@code scoreThresh}, then keeps boxes greedily (highest score first,
     * larger first on ties), dropping any box of the same class whose intersection with a kept box
     * exceeds {@code mergeThresh} of the smaller box's area.
     */
    public static List<ScoredBox> merge(List<ScoredBox> boxes, double scoreThresh, double mergeThresh) {
        List<ScoredBox> cand = new ArrayList<>();
        for (ScoredBox b : boxes) if (b.score() >= scoreThresh && b.area() > 0) cand.add(b);
        cand.sort(Comparator.comparingDouble((ScoredBox b) -> -b.score()).thenComparingDouble(b -> -b.area()));
        org.locationtech.jts.index.quadtree.Quadtree kept = new org.locationtech.jts.index.quadtree.Quadtree();
        List<ScoredBox> out = new ArrayList<>();
        for (ScoredBox b : cand) {
            boolean dup = false;
            var env = new org.locationtech.jts.geom.Envelope(b.x(), b.xMax(), b.y(), b.yMax());
            for (Object o : kept.query(env)) {
                ScoredBox k = (ScoredBox) o;
                if (k.classId() != b.classId()) continue;
                double ioa = b.intersectionArea(k) / Math.min(b.area(), k.area());
                if (ioa > mergeThresh) { dup = true; break; }
            }
            if (!dup) {
                out.add(b);
                kept.insert(env, b);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- classification

    private void classification(ChipModel model, SceneConfig sc, RasterSource imagery) throws Exception {
        List<Box> windows = imagery.extent().slidingWindows(chipSz, chipSz, Windows.Edge.PAD);
        List<Cell> cells = new ArrayList<>();
        try (Progress.Task t = progress(sc, windows.size())) {
            for (int b = 0; b < windows.size(); b += batchSz) {
                List<Box> batch = windows.subList(b, Math.min(windows.size(), b + batchSz));
                List<Prediction> preds = predictBatch(model, sc, imagery, batch);
                for (int k = 0; k < batch.size(); k++) {
                    if (!(preds.get(k) instanceof Prediction.ClassScores cs)) {
                        throw new IllegalStateException("chip classification model returned " + preds.get(k).getClass().getSimpleName());
                    }
                    cells.add(new Cell(batch.get(k), cs.argmax(), cs.probs()));
                }
                t.advance(batch.size());
            }
        }
        var store = (ChipClassificationGeoJSONStoreConfig) sc.labelStore();
        ChipClassificationGeoJSONStore.write(TaskFiles.localPath(store.uri()), cells, classes, CrsTransformer.of(imagery));
        LOG.info("PREDICT scene '{}': {} cells", sc.id(), cells.size());
    }
}
