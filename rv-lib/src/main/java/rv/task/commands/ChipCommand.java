package rv.task.commands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.Colors;
import rv.core.RvException;
import rv.core.Windows;
import rv.core.progress.Progress;
import rv.data.SceneConfig;
import rv.data.raster.Raster;
import rv.pipeline.PipelineContext;
import rv.task.Prediction.ScoredBox;
import rv.task.RvPipelineConfig;
import rv.task.TaskKind;
import rv.task.chips.ChipArchive;
import rv.task.chips.DebugChips;
import rv.task.detection.ObjectDetectionChipOptions;
import rv.task.detection.ObjectDetectionConfig;
import rv.task.detection.ObjectDetectionWindowMethod;
import rv.task.labels.ChipClassificationLabelSource;
import rv.task.labels.ObjectDetectionLabelSource;
import rv.task.labels.SegmentationLabelSource;
import rv.task.scene.Scene;
import rv.task.scene.SceneLoader;
import rv.task.segmentation.SemanticSegmentationChipOptions;
import rv.task.segmentation.SemanticSegmentationConfig;
import rv.task.segmentation.SemanticSegmentationWindowMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * CHIP: turns training and validation scenes into chip archives ({@link ChipArchive}), with Raster
 * Vision 0.12's window methods. Split k of N chips the scenes {@code i} with {@code i mod N == k}
 * into {@code train-k.zip} and {@code valid-k.zip}.
 */
public final class ChipCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ChipCommand.class);

    private final RvPipelineConfig config;
    private final PipelineContext context;
    private final TaskKind task;
    private final ClassConfig classes;
    private final int chipSz;
    private final double nodataThreshold;
    private final int debugChips;
    private String group = "train";
    private int splitInd;

    public ChipCommand(RvPipelineConfig config, PipelineContext context) {
        this.config = config;
        this.context = context;
        this.task = TaskKind.of(config);
        this.classes = config.dataset().classConfig();
        this.chipSz = config.trainChipSz();
        this.nodataThreshold = context == null || context.settings() == null ? 1.0
                : context.settings().get("chip", "nodata_threshold").map(v -> number(v, "nodata_threshold")).orElse(1.0);
        this.debugChips = context == null || context.settings() == null ? 0
                : context.settings().get("chip", "debug_chips").map(v -> (int) number(v, "debug_chips")).orElse(0);
    }

    private static double number(String v, String key) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new RvException("setting chip." + key + " (CHIP_" + key.toUpperCase(java.util.Locale.ROOT) + ") must be a number, got '" + v + "'");
        }
    }

    public void run(int splitInd, int numSplits) throws Exception {
        chipGroup("train", Splits.of(config.dataset().trainScenes(), splitInd, numSplits), splitInd);
        chipGroup("valid", Splits.of(config.dataset().validationScenes(), splitInd, numSplits), splitInd);
    }

    private void chipGroup(String group, List<SceneConfig> scenes, int splitInd) throws Exception {
        this.group = group;
        this.splitInd = splitInd;
        Path zip = ChipArchive.archivePath(config.chipUri(), group, splitInd);
        SceneLoader loader = new SceneLoader(classes);
        try (ChipArchive.Writer w = ChipArchive.create(zip, task.id(), classes.names(), chipSz)) {
            try {
                for (SceneConfig sc : scenes) {
                    try (Scene scene = loader.load(sc, true, true)) {
                        int n = chipScene(scene, w);
                        String msg = "CHIP " + group + " scene '" + sc.id() + "': " + n + " chips";
                        if (n == 0) {
                            LOG.warn("scene '{}' produced no chips (check its AOI, labels and chip options)", sc.id());
                            out("rv: warning: scene '" + sc.id() + "' produced no chips (check its AOI, labels and chip options)");
                        } else {
                            LOG.info(msg);
                        }
                    }
                }
            } catch (Exception | Error e) {
                w.abort();
                throw e;
            }
        }
    }

    private void out(String line) {
        if (context != null && context.out() != null) context.out().println(line);
    }

    /** Chips one scene into the archive; returns the number of chips written. */
    int chipScene(Scene scene, ChipArchive.Writer w) throws Exception {
        List<Box> windows = windows(scene);
        Progress progress = context == null ? Progress.silent() : context.progress();
        int n = 0;
        try (Progress.Task t = progress.start("chip " + scene.id(), windows.size())) {
            for (Box win : windows) {
                Raster img = scene.raster().read(win);
                t.advance(1);
                boolean[] nodata = nodataMask(img, scene.raster().nodata().orElse(0));
                int ndCount = 0;
                for (boolean b : nodata) if (b) ndCount++;
                double nd = nodata.length == 0 ? 0 : (double) ndCount / nodata.length;
                if (nd >= nodataThreshold && nd > 0) continue;
                String id = scene.id() + "-" + n;
                switch (task) {
                    case SEMANTIC_SEGMENTATION -> {
                        SegmentationLabelSource ls = (SegmentationLabelSource) scene.labels();
                        Raster labels = ls.labels(win);
                        if (ndCount > 0) fillNodata(nodata, labels, ls.nullClassId());
                        w.addSegmentation(id, img, labels);
                        if (n < debugChips) {
                            var png = DebugChips.rgb(img);
                            DebugChips.overlayClasses(png, labels, Colors.of(classes));
                            DebugChips.write(debugPath(id), png);
                        }
                    }
                    case CHIP_CLASSIFICATION -> {
                        Integer c = ((ChipClassificationLabelSource) scene.labels()).classOf(win);
                        if (c == null) continue;
                        w.addClassification(id, img, c);
                        if (n < debugChips) DebugChips.write(debugPath(id + "-" + classes.names().get(c)), DebugChips.rgb(img));
                    }
                    case OBJECT_DETECTION -> {
                        ObjectDetectionChipOptions o = ((ObjectDetectionConfig) config).chipOptions();
                        List<ScoredBox> local = new ArrayList<>();
                        for (ScoredBox b : ((ObjectDetectionLabelSource) scene.labels()).boxesIn(win, o.ioaThresh(), true)) {
                            local.add(b.shift(-win.x(), -win.y()));
                        }
                        w.addDetection(id, img, local);
                        if (n < debugChips) {
                            var png = DebugChips.rgb(img);
                            DebugChips.drawBoxes(png, local, Colors.of(classes));
                            DebugChips.write(debugPath(id), png);
                        }
                    }
                }
                n++;
            }
        }
        return n;
    }

    private Path debugPath(String name) {
        return ChipArchive.localPath(config.chipUri()).resolve("debug").resolve(group + "-" + splitInd).resolve(name + ".png");
    }

    /** Raster Vision's {@code fill_no_data}: label pixels whose image pixel is NODATA get the null class. */
    static void fillNodata(boolean[] nodata, Raster labels, int nullClassId) {
        byte[] l = (byte[]) labels.data();
        for (int i = 0; i < nodata.length; i++) if (nodata[i]) l[i] = (byte) nullClassId;
    }

    /** Pixels that equal {@code nodata} in every band (NaN matches NaN); Raster Vision's NODATA is 0 when the image has none. */
    static boolean[] nodataMask(Raster img, double nodata) {
        int plane = img.width() * img.height();
        boolean[] m = new boolean[plane];
        java.util.Arrays.fill(m, true);
        if (img.data() instanceof byte[] d && (img.dataType() == rv.data.raster.DataType.UINT8 && nodata >= 0 && nodata <= 255
                || img.dataType() == rv.data.raster.DataType.INT8 && nodata >= -128 && nodata <= 127)
                && nodata == Math.rint(nodata)) {
            byte v = (byte) (int) nodata;
            for (int b = 0; b < img.bands(); b++) {
                int base = b * plane;
                for (int i = 0; i < plane; i++) if (d[base + i] != v) m[i] = false;
            }
            return m;
        }
        boolean nan = Double.isNaN(nodata);
        for (int b = 0; b < img.bands(); b++) {
            int base = b * plane;
            for (int i = 0; i < plane; i++) {
                if (!m[i]) continue;
                double x = img.getAt(base + i);
                if (nan ? !Double.isNaN(x) : x != nodata) m[i] = false;
            }
        }
        return m;
    }

    /** The training windows of a scene, as Raster Vision 0.12 picks them for the task. */
    List<Box> windows(Scene scene) {
        SplittableRandom rnd = new SplittableRandom(scene.id().hashCode());
        Box extent = scene.extent();
        switch (task) {
            case CHIP_CLASSIFICATION: {
                List<Box> out = new ArrayList<>();
                for (var c : ((ChipClassificationLabelSource) scene.labels()).cells()) {
                    if (scene.inAoi(c.box(), true)) out.add(c.box());
                }
                return out;
            }
            case SEMANTIC_SEGMENTATION:
                return segmentationWindows(scene, ((SemanticSegmentationConfig) config).chipOptions(), rnd);
            default:
                return detectionWindows(scene, ((ObjectDetectionConfig) config).chipOptions(), rnd, extent);
        }
    }

    private List<Box> segmentationWindows(Scene scene, SemanticSegmentationChipOptions co, SplittableRandom rnd) {
        Box extent = scene.extent();
        if (co.windowMethod() == SemanticSegmentationWindowMethod.SLIDING) {
            int stride = co.stride() != null ? co.stride() : (int) Math.round(chipSz / 2.0);
            List<Box> out = new ArrayList<>();
            for (Box b : extent.slidingWindows(chipSz, stride, Windows.Edge.PAD)) if (scene.inAoi(b, true)) out.add(b);
            return out;
        }
        SegmentationLabelSource ls = (SegmentationLabelSource) scene.labels();
        List<Integer> targets = co.targetClassIds();
        if (targets == null || targets.isEmpty()) {
            targets = new ArrayList<>();
            for (int i = 0; i < classes.names().size(); i++) targets.add(i);
        }
        Set<Integer> targetSet = new HashSet<>(targets);
        List<Box> out = new ArrayList<>();
        int attempts = 0, tries = 0;
        int maxTries = Math.max(1000, co.chipsPerScene() * 100);
        while (attempts < co.chipsPerScene()) {
            Box w = extent.randomSquare(chipSz, rnd);
            if (++tries > maxTries) {
                LOG.warn("scene '{}': gave up finding windows inside the AOI after {} tries", scene.id(), maxTries);
                break;
            }
            if (!scene.inAoi(w, true)) continue;
            attempts++;
            if (co.negativeSurvivalProb() >= 1.0) {
                out.add(w);
            } else if (attempts == co.chipsPerScene() && out.isEmpty()) {
                out.add(w); // at least one window per scene, as RV does
            } else {
                boolean positive = enoughTargetPixels(ls.labels(w), co.targetCountThreshold(), targetSet);
                if (positive || rnd.nextDouble() < co.negativeSurvivalProb()) out.add(w);
            }
        }
        return out;
    }

    static boolean enoughTargetPixels(Raster labels, int threshold, Set<Integer> targets) {
        byte[] l = (byte[]) labels.data();
        int count = 0;
        for (byte b : l) if (targets.contains(b & 0xff) && ++count >= threshold) return true;
        return count >= threshold;
    }

    private List<Box> detectionWindows(Scene scene, ObjectDetectionChipOptions co, SplittableRandom rnd, Box extent) {
        ObjectDetectionLabelSource ls = (ObjectDetectionLabelSource) scene.labels();
        if (co.windowMethod() == ObjectDetectionWindowMethod.SLIDING) {
            List<Box> out = new ArrayList<>();
            for (Box b : extent.slidingWindows(chipSz, chipSz, Windows.Edge.PAD)) if (scene.inAoi(b, true)) out.add(b);
            return out;
        }
        List<Box> pos = new ArrayList<>();
        switch (co.windowMethod()) {
            case IMAGE -> pos.add(extent);
            case LABEL -> {
                for (ScoredBox b : ls.boxes()) {
                    pos.add(new Box((int) Math.floor(b.x()), (int) Math.floor(b.y()),
                            (int) Math.ceil(b.xMax()) - (int) Math.floor(b.x()), (int) Math.ceil(b.yMax()) - (int) Math.floor(b.y())));
                }
            }
            default -> {
                Set<ScoredBox> done = new HashSet<>();
                for (ScoredBox b : ls.boxes()) {
                    if (done.contains(b)) continue;
                    if (b.w() > chipSz || b.h() > chipSz) {
                        LOG.warn("scene '{}': label {} is larger than the chip size {}; skipped", scene.id(), b, chipSz);
                        continue;
                    }
                    Box w = randomContainer(b, chipSz, rnd);
                    pos.add(w);
                    done.addAll(ls.boxesIn(w, 1.0, false));
                }
            }
        }
        List<Box> positives = new ArrayList<>();
        for (Box b : pos) if (scene.inAoi(b, true)) positives.add(b);
        int negWanted = (int) (co.negRatio() * positives.size());
        List<Box> negatives = new ArrayList<>();
        int maxAttempts = 100 * negWanted;
        for (int i = 0; i < maxAttempts && negatives.size() < negWanted; i++) {
            Box w = extent.randomSquare(chipSz, rnd);
            if (!scene.inAoi(w, true)) continue;
            if (!ObjectDetectionLabelSource.overlapping(ls.boxes(), w, 0.2, false).isEmpty()) continue;
            Raster img = scene.raster().read(w);
            if (Windows.nodataShare(img, scene.raster().nodata().orElse(0)) >= 1.0) continue;
            negatives.add(w);
        }
        positives.addAll(negatives);
        return positives;
    }

    /** Raster Vision's {@code make_random_square_container}: a random square of {@code size} containing the box. */
    static Box randomContainer(ScoredBox b, int size, SplittableRandom rnd) {
        int x0 = (int) Math.floor(b.x()), y0 = (int) Math.floor(b.y());
        int x1 = (int) Math.ceil(b.xMax()), y1 = (int) Math.ceil(b.yMax());
        int minX = x1 - size, maxX = x0, minY = y1 - size, maxY = y0;
        int x = maxX > minX ? minX + rnd.nextInt(maxX - minX + 1) : x0;
        int y = maxY > minY ? minY + rnd.nextInt(maxY - minY + 1) : y0;
        return new Box(x, y, size, size);
    }
}
