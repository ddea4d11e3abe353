package rv.core;

import java.util.List;
import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Required;

/**
 * The class names being predicted, their colours and the optional null class.
 * <p>JSON {@code type_hint}: {@code "class_config"}.
 */
@ConfigType("class_config")
public record ClassConfig(
        @Required List<String> names,
        List<Object> colors,
        String nullClass) implements Config {

    public ClassConfig {
        names = Copies.list(names);
        colors = Copies.jsonList(colors);
    }

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new ClassConfig(null, null, null));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }


    /** Index of {@code name} in {@link #names()}, or -1. */
    public int classId(String name) { return names.indexOf(name); }

    @Override
    public void validateSelf(rv.pipeline.Validation v) {
        if (nullClass != null && names != null && !names.contains(nullClass)) {
            v.error("null_class", "'" + nullClass + "' must be one of names " + names);
        }
        if (colors != null && names != null && !colors.isEmpty() && colors.size() != names.size()) {
            v.error("colors", "has " + colors.size() + " entries but names has " + names.size());
        }
    }

    /** Fills {@link #colors()} with a fixed palette when none are given (RV picks random colours). */
    public ClassConfig update() {
        if (colors != null && !colors.isEmpty()) return this;
        java.util.List<Object> c = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) c.add(PALETTE.get(i % PALETTE.size()));
        return toBuilder().colors(c).draft();
    }

    /** Adds a class called {@code null} (colour black) when no null class is set, as RV does for segmentation. */
    public ClassConfig ensureNullClass() {
        if (nullClass != null) return this;
        java.util.List<String> n = new java.util.ArrayList<>(names);
        n.add("null");
        java.util.List<Object> c = colors == null ? null : new java.util.ArrayList<>(colors);
        if (c != null) c.add("black");
        return toBuilder().names(n).colors(c).nullClass("null").draft();
    }

    private static final java.util.List<String> PALETTE = java.util.List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    /** Fluent, immutable builder of {@link ClassConfig}. */
    public static final class Builder extends ConfigBuilder<ClassConfig, Builder> {
        private Builder(ClassConfig draft) {
            super(draft, Builder::new);
        }

        /** Names of the classes; a class id is an index into this list. */
        public Builder names(List<String> v) {
            return set("names", v);
        }

        /** Names of the classes; a class id is an index into this list. */
        public Builder names(String... v) {
            return set("names", List.of(v));
        }

        /** Colours used to draw the classes: colour names or RGB triples; filled by update() when empty. */
        public Builder colors(List<Object> v) {
            return set("colors", v);
        }

        /** Name of the class (in names) used for NODATA / unlabelled pixels. */
        public Builder nullClass(String v) {
            return set("nullClass", v);
        }

    }
}
