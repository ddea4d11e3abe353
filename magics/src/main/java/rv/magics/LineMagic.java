package rv.magics;

import java.util.List;

/** A {@code %name args…} magic: arguments in, a value to display (or null) out. */
@FunctionalInterface
public interface LineMagic {
    Object eval(List<String> args) throws Exception;
}
