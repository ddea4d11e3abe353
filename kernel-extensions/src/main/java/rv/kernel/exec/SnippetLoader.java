package rv.kernel.exec;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads JShell's snippet classes and the jars added at run time into one class loader that the kernel
 * can see, so renderers and extensions found in added jars meet the same classes as user code.
 */
final class SnippetLoader implements LoaderDelegate {

    /** Parent-first loader over the added jars, plus the snippet class bytes JShell hands over. */
    static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> definitions = new ConcurrentHashMap<>();

        Loader(ClassLoader parent) {
            super("rv-kernel-snippets", new URL[0], parent);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = definitions.get(name);
            if (bytes != null) return defineClass(name, bytes, 0, bytes.length);
            return super.findClass(name);
        }

        void add(URL url) {
            addURL(url);
        }
    }

    private final Loader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final List<Path> added = new ArrayList<>();

    SnippetLoader(ClassLoader parent) {
        this.loader = new Loader(parent);
    }

    ClassLoader classLoader() {
        return loader;
    }

    synchronized List<Path> addedPaths() {
        return List.copyOf(added);
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) loader.definitions.put(c.name(), c.bytecodes());
        for (int i = 0; i < classes.length; i++) {
            try {
                loaded.put(classes[i].name(), loader.loadClass(classes[i].name()));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("could not load " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) loader.definitions.put(c.name(), c.bytecodes());
    }

    @Override
    public void addToClasspath(String classpath) throws InternalException {
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) continue;
            try {
                Path p = Path.of(entry).toAbsolutePath().normalize();
                loader.add(p.toUri().toURL());
                synchronized (this) {
                    added.add(p);
                }
            } catch (MalformedURLException | RuntimeException e) {
                throw new InternalException("bad classpath entry '" + entry + "': " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        return c != null ? c : loader.loadClass(name);
    }
}
