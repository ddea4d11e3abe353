package rv.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -a KEY VALUE} (repeatable): arguments passed to a config file's {@code getConfig}. */
final class ConfigArgOptions {
    @Option(names = {"-a", "--arg"}, arity = "2", paramLabel = "KEY VALUE", hideParamSyntax = true,
            description = "Argument passed to getConfig(runner, args) of a .jsh/.java config; repeatable.")
    List<String> pairs = new ArrayList<>();

    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            String key = pairs.get(i);
            if (key.isBlank() || key.startsWith("-")) {
                throw new rv.core.RvException("-a " + key + ": expected -a KEY VALUE with a KEY that is a name, got '" + key + "'");
            }
            if (m.put(key, pairs.get(i + 1)) != null) throw new rv.core.RvException("-a " + key + " is given twice");
        }
        return m;
    }
}
