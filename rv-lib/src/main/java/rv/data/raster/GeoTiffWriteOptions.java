package rv.data.raster;

import java.util.Locale;

/**
 * How {@link TiledGeoTiffWriter} lays out a GeoTIFF.
 *
 * @param tileSize     tile width and height in pixels (multiple of 16)
 * @param compression  {@code NONE} or {@code DEFLATE}
 * @param predictor    {@code AUTO} = horizontal (2) for integers and floating point (3) for floats
 *                     when compressing, none otherwise
 * @param deflateLevel zlib level 1..9 (GDAL's default is 6)
 * @param bigTiff      {@code AUTO} switches to BigTIFF when the file could pass 4 GB
 * @param rgb          tag 3+-band uint8 images as RGB (photometric 2) instead of grey + extra samples
 */
public record GeoTiffWriteOptions(int tileSize, Compression compression, Predictor predictor, int deflateLevel,
                                  BigTiff bigTiff, boolean rgb) {

    public enum Compression {
        NONE, DEFLATE;

        public static Compression parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "deflate", "zip" -> DEFLATE;
                default -> throw new IllegalArgumentException("unknown compression '" + s + "' (use deflate or none)");
            };
        }
    }

    public enum Predictor { AUTO, NONE, HORIZONTAL, FLOATING_POINT }

    public enum BigTiff { AUTO, YES, NO }

    public static final GeoTiffWriteOptions DEFAULT = new GeoTiffWriteOptions(256, Compression.DEFLATE, Predictor.AUTO, 6, BigTiff.AUTO, false);

    public GeoTiffWriteOptions {
        if (tileSize < 16 || tileSize % 16 != 0 || tileSize > 65536) {
            throw new IllegalArgumentException("tile size must be a multiple of 16 between 16 and 65536, got " + tileSize);
        }
        if (deflateLevel < 1 || deflateLevel > 9) throw new IllegalArgumentException("deflate level must be 1..9, got " + deflateLevel);
        java.util.Objects.requireNonNull(compression);
        java.util.Objects.requireNonNull(predictor);
        java.util.Objects.requireNonNull(bigTiff);
    }

    public GeoTiffWriteOptions withTileSize(int t) { return new GeoTiffWriteOptions(t, compression, predictor, deflateLevel, bigTiff, rgb); }

    public GeoTiffWriteOptions withCompression(Compression c) { return new GeoTiffWriteOptions(tileSize, c, predictor, deflateLevel, bigTiff, rgb); }

    public GeoTiffWriteOptions withPredictor(Predictor p) { return new GeoTiffWriteOptions(tileSize, compression, p, deflateLevel, bigTiff, rgb); }

    public GeoTiffWriteOptions withBigTiff(BigTiff b) { return new GeoTiffWriteOptions(tileSize, compression, predictor, deflateLevel, b, rgb); }

    public GeoTiffWriteOptions withRgb(boolean r) { return new GeoTiffWriteOptions(tileSize, compression, predictor, deflateLevel, bigTiff, r); }

    /** The TIFF predictor value (1, 2 or 3) this produces for {@code type}. */
    public int predictorFor(DataType type) {
        if (compression == Compression.NONE) return 1;
        return switch (predictor) {
            case NONE -> 1;
            case HORIZONTAL -> {
                if (!type.isIntegral()) throw new IllegalArgumentException("predictor 2 (horizontal) applies to integer types, not " + type.numpyName());
                yield 2;
            }
            case FLOATING_POINT -> {
                if (type.isIntegral()) throw new IllegalArgumentException("predictor 3 (floating point) applies to float types, not " + type.numpyName());
                yield 3;
            }
            case AUTO -> type.isIntegral() ? 2 : 3;
        };
    }
}
