package rv.data.raster.tiff;

import org.locationtech.proj4j.proj.LongLatProjection;
import rv.core.Crs;
import rv.core.GeoTransform;
import rv.data.raster.RasterProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Georeferencing tags: model transform (scale + tiepoint, or a full matrix), GeoKeys with the EPSG code, GDAL nodata. */
public final class GeoTiffTags {
    private static final int GT_MODEL_TYPE = 1024, GT_RASTER_TYPE = 1025;
    private static final int GEOGRAPHIC_TYPE = 2048, PROJECTED_CS_TYPE = 3072;
    private static final int MODEL_PROJECTED = 1, MODEL_GEOGRAPHIC = 2, RASTER_PIXEL_IS_AREA = 1;

    private GeoTiffTags() {}

    /** Adds the geo tags of {@code p} to {@code ifd}; nothing for a non-georeferenced raster. */
    public static void addTo(Ifd ifd, RasterProfile p) {
        GeoTransform gt = p.geoTransform();
        boolean georeferenced = !gt.equals(GeoTransform.IDENTITY) || p.epsg().isPresent();
        if (georeferenced) {
            if (!gt.isRotated() && gt.c1() > 0 && gt.c5() < 0) {
                ifd.doubles(TiffTags.MODEL_PIXEL_SCALE, gt.c1(), -gt.c5(), 0);
                ifd.doubles(TiffTags.MODEL_TIEPOINT, 0, 0, 0, gt.c0(), gt.c3(), 0);
            } else {
                ifd.doubles(TiffTags.MODEL_TRANSFORMATION,
                        gt.c1(), gt.c2(), 0, gt.c0(),
                        gt.c4(), gt.c5(), 0, gt.c3(),
                        0, 0, 0, 0,
                        0, 0, 0, 1);
            }
            List<int[]> keys = new ArrayList<>();
            if (p.epsg().isPresent()) {
                int code = p.epsg().getAsInt();
                boolean geographic = isGeographic(code);
                keys.add(new int[] {GT_MODEL_TYPE, 0, 1, geographic ? MODEL_GEOGRAPHIC : MODEL_PROJECTED});
                keys.add(new int[] {GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA});
                keys.add(new int[] {geographic ? GEOGRAPHIC_TYPE : PROJECTED_CS_TYPE, 0, 1, code});
            } else {
                keys.add(new int[] {GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA});
            }
            long[] dir = new long[4 + 4 * keys.size()];
            dir[0] = 1; dir[1] = 1; dir[2] = 0; dir[3] = keys.size();
            for (int i = 0; i < keys.size(); i++) {
                for (int j = 0; j < 4; j++) dir[4 + 4 * i + j] = keys.get(i)[j];
            }
            ifd.shorts(TiffTags.GEO_KEY_DIRECTORY, dir);
        }
        p.nodata().ifPresent(v -> ifd.ascii(TiffTags.GDAL_NODATA, nodataString(v)));
    }

    /** GDAL_NODATA text: integers without a fraction, NaN/infinities as GDAL spells them, else shortest exact decimal. */
    public static String nodataString(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e17) return Long.toString((long) v);
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether an EPSG code names a geographic (lat/long) CRS, so it goes in GeographicTypeGeoKey
     * rather than ProjectedCSTypeGeoKey. proj4j's EPSG table decides; codes it does not know fall back
     * to EPSG's numbering habit (geographic 2D CRSs sit in 4000–4999).
     */
    public static boolean isGeographic(int epsg) {
        try {
            return new Crs(epsg).proj4j().getProjection() instanceof LongLatProjection;
        } catch (RuntimeException e) {
            return epsg >= 4000 && epsg < 5000;
        }
    }

}
