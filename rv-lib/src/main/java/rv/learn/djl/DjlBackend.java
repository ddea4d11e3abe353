package rv.learn.djl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.RvException;
import rv.learn.Backbone;
import rv.learn.BackendConfig;
import rv.learn.ModelConfig;
import rv.learn.PyTorchBackendConfig;
import rv.learn.PyTorchChipClassificationConfig;
import rv.learn.PyTorchSemanticSegmentationConfig;
import rv.learn.SolverConfig;
import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;
import rv.pipeline.ConfigCodec;
import rv.pipeline.PipelineContext;
import rv.task.Backend;
import rv.task.ChipModel;
import rv.task.RvPipelineConfig;
import rv.task.chips.ChipArchive;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DJL (PyTorch engine) backend for the {@code pytorch_chip_classification_backend} and
 * {@code pytorch_semantic_segmentation_backend} and {@code pytorch_object_detection_backend} configs. Settings (rv profile or environment):
 * {@code RV_SEED} (default 0), {@code RV_NUM_WORKERS} loader threads (default 2),
 * {@code RV_OPTIMIZER} adam|adamw|sgd (default adam, as Raster Vision), {@code RV_TRAIN_CROP} (segmentation:
 * train on random crops of this many pixels, a multiple of 32; default 0 = whole chips). Each may also
 * be a system property {@code rv.seed}, {@code rv.num_workers}, …; {@code RV_VALID_CHIPS}: validate on at
 * most this many chips per epoch (default 0 = all).
 */
public final class DjlBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(DjlBackend.class);

    @Override public String name() { return "djl"; }

    @Override
    public boolean supports(BackendConfig config) {
        return config instanceof PyTorchChipClassificationConfig || config instanceof PyTorchSemanticSegmentationConfig
                || config instanceof rv.learn.PyTorchObjectDetectionConfig;
    }

    /** The learner spec of a pipeline (normalisation still unset). */
    static LearnerSpec spec(RvPipelineConfig config, PipelineContext ctx) {
        BackendConfig b = config.backend();
        LearnerSpec.Task task;
        if (b instanceof PyTorchChipClassificationConfig) task = LearnerSpec.Task.CLASSIFICATION;
        else if (b instanceof PyTorchSemanticSegmentationConfig) task = LearnerSpec.Task.SEGMENTATION;
        else if (b instanceof rv.learn.PyTorchObjectDetectionConfig) task = LearnerSpec.Task.DETECTION;
        else throw new RvException("the DJL backend does not run " + b.getClass().getSimpleName());
        PyTorchBackendConfig c = (PyTorchBackendConfig) b;
        ModelConfig model = c.model();
        Backbone backbone = model.backbone();
        double width = model.widthMult() == null ? 1.0 : model.widthMult();
        String init = model.initWeights();
        boolean pretrained = Boolean.TRUE.equals(model.pretrained());
        String pretrainedUri = model.pretrainedUri();
        List<Object> rare = c.rareClasses();
        Double desired = c.desiredProb();
        SolverConfig solver = c.solver();
        List<String> augmentors = c.augmentors();
        boolean testMode = Boolean.TRUE.equals(c.testMode());
        boolean hasInit = init != null && !init.isBlank();
        boolean hasPretrained = pretrainedUri != null && !pretrainedUri.isBlank();
        if (hasInit && pretrained && hasPretrained) LOG.info("init_weights {} supersedes pretrained_uri {}", init, pretrainedUri);
        if (!hasInit && pretrained && !hasPretrained) {
            LOG.warn("pretrained=true without pretrained_uri: rv ships no ImageNet weights and fetches none, so the backbone"
                    + " starts from random weights. Set model.pretrained_uri to a backbone weights file, or model.init_weights.");
        }
        String backboneUri = !hasInit && pretrained && hasPretrained ? pretrainedUri : null;
        String seed = setting(ctx, "SEED", "0");
        String opt = setting(ctx, "OPTIMIZER", "adam");
        int epochs = testMode ? solver.testNumEpochs() : solver.numEpochs();
        int batch = testMode ? solver.testBatchSz() : solver.batchSz();
        // Segmentation chips mark pixels without labels (outside the scene or AOI) with the null class: ignored by the loss.
        var classes = config.dataset().classConfig();
        int ignore = task == LearnerSpec.Task.SEGMENTATION && classes.nullClass() != null ? classes.classId(classes.nullClass()) : -1;
        return new LearnerSpec(task, backbone, width, classes.names(), 0, 0, new float[0], new float[0],
                ignore, solver.lr(), epochs, batch, solver.oneCycle(), solver.multiStage(), opt, augmentors,
                Long.parseLong(seed), testMode, false, solver.overfitNumSteps(), init,
                task == LearnerSpec.Task.SEGMENTATION ? Integer.parseInt(setting(ctx, "TRAIN_CROP", "0")) : 0)
                .withWeights(hasInit ? init : null, backboneUri)
                .withOversampling(classIds(rare, classes.names()), desired == null ? 0 : desired);
    }

    /** Class ids of {@code rare_classes} entries (ids or names). */
    static List<Integer> classIds(List<Object> rare, List<String> names) {
        if (rare == null) return List.of();
        List<Integer> ids = new java.util.ArrayList<>();
        for (Object o : rare) {
            int id;
            if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                id = n.intValue();
            } else if (o instanceof String name && names.contains(name)) {
                id = names.indexOf(name);
            } else if (o instanceof String name && name.matches("\\d+")) {
                id = Integer.parseInt(name);
            } else {
                throw new RvException("rare_classes entry '" + o + "' is neither a class id nor one of the class names " + names);
            }
            if (id < 0 || id >= names.size()) {
                throw new RvException("rare_classes entry " + o + " is not a class id; ids run from 0 to " + (names.size() - 1) + " " + names);
            }
            ids.add(id);
        }
        return ids;
    }

    private static String setting(PipelineContext ctx, String key, String dflt) {
        String env = System.getenv("RV_" + key);
        if (env != null) return env;
        String prop = System.getProperty("rv." + key.toLowerCase());
        if (prop != null) return prop;
        if (ctx != null && ctx.settings() != null) return ctx.settings().get("RV", key).orElse(dflt);
        return dflt;
    }

    @Override
    public void train(RvPipelineConfig config, PipelineContext context) throws Exception {
        LearnerSpec spec = spec(config, context);
        List<Path> trainZips = ChipArchive.trainArchives(config.chipUri());
        if (trainZips.isEmpty()) throw new RvException("no train-*.zip chip archives under " + config.chipUri() + "; run CHIP first");
        ChipData train = ChipData.load(trainZips, spec.task());
        ChipData valid = ChipData.load(ChipArchive.validArchives(config.chipUri()), spec.task());
        float[][] norm = train.normalisation();
        spec = spec.withData(train.bands(), train.chipSize(), norm[0], norm[1]);
        int workers = Integer.parseInt(setting(context, "NUM_WORKERS", "2"));
        java.io.PrintStream out = context != null && context.out() != null ? context.out() : System.out;
        out.println("TRAIN: " + train.size() + " training chips, " + valid.size() + " validation chips, "
                + spec.backbone().name().toLowerCase() + " x" + spec.widthMult() + " on " + rv.learn.engine.Engines.device());
        if (spec.trainCrop() % 32 != 0 || spec.trainCrop() < 0) {
            throw new RvException("setting train_crop (RV_TRAIN_CROP) must be a positive multiple of 32, got " + spec.trainCrop());
        }
        int validChips = Integer.parseInt(setting(context, "VALID_CHIPS", "0"));
        new TrainLoop(spec, train, valid, ChipArchive.localPath(config.trainUri()), workers, out::println)
                .validLimit(validChips).run();
    }

    @Override
    public ChipModel load(RvPipelineConfig config, PipelineContext context) throws Exception {
        Path dir = ChipArchive.localPath(config.trainUri());
        Path model = dir.resolve(TrainLoop.MODEL_FILE);
        if (!Files.isRegularFile(model)) throw new RvException("no trained model at " + model + "; run TRAIN first");
        LearnerSpec spec = LearnerSpec.read(dir.resolve(TrainLoop.SPEC_FILE));
        try (InputStream in = Files.newInputStream(model)) {
            return new DjlChipModel(spec, in, model.toString());
        }
    }

    @Override
    public void bundle(RvPipelineConfig config, Path bundleZip, PipelineContext context) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        ConfigCodec codec = ConfigCodec.create();
        texts.put(ModelBundle.PIPELINE_CONFIG, codec.write(config));
        texts.put(ModelBundle.CLASS_CONFIG, codec.write(config.dataset().classConfig()));
        Path stats = ChipArchive.localPath(config.analyzeUri()).resolve("stats.json");
        if (Files.isRegularFile(stats)) texts.put(ModelBundle.STATS, Files.readString(stats));
        ModelBundle.write(bundleZip, ChipArchive.localPath(config.trainUri()), texts);
    }
}
