package rv.learn.train;

import org.junit.jupiter.api.Test;
import rv.task.Prediction.ScoredBox;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchLoaderCropTest {

    @Test
    void boxesAreShiftedIntoTheCropAndClippedToIt() {
        List<ScoredBox> in = List.of(
                new ScoredBox(40, 50, 15, 6, 1, 1),   // inside
                new ScoredBox(25, 60, 15, 6, 1, 1),   // 10 of 15 px inside on the left: kept, clipped
                new ScoredBox(20, 60, 15, 6, 1, 1),   // 5 of 15 px inside: dropped
                new ScoredBox(200, 200, 15, 6, 1, 1)); // outside
        List<ScoredBox> out = BatchLoader.clipBoxes(in, 30, 40, 64);
        assertThat(out).containsExactly(new ScoredBox(10, 10, 15, 6, 1, 1), new ScoredBox(0, 20, 10, 6, 1, 1));
    }
}
