package rv.data.demo;

/**
 * What {@link DemoSceneGenerator} makes.
 *
 * @param size   width and height of each scene in pixels (0.3 m each)
 * @param seed   random seed; the same seed gives byte-identical files
 * @param scenes number of scenes
 */
public record DemoOptions(int size, long seed, int scenes) {
    public DemoOptions {
        if (size < 64 || size > 20000) throw new IllegalArgumentException("--size must be between 64 and 20000 pixels, got " + size);
        if (scenes < 1 || scenes > 100) throw new IllegalArgumentException("--scenes must be between 1 and 100, got " + scenes);
    }

    public static DemoOptions defaults() { return new DemoOptions(1200, 42, 2); }
}
