package rv.pipeline;

import rv.core.RvException;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code -a KEY VALUE} arguments handed to a config file's {@code getConfig(runner, args)}. A
 * read-only map whose {@link #get} fails with a clear message when the config asks for an argument
 * that was not given; use {@link #getOrDefault} for optional ones.
 */
public final class ConfigArgs extends AbstractMap<String, String> {
    private final Map<String, String> values;

    public ConfigArgs(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public String get(Object key) {
        String v = values.get(key);
        if (v == null) {
            throw new RvException("the config needs argument '" + key + "': pass -a " + key + " VALUE"
                    + (values.isEmpty() ? "" : " (given: " + String.join(", ", values.keySet()) + ")"));
        }
        return v;
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) { return values.containsKey(key); }

    @Override
    public Set<Entry<String, String>> entrySet() { return values.entrySet(); }
}
