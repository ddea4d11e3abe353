package rv.data.raster;

import java.util.Locale;

/** How overview pixels are computed from the finer level (GDAL's {@code -r} names). */
public enum Resampling {
    /** The source pixel nearest the output pixel's upper-left area (GDAL's {@code near}). */
    NEAREST,
    /** Area-weighted mean of the covered source pixels, nodata and NaN ignored (GDAL's {@code average}). */
    AVERAGE,
    /** Triangle (tent) filter scaled to the reduction factor, nodata ignored (GDAL's {@code bilinear}). */
    BILINEAR;

    public static Resampling parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "near", "nearest" -> NEAREST;
            case "average", "avg", "mean" -> AVERAGE;
            case "bilinear" -> BILINEAR;
            default -> throw new IllegalArgumentException("unknown resampling '" + s + "' (use near, average or bilinear)");
        };
    }

    /** GDAL's name for it. */
    public String gdalName() {
        return switch (this) { case NEAREST -> "near"; case AVERAGE -> "average"; case BILINEAR -> "bilinear"; };
    }
}
