package rv.data.label;

import java.util.List;
import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;
import rv.pipeline.Uris;

/**
 * Semantic segmentation predictions stored as a class GeoTIFF, optionally vectorised.
 * <p>JSON {@code type_hint}: {@code "semantic_segmentation_label_store"}.
 */
@ConfigType("semantic_segmentation_label_store")
public record SemanticSegmentationLabelStoreConfig(
        String uri,
        @Required List<VectorOutputConfig> vectorOutput,
        @Required Boolean rgb) implements LabelStoreConfig {

    public SemanticSegmentationLabelStoreConfig {
        vectorOutput = Copies.list(vectorOutput);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new SemanticSegmentationLabelStoreConfig(null, List.of(), false));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    @Override
    public SemanticSegmentationLabelStoreConfig update(UpdateContext pipeline, SceneConfig scene) {
        String u = uri;
        if (u == null && pipeline != null && scene != null && pipeline.predictUri() != null) {
            u = Uris.join(pipeline.predictUri(), scene.id() + ".tif");
        }
        List<VectorOutputConfig> vo = null;
        if (vectorOutput != null) {
            vo = new java.util.ArrayList<>();
            for (VectorOutputConfig x : vectorOutput) vo.add(x == null ? null : x.update(pipeline, scene));
        }
        return new SemanticSegmentationLabelStoreConfig(u, vo, rgb);
    }

    /** Fluent, immutable builder of {@link SemanticSegmentationLabelStoreConfig}. */
    public static final class Builder extends ConfigBuilder<SemanticSegmentationLabelStoreConfig, Builder> {
        private Builder(SemanticSegmentationLabelStoreConfig draft) {
            super(draft, Builder::new);
        }

        /** GeoTIFF of predicted classes; filled by update() as <predict_uri>/<scene id>.tif. */
        public Builder uri(String v) {
            return set("uri", v);
        }

        /** Vectorised outputs to write as well. */
        public Builder vectorOutput(List<VectorOutputConfig> v) {
            return set("vectorOutput", v);
        }

        /** Vectorised outputs to write as well. */
        public Builder vectorOutput(VectorOutputConfig... v) {
            return set("vectorOutput", List.of(v));
        }

        /** Write class colours (RGB) instead of class ids. */
        public Builder rgb(Boolean v) {
            return set("rgb", v);
        }

    }
}
