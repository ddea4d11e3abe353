package rv.magics;

import java.util.List;

/** A {@code %%name args…} cell magic: the arguments of its first line and the cell body. */
@FunctionalInterface
public interface CellMagic {
    Object eval(List<String> args, String body) throws Exception;
}
