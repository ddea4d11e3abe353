package rv.pipeline;

/**
 * A configuration value: an immutable record annotated with {@link ConfigType} whose components are
 * its fields (snake_case in JSON). Configs are data; they never do I/O themselves. Polymorphic fields
 * (an interface such as {@code RasterSourceConfig}) are resolved through {@link ConfigRegistry} by the
 * JSON {@code type_hint}, never by Jackson default typing.
 */
public interface Config {

    /** The Raster Vision {@code type_hint} of this config's type. */
    default String typeHint() {
        return ConfigRegistry.typeHintOf(getClass());
    }

    /**
     * Checks rules that go beyond "required fields are present" (ranges, allowed values, cross-field
     * rules). Report problems with {@link Validation#error}; the field path is added by the caller.
     */
    default void validateSelf(Validation v) {}
}
