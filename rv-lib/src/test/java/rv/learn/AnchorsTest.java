package rv.learn;

import org.junit.jupiter.api.Test;
import rv.learn.model.Anchors;
import rv.task.Prediction.ScoredBox;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnchorsTest {
    static final int[][] FEATS = {{16, 16}, {8, 8}};

    @Test
    void anchorsTileTheImageLevelByLevel() {
        float[] a = Anchors.generate(64, 64, FEATS);
        assertThat(a.length / 4).isEqualTo((256 + 64) * Anchors.PER_CELL);
        // first anchor: centre of cell (0, 0) at stride 4, a lying car-sized box
        assertThat(new float[] {a[0], a[1], a[2], a[3]}).containsExactly(2f, 2f, 15f, 6.5f);
        // first anchor of the stride-8 level
        int l1 = 256 * Anchors.PER_CELL * 4;
        assertThat(new float[] {a[l1], a[l1 + 1]}).containsExactly(4f, 4f);
    }

    @Test
    void everyCarSizedBoxHasAGoodAnchorWherever() {
        float[] a = Anchors.generate(64, 64, FEATS);
        for (double dx = 0; dx < 4; dx += 0.5) {
            for (double dy = 0; dy < 4; dy += 0.5) {
                for (ScoredBox car : List.of(new ScoredBox(20 + dx, 30 + dy, 15, 6.5, 0, 1), new ScoredBox(30 + dx, 20 + dy, 6.5, 15, 0, 1))) {
                    // anchors at IoU >= 0.4 for any position: at least one positive without the best-anchor fallback
                    assertThat(Anchors.match(a, List.of(car), 0.4).positives()).as("car at %s", car).isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void matchedBoxesDecodeBackToTheTruth() {
        float[] a = Anchors.generate(64, 64, FEATS);
        ScoredBox car = new ScoredBox(20, 30, 14, 7, 1, 1);
        Anchors.Targets t = Anchors.match(a, List.of(car), 0.5);
        assertThat(t.positives()).isGreaterThanOrEqualTo(1);
        int n = a.length / 4;
        float[] probs = new float[n * 3];
        for (int i = 0; i < n; i++) {
            probs[i * 3] = t.labels()[i] == 0 ? 1 : 0;
            probs[i * 3 + 2] = t.labels()[i] == 2 ? 0.9f : 0;
        }
        List<ScoredBox> found = Anchors.detect(a, probs, t.box(), 2, 0.5, 0.45, 10, 64, 64);
        assertThat(found).hasSize(1); // all positives decode to the same box; NMS keeps one
        ScoredBox f = found.get(0);
        assertThat(f.classId()).isEqualTo(1);
        assertThat(f.x()).isCloseTo(20, within(1e-3));
        assertThat(f.y()).isCloseTo(30, within(1e-3));
        assertThat(f.w()).isCloseTo(14, within(1e-3));
        assertThat(f.h()).isCloseTo(7, within(1e-3));
    }

    @Test
    void everyTruthBoxGetsAnAnchorEvenWithLowOverlap() {
        float[] a = Anchors.generate(64, 64, FEATS);
        ScoredBox tiny = new ScoredBox(10, 10, 3, 3, 0, 1); // IoU with any anchor < 0.5
        Anchors.Targets t = Anchors.match(a, List.of(tiny), 0.5);
        assertThat(t.positives()).isEqualTo(1);
    }

    @Test
    void hardNegativeMiningKeepsTheWorstNegatives() {
        int[] labels = {0, 1, 0, 0, 0, 0};
        float[] loss = {0.1f, 9, 0.9f, 0.3f, 0.8f, 0.2f};
        float[] mask = Anchors.mineNegatives(labels, loss, 1, 3, 0);
        assertThat(mask).containsExactly(0, 1, 1, 1, 1, 0);
    }

    @Test
    void nmsDropsOverlapsOfLowerScore() {
        List<ScoredBox> kept = Anchors.nms(List.of(new ScoredBox(0, 0, 10, 10, 0, 0.6), new ScoredBox(1, 1, 10, 10, 0, 0.9),
                new ScoredBox(30, 30, 10, 10, 0, 0.5)), 0.45);
        assertThat(kept).extracting(ScoredBox::score).containsExactly(0.9, 0.5);
    }
}
