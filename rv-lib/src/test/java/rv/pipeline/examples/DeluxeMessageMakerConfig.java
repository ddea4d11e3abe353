package rv.pipeline.examples;

import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;
import rv.pipeline.Validation;

/** Example 3 (the plugin): a message maker with {@code level} exclamation marks. */
@ConfigType("deluxe_message_maker")
public record DeluxeMessageMakerConfig(@Required String greeting, @Required Integer level) implements MessageMakerConfig {

    public static Builder builder() { return new Builder(new DeluxeMessageMakerConfig("hello", 1)); }

    @Override
    public String makeMessage(String name) { return greeting + " " + name + "!".repeat(level); }

    @Override
    public void validateSelf(Validation v) {
        if (level != null && level < 0) v.error("level", "must be >= 0, got " + level);
    }

    public static final class Builder extends ConfigBuilder<DeluxeMessageMakerConfig, Builder> {
        Builder(DeluxeMessageMakerConfig d) { super(d, Builder::new); }
        public Builder greeting(String v) { return set("greeting", v); }
        public Builder level(Integer v) { return set("level", v); }
    }
}
