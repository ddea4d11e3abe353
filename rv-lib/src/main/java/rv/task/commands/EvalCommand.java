package rv.task.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.RvException;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationGeoJSONStoreConfig;
import rv.data.label.ObjectDetectionGeoJSONStoreConfig;
import rv.data.label.SemanticSegmentationLabelStoreConfig;
import rv.data.label.VectorOutputConfig;
import rv.data.raster.RasterizedSource;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.PixelFeature;
import rv.eval.ChipClassificationEvaluatorConfig;
import rv.eval.EvaluatorConfig;
import rv.eval.Evaluation;
import rv.eval.Evaluators;
import rv.eval.ObjectDetectionEvaluatorConfig;
import rv.eval.SemanticSegmentationEvaluatorConfig;
import rv.io.AtomicFiles;
import rv.task.RvPipelineConfig;
import rv.task.TaskFiles;
import rv.task.labels.ChipClassificationGeoJSONStore;
import rv.task.labels.ChipClassificationLabelSource;
import rv.task.labels.Masks;
import rv.task.labels.ObjectDetectionGeoJSONStore;
import rv.task.labels.ObjectDetectionLabelSource;
import rv.task.labels.SegmentationLabelSource;
import rv.task.labels.SegmentationLabelStore;
import rv.task.scene.Scene;
import rv.task.scene.SceneLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EVAL: scores the predictions of every validation / test scene against its labels with each
 * configured evaluator and writes Raster Vision's {@code eval.json} ({@code overall} + {@code per_scene});
 * semantic segmentation with vector outputs also writes {@code vector-eval.json} (polygons matched at IoU ≥ 0.5).
 */
public final class EvalCommand {
    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final RvPipelineConfig config;
    private final ClassConfig classes;

    public EvalCommand(RvPipelineConfig config) {
        this.config = config;
        this.classes = config.dataset().classConfig();
    }

    public void run(List<SceneConfig> scenes) throws Exception {
        for (EvaluatorConfig e : config.evaluators()) {
            if (e.outputUri() == null) throw new RvException("evaluator " + e.getClass().getSimpleName() + " has no output_uri; run update()");
            Map<String, Evaluation> perScene = new LinkedHashMap<>();
            Map<String, Evaluation> vectorPerScene = new LinkedHashMap<>();
            Set<Integer> vectorClasses = new LinkedHashSet<>();
            SceneLoader loader = new SceneLoader(classes);
            for (SceneConfig sc : scenes) {
                try (Scene scene = loader.load(sc, true, false)) {
                    perScene.put(sc.id(), evaluate(e, scene));
                    if (e instanceof SemanticSegmentationEvaluatorConfig && sc.labelStore() instanceof SemanticSegmentationLabelStoreConfig st
                            && st.vectorOutput() != null && !st.vectorOutput().isEmpty()) {
                        vectorPerScene.put(sc.id(), vectorEvaluation(scene, st, vectorClasses));
                    }
                }
            }
            write(e.outputUri(), report(perScene, null));
            LOG.info("EVAL: wrote {}", e.outputUri());
            if (e instanceof SemanticSegmentationEvaluatorConfig s && !vectorPerScene.isEmpty() && s.vectorOutputUri() != null) {
                write(s.vectorOutputUri(), report(vectorPerScene, vectorClasses));
            }
        }
    }

    private Evaluation evaluate(EvaluatorConfig e, Scene scene) {
        SceneConfig sc = scene.config();
        if (e instanceof SemanticSegmentationEvaluatorConfig) {
            var st = store(sc, SemanticSegmentationLabelStoreConfig.class);
            try (SegmentationLabelSource pred = SegmentationLabelStore.read(st, classes)) {
                return Evaluators.segmentation(classes.names(), (SegmentationLabelSource) scene.labels(), pred, scene.aoi());
            }
        }
        if (e instanceof ChipClassificationEvaluatorConfig) {
            var st = store(sc, ChipClassificationGeoJSONStoreConfig.class);
            ChipClassificationLabelSource pred = ChipClassificationGeoJSONStore.read(TaskFiles.localPath(st.uri()), classes, scene.crs());
            return Evaluators.chipClassification(classes.names(), (ChipClassificationLabelSource) scene.labels(), pred, scene.aoi());
        }
        if (e instanceof ObjectDetectionEvaluatorConfig) {
            var st = store(sc, ObjectDetectionGeoJSONStoreConfig.class);
            ObjectDetectionLabelSource pred = ObjectDetectionGeoJSONStore.read(TaskFiles.localPath(st.uri()), classes, scene.crs());
            return Evaluators.objectDetection(classes.names(), (ObjectDetectionLabelSource) scene.labels(), pred, scene.aoi());
        }
        throw new RvException("evaluator " + e.getClass().getSimpleName() + " is not supported");
    }

    private <T> T store(SceneConfig sc, Class<T> type) {
        if (!type.isInstance(sc.labelStore())) {
            throw new RvException("scene '" + sc.id() + "': label_store must be a " + type.getSimpleName() + " for this evaluator");
        }
        T st = type.cast(sc.labelStore());
        String uri = st instanceof rv.data.label.LabelStoreConfig l ? l.uri() : null;
        if (uri == null || !Files.exists(TaskFiles.localPath(uri))) {
            throw new RvException("scene '" + sc.id() + "': predictions " + uri + " do not exist; run PREDICT first");
        }
        return st;
    }

    /** Polygons of each vector output vs the ground truth's polygons of its class, per class. */
    private Evaluation vectorEvaluation(Scene scene, SemanticSegmentationLabelStoreConfig st, Set<Integer> vectorClasses) {
        int n = classes.names().size();
        double[] tp = new double[n], fp = new double[n], fn = new double[n];
        SegmentationLabelSource gt = (SegmentationLabelSource) scene.labels();
        for (VectorOutputConfig vo : st.vectorOutput()) {
            int k = vo.classId();
            vectorClasses.add(k);
            List<Geometry> g = gtPolygons(gt, k);
            Path p = TaskFiles.localPath(vo.uri());
            if (!Files.exists(p)) throw new RvException("scene '" + scene.id() + "': vector output " + p + " does not exist; run PREDICT first");
            var opts = new rv.data.vector.VectorSourceOptions(k, null, null, null, null, null, false, true);
            List<Geometry> pr = new ArrayList<>();
            for (PixelFeature f : new GeoJsonVectorSource(p, opts, scene.crs()).pixelFeatures()) pr.add(f.geometry());
            Evaluation e = Evaluators.polygons(classes.names().get(k), g, pr, scene.aoi());
            tp[k] += e.truePos(0);
            fp[k] += e.predCount(0) - e.truePos(0);
            fn[k] += e.gtCount(0) - e.truePos(0);
        }
        return Evaluation.ofDetections(classes.names(), tp, fp, fn);
    }

    /** Ground-truth polygons of a class: the vector labels when the labels are rasterized vectors, else the class raster vectorised. */
    private static List<Geometry> gtPolygons(SegmentationLabelSource gt, int classId) {
        List<Geometry> out = new ArrayList<>();
        if (gt.raster() instanceof RasterizedSource rs) {
            for (PixelFeature f : rs.vectorSource().pixelFeatures()) if (f.classId() == classId) out.add(f.geometry());
            return out;
        }
        int w = gt.width(), h = gt.height();
        byte[] ids = (byte[]) gt.labels(new Box(0, 0, w, h)).data();
        boolean[] m = new boolean[ids.length];
        for (int i = 0; i < ids.length; i++) m[i] = (ids[i] & 0xff) == classId;
        out.addAll(Masks.polygons(m, w, h, new org.locationtech.jts.geom.GeometryFactory()));
        return out;
    }

    /** eval.json; with {@code onlyClasses} the per-class items are restricted to those class ids. */
    static ObjectNode report(Map<String, Evaluation> perScene, Set<Integer> onlyClasses) {
        Evaluation overall = null;
        for (Evaluation e : perScene.values()) overall = overall == null ? e : overall.merge(e);
        if (overall == null) throw new RvException("no scenes to evaluate (the pipeline has no validation or test scenes)");
        ObjectNode r = Evaluation.report(overall, perScene);
        if (onlyClasses != null) {
            filter((ArrayNode) r.get("overall"), onlyClasses);
            r.get("per_scene").forEach(a -> filter((ArrayNode) a, onlyClasses));
        }
        return r;
    }

    private static void filter(ArrayNode items, Set<Integer> keep) {
        for (int i = items.size() - 1; i >= 0; i--) {
            int id = items.get(i).path("class_id").asInt();
            if (id >= 0 && !keep.contains(id)) items.remove(i);
        }
    }

    static void write(String uri, ObjectNode json) throws java.io.IOException {
        AtomicFiles.writeString(TaskFiles.localPath(uri), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }
}
