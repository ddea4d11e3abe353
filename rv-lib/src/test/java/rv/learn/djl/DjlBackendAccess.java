package rv.learn.djl;

import java.util.List;

/** Opens package-private helpers of {@link DjlBackend} to tests in other packages. */
public final class DjlBackendAccess {
    private DjlBackendAccess() {}

    public static List<Integer> classIds(List<Object> rare, List<String> names) {
        return DjlBackend.classIds(rare, names);
    }
}
