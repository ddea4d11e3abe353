package rv.cli;

import picocli.CommandLine.Option;
import rv.pipeline.RvSettings;

/** The RV settings options shared by pipeline commands ({@code -p/--profile}, {@code --tmpdir}). */
final class SettingsOptions {
    @Option(names = {"-p", "--profile"}, paramLabel = "NAME",
            description = "RV settings profile: a file in ~/.rv/ (or $RV_CONFIG_DIR); default $RV_PROFILE or 'default'.")
    String profile;

    @Option(names = "--tmpdir", paramLabel = "DIR", description = "Root of temporary folders (default $TMPDIR).")
    String tmpdir;

    RvSettings load() {
        return RvSettings.load(profile, tmpdir);
    }
}
