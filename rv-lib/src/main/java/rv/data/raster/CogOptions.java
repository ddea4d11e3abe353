package rv.data.raster;

import java.util.List;
import java.util.Objects;

/**
 * How {@link CogWriter} lays out a Cloud Optimized GeoTIFF.
 *
 * @param blockSize      tile size of every level (multiple of 16; GDAL's default is 512)
 * @param compression    tile compression
 * @param predictor      as in {@link GeoTiffWriteOptions}
 * @param resampling     how overviews are computed
 * @param overviews      reduction factors (e.g. 2, 4, 8), increasing; empty = GDAL's COG default
 *                       (halve while a side is larger than a block); level sizes are
 *                       {@code floor(size / factor)} like GDAL's COG driver
 * @param deflateLevel   zlib level 1..9
 * @param bigTiff        BigTIFF policy; {@code AUTO} decides from the final size
 */
public record CogOptions(int blockSize, GeoTiffWriteOptions.Compression compression, GeoTiffWriteOptions.Predictor predictor,
                         Resampling resampling, List<Integer> overviews, int deflateLevel, GeoTiffWriteOptions.BigTiff bigTiff) {

    public static final CogOptions DEFAULT = new CogOptions(512, GeoTiffWriteOptions.Compression.DEFLATE,
            GeoTiffWriteOptions.Predictor.AUTO, Resampling.AVERAGE, List.of(), 6, GeoTiffWriteOptions.BigTiff.AUTO);

    public CogOptions {
        Objects.requireNonNull(compression);
        Objects.requireNonNull(predictor);
        Objects.requireNonNull(resampling);
        Objects.requireNonNull(bigTiff);
        overviews = List.copyOf(overviews);
        int prev = 1;
        for (int f : overviews) {
            if (f <= prev) throw new IllegalArgumentException("overview factors must be increasing integers > 1, got " + overviews);
            prev = f;
        }
        // validates block size and level the same way as the plain writer
        new GeoTiffWriteOptions(blockSize, compression, predictor, deflateLevel, bigTiff, false);
    }

    public CogOptions withBlockSize(int b) { return new CogOptions(b, compression, predictor, resampling, overviews, deflateLevel, bigTiff); }

    public CogOptions withCompression(GeoTiffWriteOptions.Compression c) { return new CogOptions(blockSize, c, predictor, resampling, overviews, deflateLevel, bigTiff); }

    public CogOptions withPredictor(GeoTiffWriteOptions.Predictor p) { return new CogOptions(blockSize, compression, p, resampling, overviews, deflateLevel, bigTiff); }

    public CogOptions withResampling(Resampling r) { return new CogOptions(blockSize, compression, predictor, r, overviews, deflateLevel, bigTiff); }

    public CogOptions withOverviews(List<Integer> o) { return new CogOptions(blockSize, compression, predictor, resampling, o, deflateLevel, bigTiff); }

    public CogOptions withBigTiff(GeoTiffWriteOptions.BigTiff b) { return new CogOptions(blockSize, compression, predictor, resampling, overviews, deflateLevel, b); }

    GeoTiffWriteOptions toTiffOptions() {
        return new GeoTiffWriteOptions(blockSize, compression, predictor, deflateLevel, bigTiff, false);
    }

    /**
     * The reduction factors for a {@code width × height} image: the given ones, or GDAL's COG rule —
     * keep halving (rounding down) while either side is larger than a block.
     */
    public List<Integer> factorsFor(int width, int height) {
        if (!overviews.isEmpty()) return overviews;
        List<Integer> f = new java.util.ArrayList<>();
        int w = width, h = height, factor = 2;
        while (w > blockSize || h > blockSize) {
            f.add(factor);
            factor *= 2;
            w /= 2;
            h /= 2;
        }
        return f;
    }
}
