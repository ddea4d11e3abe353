package rv.task;

import rv.core.RvException;
import rv.task.chips.ChipArchive;
import rv.task.classification.ChipClassificationConfig;
import rv.task.detection.ObjectDetectionConfig;
import rv.task.segmentation.SemanticSegmentationConfig;

/** The three Raster Vision tasks. */
public enum TaskKind {
    CHIP_CLASSIFICATION(ChipArchive.CHIP_CLASSIFICATION),
    SEMANTIC_SEGMENTATION(ChipArchive.SEMANTIC_SEGMENTATION),
    OBJECT_DETECTION(ChipArchive.OBJECT_DETECTION);

    private final String id;

    TaskKind(String id) { this.id = id; }

    /** {@code chip_classification}, {@code semantic_segmentation} or {@code object_detection}. */
    public String id() { return id; }

    public static TaskKind of(RvPipelineConfig c) {
        if (c instanceof ChipClassificationConfig) return CHIP_CLASSIFICATION;
        if (c instanceof SemanticSegmentationConfig) return SEMANTIC_SEGMENTATION;
        if (c instanceof ObjectDetectionConfig) return OBJECT_DETECTION;
        throw new RvException("unknown Raster Vision pipeline " + c.getClass().getSimpleName());
    }

    public static TaskKind parse(String s) {
        for (TaskKind k : values()) if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) return k;
        throw new RvException("unknown task '" + s + "' (use semantic_segmentation, chip_classification or object_detection)");
    }
}
