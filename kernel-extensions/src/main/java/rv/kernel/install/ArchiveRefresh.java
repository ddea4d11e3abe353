package rv.kernel.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the kernelspec's class-data archive in step with the jar: when the jar was rebuilt after
 * {@code install}, the JVM silently ignores the archive and starts slower, so the running kernel
 * writes a fresh one in the background for the next start.
 */
public final class ArchiveRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRefresh.class);
    private static final String FLAG = "-XX:SharedArchiveFile=";

    private ArchiveRefresh() {}

    /** Checks this JVM's {@code -XX:SharedArchiveFile}; if stale, rewrites it a few seconds from now. */
    public static void scheduleIfStale() {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<Path> archive = jvmArgs.stream().filter(a -> a.startsWith(FLAG))
                .map(a -> Path.of(a.substring(FLAG.length()))).findFirst();
        if (archive.isEmpty()) return;
        Path jar;
        try {
            jar = KernelSpecs.jarPath();
        } catch (RuntimeException notFromJar) {
            return;
        }
        if (!isStale(archive.get(), jar)) return;
        List<String> options = jvmArgs.stream()
                .filter(a -> !a.startsWith(FLAG) && !a.startsWith("-Xlog:cds")).toList();
        // After the first cells: the training run costs a couple of CPU seconds.
        CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS).execute(() -> refresh(options, jar, archive.get()));
    }

    /** The archive is older than the kernel jar or one of its libraries. */
    static boolean isStale(Path archive, Path jar) {
        try {
            if (!Files.isRegularFile(archive)) return true;
            long built = Files.getLastModifiedTime(jar).toMillis();
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
                    for (Path j : jars) built = Math.max(built, Files.getLastModifiedTime(j).toMillis());
                }
            }
            return Files.getLastModifiedTime(archive).toMillis() < built;
        } catch (IOException e) {
            return false;
        }
    }

    private static void refresh(List<String> options, Path jar, Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            String failure = KernelSpecs.trainArchive(options, jar, tmp);
            if (failure == null) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("refreshed the class-data archive {}", archive);
            } else {
                LOG.debug("could not refresh {}: {}", archive, failure);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not refresh {}: {}", archive, e.toString());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
