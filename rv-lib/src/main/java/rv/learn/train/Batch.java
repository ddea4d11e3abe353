package rv.learn.train;

/**
 * One host-side batch: {@code images} n×bands×s×s (normalised), and either {@code classIds} (n) or
 * {@code masks} (n×s×s class ids as unsigned bytes) or {@code boxes} (per chip).
 */
record Batch(int n, int bands, int size, float[] images, int[] classIds, byte[] masks,
             java.util.List<java.util.List<rv.task.Prediction.ScoredBox>> boxes) {}
