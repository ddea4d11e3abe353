package rv.data.raster.tiff;

import rv.core.GeoTransform;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * GeoTIFF georeferencing as GDAL reports it: the affine transform from ModelTransformation or
 * ModelTiepoint + ModelPixelScale (shifted half a pixel for PixelIsPoint, as GDAL does by default),
 * and the EPSG code of a projected or geographic CRS given by code in the GeoKey directory.
 */
final class GeoKeys {
    static final int GT_MODEL_TYPE = 1024;
    static final int GT_RASTER_TYPE = 1025;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int PROJECTED_CS_TYPE = 3072;
    private static final int USER_DEFINED = 32767;
    private static final int RASTER_PIXEL_IS_POINT = 2;

    private GeoKeys() {}

    /** Short-valued keys of the GeoKey directory (double and ASCII keys are not needed here). */
    static Map<Integer, Integer> shortKeys(TiffDirectory d) {
        Map<Integer, Integer> keys = new HashMap<>();
        long[] dir = d.longs(TiffTags.GEO_KEY_DIRECTORY);
        if (dir == null || dir.length < 4) return keys;
        int n = (int) dir[3];
        for (int i = 0; i < n && 4 + 4 * i + 3 < dir.length; i++) {
            int p = 4 + 4 * i;
            if (dir[p + 1] == 0) keys.put((int) dir[p], (int) dir[p + 3]);
        }
        return keys;
    }

    /** The geotransform, or null when the file has none (or only ground control points). */
    static GeoTransform transform(TiffDirectory d, Map<Integer, Integer> keys) {
        double[] gt = null;
        double[] m = d.doubles(TiffTags.MODEL_TRANSFORMATION);
        double[] tie = d.doubles(TiffTags.MODEL_TIEPOINT);
        double[] scale = d.doubles(TiffTags.MODEL_PIXEL_SCALE);
        if (m != null && m.length >= 16) {
            gt = new double[] {m[3], m[0], m[1], m[7], m[4], m[5]};
        } else if (tie != null && tie.length >= 6 && scale != null && scale.length >= 2) {
            gt = new double[] {tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]};
        }
        if (gt == null) return null;
        Integer rasterType = keys.get(GT_RASTER_TYPE);
        if (rasterType != null && rasterType == RASTER_PIXEL_IS_POINT) {
            gt[0] -= gt[1] * 0.5 + gt[2] * 0.5;
            gt[3] -= gt[4] * 0.5 + gt[5] * 0.5;
        }
        return GeoTransform.fromGdal(gt);
    }

    /** EPSG code of the CRS when the keys name one. */
    static OptionalInt epsg(Map<Integer, Integer> keys) {
        Integer model = keys.get(GT_MODEL_TYPE);
        Integer projected = keys.get(PROJECTED_CS_TYPE);
        Integer geographic = keys.get(GEOGRAPHIC_TYPE);
        if ((model == null || model == 1) && projected != null && projected > 0 && projected != USER_DEFINED) {
            return OptionalInt.of(projected);
        }
        if ((model == null || model == 2) && geographic != null && geographic > 0 && geographic != USER_DEFINED) {
            return OptionalInt.of(geographic);
        }
        return OptionalInt.empty();
    }
}
