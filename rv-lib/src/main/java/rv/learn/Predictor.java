package rv.learn;

import rv.analyze.RasterStats;
import rv.analyze.StatsAnalyzer;
import rv.analyze.StatsAnalyzerOptions;
import rv.core.RvException;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationGeoJSONStoreConfig;
import rv.data.label.LabelStoreConfig;
import rv.data.label.ObjectDetectionGeoJSONStoreConfig;
import rv.data.label.SemanticSegmentationLabelStoreConfig;
import rv.data.label.VectorOutputConfig;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterTransformerConfig;
import rv.data.raster.RasterioSourceConfig;
import rv.data.raster.StatsTransformerConfig;
import rv.learn.djl.DjlChipModel;
import rv.learn.djl.ModelBundle;
import rv.pipeline.ConfigCodec;
import rv.pipeline.PipelineContext;
import rv.task.RvPipelineConfig;
import rv.task.commands.PredictCommand;
import rv.task.scene.SceneLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a model bundle on new imagery: load once, {@link #predict} many images. Each image is read and
 * transformed like the pipeline's scenes (same raster source options, the bundle's channel statistics
 * unless {@code updateStats}), predicted with PREDICT's windowing and stitching, and written with the
 * pipeline's label store (a class GeoTIFF + vector outputs, or GeoJSON).
 *
 * <pre>{@code
 * try (Predictor p = Predictor.load(Path.of("model-bundle.zip"), null, false)) {
 *     p.predict("new-scene.tif", "out/new-scene.tif");
 * }
 * }</pre>
 */
public final class Predictor implements AutoCloseable {
    private final ModelBundle.Contents bundle;
    private final RvPipelineConfig config;
    private final DjlChipModel model;
    private final List<Integer> channelOrder;
    private final boolean updateStats;
    private final PipelineContext context;

    private Predictor(ModelBundle.Contents bundle, RvPipelineConfig config, DjlChipModel model, List<Integer> channelOrder,
                      boolean updateStats, PipelineContext context) {
        this.bundle = bundle;
        this.config = config;
        this.model = model;
        this.channelOrder = channelOrder;
        this.updateStats = updateStats;
        this.context = context;
    }

    /** Unpacks {@code bundleZip} into a temporary folder and loads its model. */
    public static Predictor load(Path bundleZip, int[] channelOrder, boolean updateStats) throws IOException {
        return load(bundleZip, channelOrder, updateStats, null);
    }

    /** As {@link #load(Path, int[], boolean)}, with a pipeline context for settings and progress (may be null). */
    public static Predictor load(Path bundleZip, int[] channelOrder, boolean updateStats, PipelineContext context) throws IOException {
        Path dir = Files.createTempDirectory("rv-bundle-");
        ModelBundle.Contents c = ModelBundle.extract(bundleZip, dir);
        String json = c.texts().get(ModelBundle.PIPELINE_CONFIG);
        if (json == null) throw new RvException("model bundle " + bundleZip + " lacks " + ModelBundle.PIPELINE_CONFIG);
        RvPipelineConfig config = ConfigCodec.create().read(json, RvPipelineConfig.class);
        ModelBundle.checkChannelOrder(channelOrder, c.spec());
        DjlChipModel model = c.loadModel();
        List<Integer> order = channelOrder == null ? null : Arrays.stream(channelOrder).boxed().toList();
        return new Predictor(c, config, model, order, updateStats, context);
    }

    /** The pipeline config stored in the bundle. */
    public RvPipelineConfig config() { return config; }

    /** Predicts {@code imageUri} and writes the labels to {@code labelUri}. */
    public void predict(String imageUri, String labelUri) throws Exception {
        SceneConfig template = template();
        if (!(template.rasterSource() instanceof RasterioSourceConfig rs)) {
            throw new RvException("the bundle's scenes use " + template.rasterSource().getClass().getSimpleName()
                    + "; the Predictor supports rasterio_source imagery");
        }
        RasterioSourceConfig src = rs.toBuilder().uris(List.of(imageUri)).draft();
        if (channelOrder != null) src = src.toBuilder().channelOrder(channelOrder).draft();
        List<RasterTransformerConfig> ts = new ArrayList<>();
        for (RasterTransformerConfig t : src.transformers()) {
            ts.add(t instanceof StatsTransformerConfig ? StatsTransformerConfig.builder().statsUri(statsFor(src).toString()).build() : t);
        }
        src = src.toBuilder().transformers(ts).build();
        String id = Path.of(labelUri).getFileName().toString().replaceFirst("\\.[^.]+$", "");
        SceneConfig scene = SceneConfig.builder().id(id).rasterSource(src).labelSource(template.labelSource())
                .labelStore(store(template.labelStore(), labelUri, id)).draft();
        Path parent = Path.of(labelUri).toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new PredictCommand(config, context).predictScene(model, scene);
    }

    private SceneConfig template() {
        List<SceneConfig> scenes = new ArrayList<>(config.dataset().validationScenes());
        scenes.addAll(config.dataset().testScenes());
        scenes.addAll(config.dataset().trainScenes());
        for (SceneConfig s : scenes) if (s.labelStore() != null) return s;
        if (scenes.isEmpty()) throw new RvException("the bundle's pipeline config has no scenes to take raster options from");
        return scenes.get(0);
    }

    private Path statsFor(RasterioSourceConfig src) throws IOException {
        Path bundled = bundle.dir().resolve(ModelBundle.STATS);
        if (!updateStats) {
            if (!Files.isRegularFile(bundled)) throw new RvException("the model bundle has no stats.json; use --update-stats to compute them from the image");
            return bundled;
        }
        Path out = bundle.dir().resolve("stats-" + Integer.toHexString(src.uris().hashCode()) + ".json");
        SceneLoader loader = new SceneLoader(config.dataset().classConfig());
        try (RasterSource r = loader.openImagery(src.toBuilder().transformers(List.of()).draft(), "image " + src.uris().get(0))) {
            RasterStats stats = StatsAnalyzer.compute(List.of(r), StatsAnalyzerOptions.sliding());
            stats.save(out);
        }
        return out;
    }

    private static LabelStoreConfig store(LabelStoreConfig template, String labelUri, String id) {
        if (template instanceof SemanticSegmentationLabelStoreConfig s) {
            String stem = labelUri.replaceFirst("\\.[^./]+$", "");
            List<VectorOutputConfig> vo = new ArrayList<>();
            for (VectorOutputConfig v : s.vectorOutput()) vo.add(v.withUri(stem + "-" + v.classId() + "-" + v.mode() + ".json"));
            return new SemanticSegmentationLabelStoreConfig(labelUri, vo, s.rgb());
        }
        if (template instanceof ChipClassificationGeoJSONStoreConfig) return ChipClassificationGeoJSONStoreConfig.builder().uri(labelUri).build();
        if (template instanceof ObjectDetectionGeoJSONStoreConfig) return ObjectDetectionGeoJSONStoreConfig.builder().uri(labelUri).build();
        return SemanticSegmentationLabelStoreConfig.builder().uri(labelUri).build();
    }

    @Override
    public void close() {
        model.close();
        try (var s = Files.walk(bundle.dir())) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
