package rv.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import rv.viz.Displays;

/**
 * rv's notebook extension for JJava-based kernels (rv's kernel, JJava): rich renderers for rv values,
 * the {@code %rv} magics, and live displays. Listed in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, so kernels install it on start or
 * when its jar is added with {@code %jars}.
 */
public final class RvExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        JJavaBridge.install(kernel);
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        Displays.uninstall();
    }
}
