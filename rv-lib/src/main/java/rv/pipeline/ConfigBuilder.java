package rv.pipeline;

import java.util.function.Function;

/**
 * Base of every config's fluent, immutable builder: each setter returns a new builder holding a
 * changed draft; {@link #build()} validates the draft (required fields, ranges) and returns it.
 *
 * @param <C> the config record
 * @param <B> the concrete builder type (so setters chain)
 */
public abstract class ConfigBuilder<C extends Record & Config, B extends ConfigBuilder<C, B>> {
    private final C draft;
    private final Function<C, B> factory;

    protected ConfigBuilder(C draft, Function<C, B> factory) {
        this.draft = draft;
        this.factory = factory;
    }

    /** Returns a builder whose draft has {@code component} (Java camelCase name) set to {@code value}. */
    protected B set(String component, Object value) {
        return factory.apply(Records.with(draft, component, value));
    }

    /** The unvalidated config built so far (also the source of defaults when reading JSON). */
    public C draft() { return draft; }

    /** Validates and returns the config; throws {@link ConfigException} naming the field path. */
    public C build() { return Validation.check(draft); }
}
