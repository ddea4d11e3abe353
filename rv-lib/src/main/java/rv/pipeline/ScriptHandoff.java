package rv.pipeline;

import java.util.Map;

/**
 * Passes values between {@link ConfigSources} and a JShell config script running in this JVM (JShell's
 * local execution engine shares our class loader as parent). Not for other use.
 */
public final class ScriptHandoff {
    private ScriptHandoff() {}

    public static volatile String runner;
    public static volatile Map<String, String> args;
    public static volatile Object value;
}
