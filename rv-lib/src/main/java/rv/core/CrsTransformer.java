package rv.core;

import java.util.Objects;

/**
 * Converts between the pixel grid of a raster, its map CRS and WGS 84 longitude/latitude — the JVM
 * counterpart of Raster Vision's {@code RasterioCRSTransformer}.
 *
 * <p>Map → pixel uses GDAL's arithmetic exactly: the inverse geotransform is computed like
 * {@code GDALInvGeoTransform} and applied like {@code GDALGenImgProjTransform}, so a vertex lands on the
 * same double as in {@code gdal_rasterize} (needed for pixel-exact rasterization).
 */
public final class CrsTransformer {
    private final GeoTransform geoTransform;
    private final double[] inverse;
    private final Crs crs;
    private final Reprojection toWgs84;
    private final Reprojection fromWgs84;

    public CrsTransformer(GeoTransform geoTransform, Crs crs) {
        this.geoTransform = Objects.requireNonNull(geoTransform);
        this.inverse = gdalInverse(geoTransform.toGdal());
        this.crs = Objects.requireNonNull(crs);
        this.toWgs84 = Reprojection.between(crs, Crs.WGS84);
        this.fromWgs84 = toWgs84.inverse();
    }

    /** For a raster with the given geotransform and EPSG code. */
    public static CrsTransformer of(GeoTransform geoTransform, int epsg) {
        return new CrsTransformer(geoTransform, Crs.ofEpsg(epsg));
    }

    /** For a raster source; rasters without a CRS are treated as WGS 84 (as Raster Vision does). */
    public static CrsTransformer of(rv.data.raster.RasterSource source) {
        return new CrsTransformer(source.geoTransform(),
                source.epsg().isPresent() ? Crs.ofEpsg(source.epsg().getAsInt()) : Crs.WGS84);
    }

    public GeoTransform geoTransform() { return geoTransform; }

    public Crs crs() { return crs; }

    /** Map coordinates of pixel-space point (col, row) (corner convention: (0,0) is the top-left corner). */
    public double[] pixelToMap(double col, double row) { return geoTransform.pixelToMap(col, row); }

    /** Fractional pixel coordinates (col, row) of a map point, bit-identical to GDAL's. */
    public double[] mapToPixel(double x, double y) {
        return new double[] {inverse[0] + x * inverse[1] + y * inverse[2], inverse[3] + x * inverse[4] + y * inverse[5]};
    }

    /** (lon, lat) of a map point. */
    public double[] mapToLonLat(double x, double y) { return toWgs84.apply(x, y); }

    /** Map point of (lon, lat). */
    public double[] lonLatToMap(double lon, double lat) { return fromWgs84.apply(lon, lat); }

    public double[] pixelToLonLat(double col, double row) {
        double[] m = pixelToMap(col, row);
        return mapToLonLat(m[0], m[1]);
    }

    public double[] lonLatToPixel(double lon, double lat) {
        double[] m = lonLatToMap(lon, lat);
        return mapToPixel(m[0], m[1]);
    }

    /** Transforms from any CRS into this raster's map CRS. */
    public Reprojection reprojectionFrom(Crs source) { return Reprojection.between(source, crs); }

    /** GDAL's {@code GDALInvGeoTransform}, operation for operation. */
    static double[] gdalInverse(double[] gt) {
        if (gt[2] == 0.0 && gt[4] == 0.0 && gt[1] != 0.0 && gt[5] != 0.0) {
            return new double[] {-gt[0] / gt[1], 1.0 / gt[1], 0.0, -gt[3] / gt[5], 0.0, 1.0 / gt[5]};
        }
        double det = gt[1] * gt[5] - gt[2] * gt[4];
        double magnitude = Math.max(Math.max(Math.abs(gt[1]), Math.abs(gt[2])), Math.max(Math.abs(gt[4]), Math.abs(gt[5])));
        if (Math.abs(det) <= 1e-10 * magnitude * magnitude) {
            throw new RvException("the geotransform " + java.util.Arrays.toString(gt) + " is not invertible");
        }
        double invDet = 1.0 / det;
        double[] out = new double[6];
        out[1] = gt[5] * invDet;
        out[4] = -gt[4] * invDet;
        out[2] = -gt[2] * invDet;
        out[5] = gt[1] * invDet;
        out[0] = (gt[2] * gt[3] - gt[0] * gt[5]) * invDet;
        out[3] = (-gt[1] * gt[3] + gt[0] * gt[4]) * invDet;
        return out;
    }

    @Override public String toString() { return "CrsTransformer[" + crs + ", " + geoTransform + "]"; }
}
