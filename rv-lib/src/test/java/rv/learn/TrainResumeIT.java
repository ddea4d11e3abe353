package rv.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.learn.train.LearnerSpec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a TRAIN child JVM in the middle of an epoch, reruns it, and checks it resumes and finishes. */
class TrainResumeIT {

    private static Process child(Path zip, Path dir, List<String> out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                TrainChild.class.getName(), zip.toString(), dir.toString(), "3").redirectErrorStream(true).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) out.add(l);
            } catch (Exception ignored) {
                // killed
            }
        });
        t.setDaemon(true);
        t.start();
        return p;
    }

    @Test
    void killedMidEpochThenRerunResumesFromTheCheckpoint(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("train-0.zip");
        Synthetic.segmentation(zip, 128, 64, 3); // epochs of a few seconds even on a quiet machine
        Path dir = tmp.resolve("train");

        List<String> first = java.util.Collections.synchronizedList(new ArrayList<>());
        Process p = child(zip, dir, first);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (first.stream().noneMatch(l -> l.startsWith("epoch 1/3")) && System.nanoTime() < end) {
            assertThat(p.isAlive()).as("child died early: %s", first).isTrue();
            Thread.sleep(100);
        }
        assertThat(first).as("output").anyMatch(l -> l.startsWith("epoch 1/3"));
        Thread.sleep(100); // into epoch 2
        p.destroyForcibly().waitFor();
        assertThat(first).noneMatch(l -> l.startsWith("epoch 2/3"));
        JsonNode state = new ObjectMapper().readTree(dir.resolve("checkpoint/state.json").toFile());
        assertThat(state.path("epochs_done").asInt()).isEqualTo(1);
        assertThat(dir.resolve("model")).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        List<String> second = java.util.Collections.synchronizedList(new ArrayList<>());
        Process q = child(zip, dir, second);
        assertThat(q.waitFor(300, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(q.exitValue()).as("rerun output %s", second).isZero();
        assertThat(second).contains("resuming training after epoch 1 of 3 (checkpoint " + dir.resolve("checkpoint") + ")");
        assertThat(second).noneMatch(l -> l.startsWith("epoch 1/3")).anyMatch(l -> l.startsWith("epoch 2/3"))
                .anyMatch(l -> l.startsWith("epoch 3/3")).contains("TRAIN DONE");
        JsonNode hist = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
        assertThat(hist.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) assertThat(hist.get(i).path("epoch").asInt()).isEqualTo(i);
        assertThat(Files.readAllLines(dir.resolve("log.csv"))).hasSize(4);
        assertThat(dir.resolve("model")).isRegularFile();

        // The same training without the kill: the resumed run (weights, optimizer state, schedule) ends
        // with the same parameters.
        Path straight = tmp.resolve("straight");
        List<String> third = java.util.Collections.synchronizedList(new ArrayList<>());
        Process r = child(zip, straight, third);
        assertThat(r.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(r.exitValue()).as("straight run output %s", third).isZero();
        LearnerSpec spec = LearnerSpec.read(dir.resolve("learner.json"));
        double diff = ResumeOptimizerStateTest.maxAbsDiff(spec, straight.resolve("model"), dir.resolve("model"));
        System.out.printf("killed + resumed vs straight: max parameter difference %.3g%n", diff);
        assertThat(diff).isLessThanOrEqualTo(1e-6);
    }
}
