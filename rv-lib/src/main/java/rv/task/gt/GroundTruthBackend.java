package rv.task.gt;

import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.CrsTransformer;
import rv.core.RvException;
import rv.data.SceneConfig;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.vector.GeoJSONVectorSourceConfig;
import rv.io.AtomicFiles;
import rv.learn.BackendConfig;
import rv.pipeline.ConfigCodec;
import rv.pipeline.PipelineContext;
import rv.task.Backend;
import rv.task.ChipModel;
import rv.task.Prediction;
import rv.task.Prediction.ScoredBox;
import rv.task.RvPipelineConfig;
import rv.task.TaskFiles;
import rv.task.TaskKind;
import rv.task.labels.ChipClassificationLabelSource;
import rv.task.labels.LabelSource;
import rv.task.labels.ObjectDetectionLabelSource;
import rv.task.labels.SegmentationLabelSource;
import rv.task.scene.Scene;
import rv.task.scene.SceneLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The built-in backend whose "model" returns labels as predictions (see {@link GroundTruthBackendConfig}).
 * TRAIN writes only a small marker file; BUNDLE a zip with the pipeline config.
 */
public final class GroundTruthBackend implements Backend {
    public static final String MODEL_FILE = "ground-truth-model.json";

    @Override public String name() { return "ground_truth"; }

    @Override public boolean supports(BackendConfig config) { return config instanceof GroundTruthBackendConfig; }

    @Override
    public void train(RvPipelineConfig config, PipelineContext context) throws Exception {
        Path dir = TaskFiles.localPath(config.trainUri());
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(MODEL_FILE), "{\"backend\": \"ground_truth\", \"task\": \""
                + TaskKind.of(config).id() + "\"}\n");
    }

    @Override
    public ChipModel load(RvPipelineConfig config, PipelineContext context) {
        GroundTruthBackendConfig gt = config.backend() instanceof GroundTruthBackendConfig g ? g : GroundTruthBackendConfig.builder().draft();
        return new Model(config, gt);
    }

    @Override
    public void bundle(RvPipelineConfig config, Path bundleZip, PipelineContext context) throws Exception {
        String json = ConfigCodec.create().write(config);
        AtomicFiles.write(bundleZip, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("pipeline-config.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(MODEL_FILE));
            zip.write("{\"backend\": \"ground_truth\"}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Answers windows with the labels of the window (shifted, jittered as configured). */
    static final class Model implements ChipModel {
        private final RvPipelineConfig config;
        private final GroundTruthBackendConfig gt;
        private final TaskKind task;
        private final ClassConfig classes;
        private final Map<String, LabelSource> sources = new HashMap<>();
        private final SplittableRandom rnd;

        Model(RvPipelineConfig config, GroundTruthBackendConfig gt) {
            this.config = config;
            this.gt = gt;
            this.task = TaskKind.of(config);
            this.classes = config.dataset().classConfig();
            this.rnd = new SplittableRandom(gt.seed() == null ? 0 : gt.seed());
        }

        @Override public boolean needsImagery() { return false; }

        @Override
        public List<Prediction> predict(List<rv.data.raster.Raster> chips) {
            throw new UnsupportedOperationException("the ground-truth model needs to know the windows: call predict(ChipBatch)");
        }

        @Override
        public synchronized List<Prediction> predict(ChipBatch batch) {
            LabelSource src = sources.computeIfAbsent(batch.scene().id(), id -> open(batch.scene()));
            int dx = gt.xShiftPx() == null ? 0 : gt.xShiftPx(), dy = gt.yShiftPx() == null ? 0 : gt.yShiftPx();
            List<Prediction> out = new ArrayList<>();
            for (Box w : batch.windows()) {
                Box from = w.shift(-dx, -dy);
                if (src instanceof SegmentationLabelSource s) {
                    byte[] l = (byte[]) s.labels(from).data();
                    int n = classes.names().size(), plane = l.length;
                    float[] probs = new float[n * plane];
                    for (int i = 0; i < plane; i++) {
                        int c = l[i] & 0xff;
                        if (c < n) probs[c * plane + i] = 1f;
                    }
                    out.add(new Prediction.PixelScores(n, w.height(), w.width(), probs));
                } else if (src instanceof ChipClassificationLabelSource c) {
                    float[] p = new float[classes.names().size()];
                    Integer id = c.classOf(from);
                    if (id == null) {
                        // no cell exactly here: the class covering most of the window
                        double best = 0;
                        for (var cell : c.cellsIn(from)) {
                            double a = cell.box().intersection(from).area();
                            if (a > best) { best = a; id = cell.classId(); }
                        }
                    }
                    if (id != null && id >= 0 && id < p.length) p[id] = 1f;
                    out.add(new Prediction.ClassScores(p));
                } else if (src instanceof ObjectDetectionLabelSource o) {
                    double j = gt.jitterPx() == null ? 0 : gt.jitterPx();
                    List<ScoredBox> boxes = new ArrayList<>();
                    for (ScoredBox b : o.boxesIn(from, 0.5, true)) {
                        double jx = j == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * j;
                        double jy = j == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * j;
                        boxes.add(new ScoredBox(b.x() - from.x() + jx, b.y() - from.y() + jy, b.w(), b.h(), b.classId(), b.score()));
                    }
                    out.add(new Prediction.Boxes(boxes));
                }
            }
            return out;
        }

        private LabelSource open(SceneConfig sc) {
            SceneLoader loader = new SceneLoader(classes);
            if (gt.predictionUri() == null) {
                Scene scene = loader.load(sc, true, false);
                scene.raster().close();
                if (scene.labels() == null) throw new RvException("scene '" + sc.id() + "' has no label source to use as predictions");
                return scene.labels();
            }
            String uri = gt.predictionUri().replace("{scene_id}", sc.id());
            String where = "ground_truth_backend.prediction_uri for scene '" + sc.id() + "'";
            try (RasterSource imagery = loader.openImagery(sc.rasterSource(), "scene '" + sc.id() + "'")) {
                CrsTransformer crs = CrsTransformer.of(imagery);
                if (task == TaskKind.SEMANTIC_SEGMENTATION) {
                    if (!Files.exists(TaskFiles.localPath(uri))) throw new RvException(where + ": " + uri + " does not exist");
                    int nullId = classes.nullClass() == null ? classes.names().size() : classes.classId(classes.nullClass());
                    return new SegmentationLabelSource(RasterSources.open(uri), null, nullId);
                }
                var vs = loader.vectorSource(GeoJSONVectorSourceConfig.builder().uri(uri).draft(), crs, where);
                return task == TaskKind.CHIP_CLASSIFICATION ? ChipClassificationLabelSource.fromFeatures(vs)
                        : ObjectDetectionLabelSource.fromFeatures(vs);
            }
        }

        @Override
        public synchronized void close() {
            sources.values().forEach(LabelSource::close);
            sources.clear();
        }
    }
}
