package rv.data.label;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.data.vector.VectorSourceConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * Chip classification labels: a grid of cells, given or inferred from polygons.
 * <p>JSON {@code type_hint}: {@code "chip_classification_label_source"}.
 */
@ConfigType("chip_classification_label_source")
public record ChipClassificationLabelSourceConfig(
        @Required VectorSourceConfig vectorSource,
        Double ioaThresh,
        @Required Boolean useIntersectionOverCell,
        @Required Boolean pickMinClassId,
        Integer backgroundClassId,
        @Required Boolean inferCells,
        Integer cellSz) implements LabelSourceConfig {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ChipClassificationLabelSourceConfig(null, null, false, false, null, false, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public ChipClassificationLabelSourceConfig update(UpdateContext pipeline, SceneConfig scene) {
        if (cellSz != null || pipeline == null || pipeline.trainChipSz() == null) return this;
        return toBuilder().cellSz(pipeline.trainChipSz()).draft();
    }

    /** Fluent, immutable builder of {@link ChipClassificationLabelSourceConfig}. */
    public static final class Builder extends ConfigBuilder<ChipClassificationLabelSourceConfig, Builder> {
        private Builder(ChipClassificationLabelSourceConfig draft) {
            super(draft, Builder::new);
        }

        /** Cells or polygons. */
        public Builder vectorSource(VectorSourceConfig v) {
            return set("vectorSource", v);
        }

        /** Minimum IOA of a polygon and a cell for the polygon to set the cell class. */
        public Builder ioaThresh(Double v) {
            return set("ioaThresh", v);
        }

        /** Use the cell area as IOA denominator instead of the polygon area. */
        public Builder useIntersectionOverCell(Boolean v) {
            return set("useIntersectionOverCell", v);
        }

        /** Use the minimum class id of the boxes in a cell instead of the largest-area one. */
        public Builder pickMinClassId(Boolean v) {
            return set("pickMinClassId", v);
        }

        /** Class id of cells with no polygon; null leaves them unlabelled. */
        public Builder backgroundClassId(Integer v) {
            return set("backgroundClassId", v);
        }

        /** Infer a grid of cells of cell_sz from arbitrary polygons. */
        public Builder inferCells(Boolean v) {
            return set("inferCells", v);
        }

        /** Cell size in pixels; filled by update() with the pipeline train_chip_sz. */
        public Builder cellSz(Integer v) {
            return set("cellSz", v);
        }

    }
}
