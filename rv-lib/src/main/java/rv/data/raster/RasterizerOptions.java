package rv.data.raster;

/**
 * How vector labels become a class raster (Raster Vision's {@code RasterizerConfig}).
 *
 * @param backgroundClassId value of pixels no geometry covers (0–255)
 * @param allTouched        burn every pixel a geometry touches, not only those whose centre is inside
 */
public record RasterizerOptions(int backgroundClassId, boolean allTouched) {
    public RasterizerOptions {
        if (backgroundClassId < 0 || backgroundClassId > 255) {
            throw new IllegalArgumentException("background_class_id must be 0-255 for a uint8 class raster, got " + backgroundClassId);
        }
    }

    public static RasterizerOptions defaults() { return new RasterizerOptions(0, false); }
}
