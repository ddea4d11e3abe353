package rv.learn.train;

import org.junit.jupiter.api.Test;
import rv.task.Prediction.ScoredBox;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AugmentorTest {
    /** One bright rectangle; after every geometric op, image, mask and box must still agree. */
    @Test
    void geometricOpsMoveImageMaskAndBoxesTogether() {
        int s = 16;
        for (int op = 1; op <= 4; op++) {
            float[] img = new float[s * s];
            byte[] mask = new byte[s * s];
            for (int r = 2; r < 6; r++) for (int c = 3; c < 12; c++) { img[r * s + c] = 1; mask[r * s + c] = 1; }
            List<ScoredBox> boxes = new ArrayList<>(List.of(new ScoredBox(3, 2, 9, 4, 0, 1)));
            Augmentor.geometric(img, 0, 1, s, mask, boxes, op);
            ScoredBox b = boxes.get(0);
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    boolean inBox = c >= b.x() && c < b.xMax() && r >= b.y() && r < b.yMax();
                    assertThat(img[r * s + c] == 1).as("op %d pixel %d,%d box %s", op, r, c, b).isEqualTo(inBox);
                    assertThat(mask[r * s + c] == 1).isEqualTo(inBox);
                }
            }
        }
    }

    @Test
    void unknownAugmentorNamesAreRefusedWithTheKnownList() {
        assertThatThrownBy(() -> new Augmentor(List.of("Flip"))).hasMessageStartingWith("unknown augmentor 'Flip'; rv knows [Blur, GaussNoise");
    }
}
