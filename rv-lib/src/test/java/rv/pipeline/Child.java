package rv.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/** The rv CLI as a child JVM with this JVM's class path; its merged output is collected line by line. */
final class Child {
    final Process process;
    final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    Child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(LocalRunner.javaExecutable(), "-cp", System.getProperty("java.class.path"), "rv.cli.Main"));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    all.add(l);
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits until a line equal to {@code line} appears (or fails after {@code seconds}). */
    void awaitLine(String line, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String l = lines.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (line.equals(l)) return;
        }
        throw new AssertionError("no line '" + line + "' within " + seconds + " s; output: " + all);
    }
}
