package rv.pipeline.examples;

import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Required;

/** Example 2's MessageMakerConfig: {@code greeting name!}. */
@ConfigType("message_maker")
public record BasicMessageMakerConfig(@Required String greeting) implements MessageMakerConfig {

    public static Builder builder() { return new Builder(new BasicMessageMakerConfig("hello")); }

    public static final class Builder extends ConfigBuilder<BasicMessageMakerConfig, Builder> {
        Builder(BasicMessageMakerConfig d) { super(d, Builder::new); }
        public Builder greeting(String v) { return set("greeting", v); }
    }
}
