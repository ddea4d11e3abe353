package rv.data.label;

import rv.data.SceneConfig;
import rv.data.UpdateContext;
import rv.pipeline.Config;

/** Config of vectorised semantic segmentation predictions (polygons or buildings) of one class. */
public interface VectorOutputConfig extends Config {
    String uri();
    Integer classId();
    Integer denoise();

    /** The vectorisation mode, part of the default output file name ({@code polygons}, {@code buildings}). */
    String mode();

    VectorOutputConfig withUri(String uri);

    /** Fills the URI: {@code <root_uri>/predict/<scene>-<class_id>-<mode>.json} (RV 0.12 layout). */
    default VectorOutputConfig update(UpdateContext pipeline, SceneConfig scene) {
        if (uri() != null || pipeline == null || scene == null || pipeline.rootUri() == null) return this;
        return withUri(rv.pipeline.Uris.join(pipeline.rootUri(), "predict", scene.id() + "-" + classId() + "-" + mode() + ".json"));
    }
}
