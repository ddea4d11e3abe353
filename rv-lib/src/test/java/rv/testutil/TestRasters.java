package rv.testutil;

import rv.core.GeoTransform;
import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.util.SplittableRandom;

/** Deterministic test rasters and georeferencing. */
public final class TestRasters {
    private TestRasters() {}

    /**
     * Pixels that exercise a type: a smooth gradient (so predictors matter) plus noise, with the
     * type's extreme values sprinkled in; floats include negative, tiny and huge values.
     */
    public static Raster random(int width, int height, int bands, DataType type, long seed) {
        Raster r = Raster.zeros(width, height, bands, type);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] range = range(type);
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double v;
                    int pick = rnd.nextInt(50);
                    if (pick == 0) v = range[0];
                    else if (pick == 1) v = range[1];
                    else if (type.isIntegral()) {
                        double span = range[1] - range[0];
                        double smooth = range[0] + span * ((x + 2.0 * y + 37 * b) % 251) / 251.0;
                        v = Math.floor(Math.min(range[1], Math.max(range[0], smooth + rnd.nextInt(9) - 4)));
                    } else {
                        v = (x * 0.5 - y * 1.25 + b) + rnd.nextGaussian() * (pick < 5 ? 1e6 : 3);
                    }
                    r.set(b, y, x, v);
                }
            }
        }
        return r;
    }

    /** Smallest and largest value of an integer type; a wide finite range for floats. */
    public static double[] range(DataType t) {
        return switch (t) {
            case FLOAT32 -> new double[] {-3.0e38, 3.0e38};
            case FLOAT64 -> new double[] {-1.7e308, 1.7e308};
            default -> new double[] {t.minValue(), t.maxValue()};
        };
    }

    /** A nodata value typical for the type (an extreme, or NaN for float32). */
    public static double nodataFor(DataType t) {
        return switch (t) {
            case UINT8 -> 255; case INT8 -> -128; case UINT16 -> 65535; case INT16 -> -32768;
            case UINT32 -> 4294967295.0; case INT32 -> -2147483648.0;
            case FLOAT32 -> Double.NaN; case FLOAT64 -> -3.4e38;
        };
    }

    /** A plausible geotransform for an EPSG code, optionally rotated. */
    public static GeoTransform transformFor(int epsg, boolean rotated) {
        if (epsg == 4326) {
            return rotated ? new GeoTransform(-122.5, 0.001, 0.0002, 37.75, 0.0001, -0.001)
                    : new GeoTransform(-122.5, 0.00025, 0, 37.75, 0, -0.00025);
        }
        return rotated ? new GeoTransform(500000.5, 10, 2.5, 4100000.25, 1.5, -10)
                : new GeoTransform(500000.5, 0.3, 0, 4100000.25, 0, -0.3);
    }
}
