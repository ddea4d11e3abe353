package rv.learn.train;

import ai.djl.training.tracker.Tracker;

import java.util.List;

/**
 * Learning rate per step, as Raster Vision's learner sets it: a one-cycle schedule (PyTorch's
 * OneCycleLR: 30 % cosine warm-up from lr/25 to lr, then cosine annealing to lr/25e4) when
 * {@code one_cycle}, else a constant lr divided by 10 at each epoch listed in {@code multi_stage}.
 */
record Schedule(double lr, int stepsPerEpoch, int numEpochs, boolean oneCycle, List<Integer> multiStage,
                int offset) implements Tracker {

    /** The lr at global step {@code step} (0-based). */
    double at(int step) {
        int total = Math.max(1, stepsPerEpoch * numEpochs);
        if (oneCycle) {
            double warm = 0.3 * total;
            double start = lr / 25, end = start / 1e4;
            if (step < warm) return cos(start, lr, step / warm);
            return cos(lr, end, Math.min(1, (step - warm) / Math.max(1, total - warm)));
        }
        int epoch = step / Math.max(1, stepsPerEpoch);
        double v = lr;
        for (int e : multiStage) if (epoch >= e) v /= 10;
        return v;
    }

    private static double cos(double from, double to, double pct) {
        return to + (from - to) / 2 * (Math.cos(Math.PI * pct) + 1);
    }

    /** DJL counts updates from 1 per parameter; {@code offset} is the steps done before a resume. */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) at(Math.max(0, numUpdate - 1) + offset);
    }
}
