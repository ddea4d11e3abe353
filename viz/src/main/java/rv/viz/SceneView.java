package rv.viz;

import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.CrsTransformer;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.PixelFeature;
import rv.data.vector.VectorSourceOptions;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scene to look at: a thumbnail of (a window of) its image with label layers drawn over it in
 * semi-transparent class colours and the AOI outlined. Renders as PNG; {@link #map()} puts the same
 * scene on an inline Leaflet map.
 *
 * <pre>{@code
 * SceneView.of("scene_0.tif").channels(0, 1, 2).labels("scene_0_buildings.geojson").aoi("scene_0_aoi.geojson")
 * }</pre>
 */
public record SceneView(String name, RasterSource source, Box window, int[] channels, Stretch stretch,
                        List<LabelLayer> layers, Geometry aoi, ClassConfig classes, int maxSize, double opacity) {

    /** Labels drawn over a scene: polygons in the scene's pixel coordinates, or a raster of class ids. */
    public sealed interface LabelLayer permits VectorLayer, RasterLayer {
        String name();
    }

    /** Vector labels (ground truth or predictions) in pixel coordinates. */
    public record VectorLayer(String name, List<PixelFeature> features) implements LabelLayer {
        public VectorLayer { features = List.copyOf(features); }
    }

    /** A class-id raster aligned with the scene (semantic segmentation labels or predictions). */
    public record RasterLayer(String name, RasterSource classIds) implements LabelLayer {}

    public SceneView {
        layers = List.copyOf(layers);
        channels = channels == null ? RasterImages.defaultBands(source.bandCount()) : channels.clone();
    }

    /** Opens the image at {@code uri} (GeoTIFF; several bands). */
    public static SceneView of(String uri) {
        return of(Path.of(uri).getFileName().toString(), RasterSources.open(uri));
    }

    public static SceneView of(String name, RasterSource source) {
        return new SceneView(name, source, source.extent(), null, Stretch.DEFAULT, List.of(), null, null, 640, 0.45);
    }

    /** Bands to show, 0-based: three for RGB (e.g. {@code channels(3, 2, 1)} for a false-colour view) or one for grey. */
    public SceneView channels(int... bands) {
        if (bands.length != 1 && bands.length != 3) throw new RvException(name + ": choose 1 band (grey) or 3 bands (RGB), got " + bands.length);
        for (int b : bands) {
            if (b < 0 || b >= source.bandCount()) {
                throw new RvException(name + ": band " + b + " out of range; the image has " + source.bandCount() + " band(s), numbered from 0");
            }
        }
        return new SceneView(name, source, window, bands, stretch, layers, aoi, classes, maxSize, opacity);
    }

    public SceneView window(Box w) {
        return new SceneView(name, source, w, channels, stretch, layers, aoi, classes, maxSize, opacity);
    }

    public SceneView stretch(Stretch s) {
        return new SceneView(name, source, window, channels, s, layers, aoi, classes, maxSize, opacity);
    }

    public SceneView classes(ClassConfig c) {
        return new SceneView(name, source, window, channels, stretch, layers, aoi, c, maxSize, opacity);
    }

    public SceneView maxSize(int px) {
        return new SceneView(name, source, window, channels, stretch, layers, aoi, classes, px, opacity);
    }

    /** Opacity of the label fill, 0–1 (default 0.45). */
    public SceneView opacity(double o) {
        return new SceneView(name, source, window, channels, stretch, layers, aoi, classes, maxSize, o);
    }

    /** Adds GeoJSON labels (any CRS; class from {@code class_id}/{@code class_name}, else class 1). */
    public SceneView labels(String geojsonUri) {
        return labels(Path.of(geojsonUri).getFileName().toString(), geojsonUri);
    }

    public SceneView labels(String layerName, String geojsonUri) {
        VectorSourceOptions opts = VectorSourceOptions.defaults();
        if (classes != null) {
            java.util.Map<String, Integer> ids = new java.util.LinkedHashMap<>();
            for (int i = 0; i < classes.names().size(); i++) ids.put(classes.names().get(i), i);
            opts = new VectorSourceOptions(1, null, ids, null, null, null, false, true);
        }
        GeoJsonVectorSource vs = new GeoJsonVectorSource(Path.of(geojsonUri), opts, transformer());
        return withLayer(new VectorLayer(layerName, vs.pixelFeatures()));
    }

    /** Adds a class-id raster (e.g. a semantic segmentation prediction GeoTIFF). */
    public SceneView labelRaster(String layerName, String uri) {
        return withLayer(new RasterLayer(layerName, RasterSources.open(uri)));
    }

    public SceneView withLayer(LabelLayer layer) {
        List<LabelLayer> l = new ArrayList<>(layers);
        l.add(layer);
        return new SceneView(name, source, window, channels, stretch, l, aoi, classes, maxSize, opacity);
    }

    /** Outlines the AOI read from GeoJSON (any CRS). */
    public SceneView aoi(String geojsonUri) {
        Geometry g = GeoJsonVectorSource.loadAoi(List.of(Path.of(geojsonUri)), transformer()).geometry();
        return new SceneView(name, source, window, channels, stretch, layers, g, classes, maxSize, opacity);
    }

    /** The scene's pixel ↔ map ↔ lon/lat transformer; fails for images without an EPSG CRS. */
    public CrsTransformer transformer() {
        if (source.epsg().isEmpty()) throw new RvException(name + ": the image has no EPSG CRS, so labels and maps cannot be placed on it");
        return CrsTransformer.of(source);
    }

    /** The thumbnail of the image alone and the source pixels per thumbnail pixel. */
    public Thumbnails.Thumbnail thumbnail() {
        return Thumbnails.read(source, window, channels, maxSize);
    }

    /** The image thumbnail with raster label layers blended in (no vectors, no AOI): what maps overlay. */
    BufferedImage baseImage(Thumbnails.Thumbnail t) {
        double nodata = source.nodata().orElse(Double.NaN);
        int[] read = new int[channels.length]; // the thumbnail holds only the chosen bands, in order
        for (int i = 0; i < read.length; i++) read[i] = i;
        BufferedImage img = RasterImages.toImage(t.raster(), read, stretch, nodata);
        BufferedImage argb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.drawImage(img, 0, 0, null);
        for (LabelLayer layer : layers) {
            if (layer instanceof RasterLayer rl) {
                Raster ids = Thumbnails.read(rl.classIds(), window, new int[]{0}, maxSize).raster();
                BufferedImage overlay = classImage(ids, img.getWidth(), img.getHeight());
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
                g.drawImage(overlay, 0, 0, null);
                g.setComposite(AlphaComposite.SrcOver);
            }
        }
        g.dispose();
        return argb;
    }

    private BufferedImage classImage(Raster ids, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int nullId = classes != null && classes.nullClass() != null ? classes.classId(classes.nullClass()) : -1;
        for (int y = 0; y < Math.min(h, ids.height()); y++) {
            for (int x = 0; x < Math.min(w, ids.width()); x++) {
                int id = (int) ids.get(0, y, x);
                if (id == nullId || (classes == null && id == 0)) continue;
                out.setRGB(x, y, 0xff000000 | Colors.of(classes, id).getRGB());
            }
        }
        return out;
    }

    /** The full picture: image, label layers (filled, semi-transparent, outlined) and the AOI outline. */
    public BufferedImage image() {
        Thumbnails.Thumbnail t = thumbnail();
        BufferedImage img = baseImage(t);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        AffineTransformation toThumb = AffineTransformation.translationInstance(-window.x(), -window.y())
                .scale(1 / t.step(), 1 / t.step());
        ShapeWriter sw = new ShapeWriter();
        for (LabelLayer layer : layers) {
            if (!(layer instanceof VectorLayer vl)) continue;
            for (PixelFeature f : vl.features()) {
                Shape s = sw.toShape(toThumb.transform(f.geometry()));
                Color c = Colors.of(classes, f.classId());
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(opacity * 255)));
                g.fill(s);
                g.setColor(c);
                g.setStroke(new BasicStroke(1f));
                g.draw(s);
            }
        }
        if (aoi != null) {
            g.setColor(Color.YELLOW);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            g.draw(sw.toShape(toThumb.transform(aoi)));
        }
        g.dispose();
        return img;
    }

    /** The scene on an inline Leaflet map (image overlay, one GeoJSON layer per vector label layer, the AOI). */
    public LeafletMap map() {
        return LeafletMap.of(this);
    }

    /** PNG + a one-line text summary. */
    public MimeBundle bundle() {
        byte[] png = Pngs.encode(image());
        return MimeBundle.text(describe()).withPng(png);
    }

    /** "name: W×H px, N bands, TYPE, EPSG:x; layers …". */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(source.width()).append('x').append(source.height())
                .append(" px, ").append(source.bandCount()).append(" band(s), ").append(source.dataType())
                .append(source.epsg().isPresent() ? ", EPSG:" + source.epsg().getAsInt() : "");
        if (!window.equals(source.extent())) sb.append(", window ").append(window);
        for (LabelLayer l : layers) {
            sb.append("; ").append(l.name());
            if (l instanceof VectorLayer v) sb.append(" (").append(v.features().size()).append(" features)");
        }
        if (aoi != null) sb.append("; AOI");
        return sb.toString();
    }

    @Override
    public String toString() { return describe(); }

    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }
}
