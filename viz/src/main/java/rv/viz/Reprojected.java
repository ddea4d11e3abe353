package rv.viz;

import rv.core.CrsTransformer;

import java.awt.image.BufferedImage;

/** Warps a scene thumbnail onto a north-up longitude/latitude grid for web maps. */
final class Reprojected {
    private Reprojected() {}

    /**
     * Resamples {@code thumb} (nearest neighbour) onto a grid spanning the scene's WGS 84 bounds.
     * Rows are spaced evenly in Web Mercator y, the projection Leaflet draws in, so the overlay lines
     * up with GeoJSON layers across its whole height; pixels outside the scene are transparent.
     */
    static LeafletMap.ImageOverlay toLonLat(String name, BufferedImage thumb, Thumbnails.Thumbnail t, CrsTransformer tr) {
        var win = t.window();
        double w = 180, s = 90, e = -180, n = -90;
        int k = 16;
        for (int i = 0; i <= k; i++) {
            double f = (double) i / k;
            double[][] pts = {
                    {win.x() + f * win.width(), win.y()}, {win.x() + f * win.width(), win.y() + win.height()},
                    {win.x(), win.y() + f * win.height()}, {win.x() + win.width(), win.y() + f * win.height()}};
            for (double[] p : pts) {
                double[] ll = tr.pixelToLonLat(p[0], p[1]);
                w = Math.min(w, ll[0]); e = Math.max(e, ll[0]); s = Math.min(s, ll[1]); n = Math.max(n, ll[1]);
            }
        }
        int ow = thumb.getWidth();
        int oh = thumb.getHeight();
        double ys = mercY(s), yn = mercY(n);
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_ARGB);
        for (int j = 0; j < oh; j++) {
            double lat = lat(yn - (j + 0.5) / oh * (yn - ys));
            for (int i = 0; i < ow; i++) {
                double lon = w + (i + 0.5) / ow * (e - w);
                double[] px = tr.lonLatToPixel(lon, lat);
                int tx = (int) Math.floor((px[0] - win.x()) / t.step());
                int ty = (int) Math.floor((px[1] - win.y()) / t.step());
                if (tx >= 0 && ty >= 0 && tx < thumb.getWidth() && ty < thumb.getHeight()) out.setRGB(i, j, thumb.getRGB(tx, ty));
            }
        }
        return new LeafletMap.ImageOverlay(name, Pngs.encode(out), w, s, e, n);
    }

    static double mercY(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y)) - Math.PI / 2);
    }
}
