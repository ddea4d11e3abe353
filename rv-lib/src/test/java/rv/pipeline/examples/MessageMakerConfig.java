package rv.pipeline.examples;

import rv.pipeline.Config;

/** Example 2: the configurable part that makes messages; plugins (Example 3) add subtypes. */
public interface MessageMakerConfig extends Config {
    String greeting();

    /** The message for {@code name}. */
    default String makeMessage(String name) { return greeting() + " " + name + "!"; }
}
