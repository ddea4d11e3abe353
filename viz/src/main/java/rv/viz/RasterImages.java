package rv.viz;

import rv.data.raster.Raster;

import java.awt.image.BufferedImage;

/** Rasters to displayable RGB images. */
public final class RasterImages {
    private RasterImages() {}

    /**
     * Colour image of {@code bands} (three → RGB, one → grey) of {@code r}, each stretched on its own;
     * {@code nodata} pixels (all chosen bands equal to it; NaN: none) become transparent.
     */
    public static BufferedImage toImage(Raster r, int[] bands, Stretch stretch, double nodata) {
        if (bands.length != 1 && bands.length != 3) {
            throw new IllegalArgumentException("choose 1 band (grey) or 3 bands (RGB), got " + bands.length);
        }
        for (int b : bands) {
            if (b < 0 || b >= r.bands()) throw new IllegalArgumentException("band " + b + " out of range: the raster has " + r.bands() + " band(s), numbered from 0");
        }
        int w = r.width();
        int h = r.height();
        int n = w * h;
        double[][] ranges = new double[bands.length][];
        for (int i = 0; i < bands.length; i++) ranges[i] = stretch.range(r, bands[i], nodata);
        boolean masked = !Double.isNaN(nodata);
        BufferedImage img = new BufferedImage(w, h, masked ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[n];
        for (int p = 0; p < n; p++) {
            int rgb = 0;
            boolean allNodata = masked;
            for (int i = 0; i < 3; i++) {
                int bi = bands.length == 1 ? 0 : i;
                double x = r.getAt(bands[bi] * n + p);
                if (masked && x != nodata) allNodata = false;
                double[] rg = ranges[bi];
                int c = (int) Math.round((x - rg[0]) / (rg[1] - rg[0]) * 255);
                c = Double.isNaN(x) ? 0 : Math.max(0, Math.min(255, c));
                rgb = (rgb << 8) | c;
            }
            argb[p] = (allNodata ? 0 : 0xff000000) | rgb;
        }
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /** The default bands to show: the first three, or the first alone. */
    public static int[] defaultBands(int bandCount) {
        return bandCount >= 3 ? new int[]{0, 1, 2} : new int[]{0};
    }

    /** Nearest-neighbour scale so the longer side is at most {@code maxSize} (never enlarges). */
    public static BufferedImage fit(BufferedImage img, int maxSize) {
        int w = img.getWidth();
        int h = img.getHeight();
        double s = Math.min(1.0, (double) maxSize / Math.max(w, h));
        if (s >= 1.0) return img;
        int nw = Math.max(1, (int) Math.round(w * s));
        int nh = Math.max(1, (int) Math.round(h * s));
        BufferedImage out = new BufferedImage(nw, nh, img.getType() == 0 ? BufferedImage.TYPE_INT_ARGB : img.getType());
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }
}
