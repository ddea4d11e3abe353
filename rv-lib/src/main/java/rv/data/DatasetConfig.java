package rv.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import rv.core.ClassConfig;
import rv.data.label.LabelStoreConfig;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * The scenes for training, validation and (optionally) testing, and their classes.
 * <p>JSON {@code type_hint}: {@code "dataset"}.
 */
@ConfigType("dataset")
public record DatasetConfig(
        @Required ClassConfig classConfig,
        @Required List<SceneConfig> trainScenes,
        @Required List<SceneConfig> validationScenes,
        List<SceneConfig> testScenes) implements Config {

    public DatasetConfig {
        trainScenes = Copies.list(trainScenes);
        validationScenes = Copies.list(validationScenes);
        testScenes = Copies.list(testScenes);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new DatasetConfig(null, null, null, List.of()));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    /** Every scene: train, then validation, then test. */
    public List<SceneConfig> allScenes() {
        List<SceneConfig> all = new ArrayList<>();
        if (trainScenes != null) all.addAll(trainScenes);
        if (validationScenes != null) all.addAll(validationScenes);
        if (testScenes != null) all.addAll(testScenes);
        return all;
    }

    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (SceneConfig s : allScenes()) {
            if (s != null && s.id() != null && !ids.add(s.id())) v.error(null, "scene id '" + s.id() + "' is used twice");
        }
    }

    /** Updates the class config and every scene; {@code defaultStore} gives a scene without a store its task default. */
    public DatasetConfig update(UpdateContext pipeline, Function<SceneConfig, LabelStoreConfig> defaultStore) {
        return new DatasetConfig(classConfig == null ? null : classConfig.update(),
                updateAll(trainScenes, pipeline, defaultStore),
                updateAll(validationScenes, pipeline, defaultStore),
                updateAll(testScenes, pipeline, defaultStore));
    }

    private static List<SceneConfig> updateAll(List<SceneConfig> scenes, UpdateContext p, Function<SceneConfig, LabelStoreConfig> d) {
        if (scenes == null) return null;
        List<SceneConfig> out = new ArrayList<>();
        for (SceneConfig s : scenes) out.add(s == null ? null : s.update(p, d.apply(s)));
        return out;
    }

    /** Fluent, immutable builder of {@link DatasetConfig}. */
    public static final class Builder extends ConfigBuilder<DatasetConfig, Builder> {
        private Builder(DatasetConfig draft) {
            super(draft, Builder::new);
        }

        /** The classes. */
        public Builder classConfig(ClassConfig v) {
            return set("classConfig", v);
        }

        /** Scenes to train on. */
        public Builder trainScenes(List<SceneConfig> v) {
            return set("trainScenes", v);
        }

        /** Scenes to train on. */
        public Builder trainScenes(SceneConfig... v) {
            return set("trainScenes", List.of(v));
        }

        /** Scenes to validate and evaluate on. */
        public Builder validationScenes(List<SceneConfig> v) {
            return set("validationScenes", v);
        }

        /** Scenes to validate and evaluate on. */
        public Builder validationScenes(SceneConfig... v) {
            return set("validationScenes", List.of(v));
        }

        /** Held-out test scenes. */
        public Builder testScenes(List<SceneConfig> v) {
            return set("testScenes", v);
        }

        /** Held-out test scenes. */
        public Builder testScenes(SceneConfig... v) {
            return set("testScenes", List.of(v));
        }

    }
}
