package rv.learn;

import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;

import java.nio.file.Path;
import java.util.List;

/** TRAIN in a child JVM (for the kill-and-resume test): args chip zip, train folder, epochs. */
public final class TrainChild {
    public static void main(String[] args) throws Exception {
        ChipData d = ChipData.load(List.of(Path.of(args[0])), LearnerSpec.Task.SEGMENTATION);
        LearnerSpec spec = TrainLoopTest.spec(LearnerSpec.Task.SEGMENTATION, Integer.parseInt(args[2]), 1e-3)
                .withData(3, 64, new float[3], new float[] {255, 255, 255});
        new TrainLoop(spec, d, d, Path.of(args[1]), 1, line -> {
            System.out.println(line);
            System.out.flush();
        }).run();
        System.out.println("TRAIN DONE");
    }
}
