package rv.learn.train;

import rv.core.RvException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Rare-class oversampling ({@code rare_classes}, {@code desired_prob}): an epoch draws as many chips as
 * there are, with replacement, each one containing a rare class with probability {@code desiredProb}
 * (uniform among those chips) and otherwise one without (uniform among the rest) — Raster Vision's
 * weighted random sampler. Draws are a function of (seed, epoch), so runs are reproducible.
 */
public final class RareClassSampler {
    private final int[] rare;
    private final int[] common;
    private final double desiredProb;

    /**
     * Splits {@code candidates} (chip indexes of {@code data}) into chips with and without a class of
     * {@code rareClasses}.
     */
    public RareClassSampler(ChipData data, List<Integer> candidates, Set<Integer> rareClasses, double desiredProb) {
        if (!(desiredProb >= 0 && desiredProb <= 1)) {
            throw new RvException("desired_prob must be between 0 and 1, got " + desiredProb);
        }
        List<Integer> r = new ArrayList<>(), c = new ArrayList<>();
        for (int i : candidates) (data.contains(i, rareClasses) ? r : c).add(i);
        if (r.isEmpty()) {
            throw new RvException("rare_classes " + rareClasses + ": none of the " + candidates.size()
                    + " training chips contains one of these classes; check the class ids or drop rare_classes");
        }
        this.rare = r.stream().mapToInt(Integer::intValue).toArray();
        this.common = c.stream().mapToInt(Integer::intValue).toArray();
        this.desiredProb = common.length == 0 ? 1 : desiredProb;
    }

    /** Chips that contain a rare class. */
    public int rareCount() { return rare.length; }

    /** Chips that do not. */
    public int commonCount() { return common.length; }

    /** The {@code n} chip indexes drawn for {@code epoch}. */
    public List<Integer> epoch(long seed, int epoch, int n) {
        Random rnd = new Random(seed * 0x2545F4914F6CDD1DL + epoch * 1_000_003L + 17);
        List<Integer> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int[] pool = rnd.nextDouble() < desiredProb ? rare : common;
            out.add(pool[rnd.nextInt(pool.length)]);
        }
        return out;
    }
}
