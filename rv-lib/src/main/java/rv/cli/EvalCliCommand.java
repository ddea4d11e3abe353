package rv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rv.core.Aoi;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.CrsTransformer;
import rv.core.RvException;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.RasterizedSource;
import rv.data.raster.RasterizerOptions;
import rv.data.vector.Feature;
import rv.data.vector.GeoJsonReader;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.VectorSourceOptions;
import rv.eval.Evaluation;
import rv.eval.Evaluators;
import rv.io.AtomicFiles;
import rv.task.TaskKind;
import rv.task.labels.ChipClassificationGeoJSONStore;
import rv.task.labels.ObjectDetectionGeoJSONStore;
import rv.task.labels.SegmentationLabelSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rv eval}: scores predictions made anywhere against labels with rv's evaluators, writing
 * Raster Vision's eval.json.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score predictions against ground truth with rv's evaluators; prints or writes Raster Vision's eval.json.",
                "semantic_segmentation: class GeoTIFFs (or GeoJSON polygons, rasterized on --image's grid, background 0);",
                "chip_classification: GeoJSON cells; object_detection: GeoJSON boxes (both placed on --image's grid)."})
final class EvalCliCommand implements Callable<Integer> {

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "semantic_segmentation, chip_classification or object_detection.")
    String task;

    @Option(names = "--gt", required = true, paramLabel = "URI", description = "Ground truth: class GeoTIFF or GeoJSON.")
    String gt;

    @Option(names = "--pred", required = true, paramLabel = "URI", description = "Predictions: class GeoTIFF or GeoJSON.")
    String pred;

    @Option(names = "--image", paramLabel = "URI", description = "Image whose pixel grid the labels live on (needed for GeoJSON inputs unless --gt is a GeoTIFF).")
    String image;

    @Option(names = "--aoi", paramLabel = "URI", description = "GeoJSON area of interest; only labels inside count (repeatable).")
    List<String> aoi = new ArrayList<>();

    @Option(names = "--classes", split = ",", paramLabel = "NAMES",
            description = "Class names; class ids are their positions (default: class_0, class_1, … up to the largest id found).")
    List<String> classes;

    @Option(names = "--out", paramLabel = "eval.json", description = "Write here (atomically) instead of printing.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TaskKind kind = TaskKind.parse(task);
        List<RasterSource> open = new ArrayList<>();
        try {
            RasterSource grid = gridSource(open);
            CrsTransformer crs = CrsTransformer.of(grid);
            Aoi area = aoi.isEmpty() ? null : GeoJsonVectorSource.loadAoi(aoi.stream().map(EvalCliCommand::existing).toList(), crs);
            List<String> names = classes != null ? classes : defaultNames(kind, open);
            ClassConfig cc = ClassConfig.builder().names(names).build();
            Evaluation e = switch (kind) {
                case SEMANTIC_SEGMENTATION -> {
                    SegmentationLabelSource g = segmentation(gt, grid, names, open);
                    SegmentationLabelSource p = segmentation(pred, grid, names, open);
                    if (g.width() != p.width() || g.height() != p.height()) {
                        throw new RvException("--gt is " + g.width() + "x" + g.height() + " but --pred is " + p.width() + "x" + p.height() + "; they must share a grid");
                    }
                    yield Evaluators.segmentation(names, g, p, area);
                }
                case CHIP_CLASSIFICATION -> Evaluators.chipClassification(names,
                        ChipClassificationGeoJSONStore.read(existing(gt), cc, crs), ChipClassificationGeoJSONStore.read(existing(pred), cc, crs), area);
                case OBJECT_DETECTION -> Evaluators.objectDetection(names,
                        ObjectDetectionGeoJSONStore.read(existing(gt), cc, crs), ObjectDetectionGeoJSONStore.read(existing(pred), cc, crs), area);
            };
            String sceneId = stem(gt);
            Map<String, Evaluation> per = new LinkedHashMap<>();
            per.put(sceneId, e);
            ObjectNode report = Evaluation.report(e, per);
            String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
            if (out == null) {
                System.out.print(json);
            } else {
                AtomicFiles.writeString(out, json);
                for (JsonNode item : report.get("overall")) {
                    System.out.printf("%-16s gt %8.0f  pred %8.0f  precision %s  recall %s  f1 %s%n", item.get("class_name").asText(),
                            item.get("gt_count").asDouble(), item.get("pred_count").asDouble(),
                            num(item.get("precision")), num(item.get("recall")), num(item.get("f1")));
                }
                System.out.println("wrote " + out);
            }
            return 0;
        } finally {
            open.forEach(RasterSource::close);
        }
    }

    private static String num(JsonNode n) { return n == null || n.isNull() ? "   -  " : String.format("%.4f", n.asDouble()); }

    private RasterSource gridSource(List<RasterSource> open) {
        String uri = image != null ? image : isTiff(gt) ? gt : null;
        if (uri == null) throw new RvException("--image is needed to place GeoJSON labels on a pixel grid (or give --gt as a GeoTIFF)");
        existing(uri);
        RasterSource s = RasterSources.open(uri);
        open.add(s);
        return s;
    }

    private SegmentationLabelSource segmentation(String uri, RasterSource grid, List<String> names, List<RasterSource> open) {
        Path p = existing(uri);
        int nullId = names.indexOf("null") >= 0 ? names.indexOf("null") : names.size();
        if (isTiff(uri)) {
            RasterSource s = RasterSources.open(uri);
            open.add(s);
            return new SegmentationLabelSource(s, null, nullId);
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) ids.put(names.get(i), i);
        var vs = new GeoJsonVectorSource(p, new VectorSourceOptions(null, null, ids, null, null, null, false, true), CrsTransformer.of(grid));
        return new SegmentationLabelSource(RasterizedSource.like(grid, vs, new RasterizerOptions(0, false)), null, nullId);
    }

    private List<String> defaultNames(TaskKind kind, List<RasterSource> open) {
        int max = 0;
        if (kind == TaskKind.SEMANTIC_SEGMENTATION) {
            for (String uri : List.of(gt, pred)) {
                if (!isTiff(uri)) continue;
                try (RasterSource s = RasterSources.open(uri)) {
                    for (Box b : s.extent().slidingWindows(1024, 1024, rv.core.Windows.Edge.PAD)) {
                        var r = s.read(b.intersection(s.extent()), new int[] {0});
                        for (int i = 0; i < r.width() * r.height(); i++) max = Math.max(max, (int) r.getAt(i));
                    }
                }
            }
        } else {
            for (String uri : List.of(gt, pred)) {
                for (Feature f : GeoJsonReader.read(existing(uri)).features()) {
                    if (f.properties().get("class_id") instanceof Number n) max = Math.max(max, n.intValue());
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= max; i++) names.add("class_" + i);
        return names;
    }

    private static boolean isTiff(String uri) {
        try (InputStream in = Files.newInputStream(existing(uri))) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && ((h[0] == 'I' && h[1] == 'I') || (h[0] == 'M' && h[1] == 'M'));
        } catch (IOException e) {
            throw new RvException("cannot read " + uri + ": " + e.getMessage());
        }
    }

    private static Path existing(String uri) {
        Path p = rv.task.TaskFiles.localPath(uri);
        if (!Files.exists(p)) throw new RvException(uri + " does not exist");
        return p;
    }

    private static String stem(String uri) {
        String n = Path.of(uri).getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

}
