package rv.pipeline;

import rv.core.RvException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raster Vision settings: INI profile files in {@code ~/.rv/} (or {@code RV_CONFIG_DIR}), one file per
 * profile ({@code default}, or the one named by {@code --profile} / {@code RV_PROFILE}), then the file
 * named by {@code RV_CONFIG}, then environment variables {@code SECTION_KEY}, each overriding the
 * previous. Temporary files go under {@code --tmpdir}, else {@code TMPDIR}, else {@code java.io.tmpdir}.
 *
 * @param profile the profile used
 * @param tmpRoot root of temporary folders
 * @param values  settings from files, keyed {@code SECTION_KEY} in upper case
 * @param env     the environment that overrides them
 */
public record RvSettings(String profile, Path tmpRoot, Map<String, String> values, Map<String, String> env) {

    public RvSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** Settings from the real environment and home folder. */
    public static RvSettings load(String profileOption, String tmpdirOption) {
        return load(profileOption, tmpdirOption, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Settings from {@code env} and {@code home} (testable). */
    public static RvSettings load(String profileOption, String tmpdirOption, Map<String, String> env, Path home) {
        Path dir = env.containsKey("RV_CONFIG_DIR") ? Path.of(env.get("RV_CONFIG_DIR")) : home.resolve(".rv");
        String profile = profileOption != null ? profileOption : env.getOrDefault("RV_PROFILE", "default");
        Map<String, String> values = new LinkedHashMap<>();
        Path profileFile = dir.resolve(profile);
        if (Files.isRegularFile(profileFile)) {
            values.putAll(readIni(profileFile));
        } else if (!profile.equals("default")) {
            throw new RvException("RV profile '" + profile + "' not found: no file " + profileFile
                    + " (profiles are INI files in " + dir + ", set RV_CONFIG_DIR to use another folder)");
        }
        if (env.containsKey("RV_CONFIG")) {
            Path f = Path.of(env.get("RV_CONFIG"));
            if (!Files.isRegularFile(f)) throw new RvException("RV_CONFIG names " + f + ", which is not a file");
            values.putAll(readIni(f));
        }
        String tmp = tmpdirOption != null ? tmpdirOption
                : env.getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir"));
        return new RvSettings(profile, Path.of(tmp), values, env);
    }

    /** The value of {@code key} in {@code section}: the environment's {@code SECTION_KEY} wins over files. */
    public Optional<String> get(String section, String key) {
        String k = (section + "_" + key).toUpperCase(Locale.ROOT);
        if (env.containsKey(k)) return Optional.of(env.get(k));
        return Optional.ofNullable(values.get(k));
    }

    /** Parses {@code [SECTION]} headers and {@code key = value} lines; {@code #} and {@code ;} start comments. */
    static Map<String, String> readIni(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        String section = null;
        int lineNo = 0;
        try {
            for (String raw : Files.readAllLines(file)) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1).strip();
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) eq = line.indexOf(':');
                if (eq <= 0 || section == null) {
                    throw new RvException(file + ":" + lineNo + ": expected '[SECTION]' or 'key = value', got '" + line + "'");
                }
                out.put((section + "_" + line.substring(0, eq).strip()).toUpperCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        } catch (IOException e) {
            throw new RvException("cannot read RV settings file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
