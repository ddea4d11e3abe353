package rv.viz;

import rv.data.raster.Raster;

/** An in-memory raster (a window read from a source, a chip) shown with chosen bands and stretch. */
public record RasterView(Raster raster, int[] channels, Stretch stretch, double nodata, int maxSize) {

    public static RasterView of(Raster r) {
        return new RasterView(r, RasterImages.defaultBands(r.bands()), Stretch.DEFAULT, Double.NaN, 768);
    }

    /** Bands to show, 0-based: three (RGB) or one (grey). */
    public RasterView channels(int... bands) { return new RasterView(raster, bands.clone(), stretch, nodata, maxSize); }

    public RasterView stretch(Stretch s) { return new RasterView(raster, channels, s, nodata, maxSize); }

    public RasterView nodata(double v) { return new RasterView(raster, channels, stretch, v, maxSize); }

    public RasterView maxSize(int px) { return new RasterView(raster, channels, stretch, nodata, px); }

    public java.awt.image.BufferedImage image() {
        return RasterImages.fit(RasterImages.toImage(raster, channels, stretch, nodata), maxSize);
    }

    public MimeBundle bundle() {
        return MimeBundle.text(raster.toString() + " bands " + java.util.Arrays.toString(channels)).withPng(Pngs.encode(image()));
    }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }

    @Override public String toString() { return bundle().text(); }
}
