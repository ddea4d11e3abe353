package rv.data.raster;

import rv.pipeline.Config;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/**
 * How vector labels are burned into a class raster.
 * <p>JSON {@code type_hint}: {@code "rasterizer"}.
 */
@ConfigType("rasterizer")
public record RasterizerConfig(
        @Required Integer backgroundClassId,
        @Required Boolean allTouched) implements Config {

    /** A builder with Raster Vision's defaults. */
    public static Builder builder() {
        return new Builder(new RasterizerConfig(null, false));
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent, immutable builder of {@link RasterizerConfig}. */
    public static final class Builder extends ConfigBuilder<RasterizerConfig, Builder> {
        private Builder(RasterizerConfig draft) {
            super(draft, Builder::new);
        }

        /** Class id of pixels not covered by any polygon. */
        public Builder backgroundClassId(Integer v) {
            return set("backgroundClassId", v);
        }

        /** Burn every pixel a geometry touches, not only those whose centre is inside. */
        public Builder allTouched(Boolean v) {
            return set("allTouched", v);
        }

    }
}
