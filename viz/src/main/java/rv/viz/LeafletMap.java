package rv.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.data.vector.Feature;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.GeoJsonWriter;
import rv.data.vector.PixelFeature;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inline, offline map: Leaflet (from the WebJar, inlined into the HTML; no CDN, no tiles) with
 * image overlays placed by their WGS 84 bounds and GeoJSON layers with popups, under a layer control.
 * The HTML works in Jupyter outputs, in nbconvert's HTML and in a saved file without a network.
 */
public final class LeafletMap {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An image placed by its WGS 84 bounds (west, south, east, north). */
    public record ImageOverlay(String name, byte[] png, double west, double south, double east, double north) {}

    /** A GeoJSON FeatureCollection (WGS 84) drawn in {@code color}, or per feature by its {@code _color} property. */
    public record GeoJsonLayer(String name, String geojson, String color, boolean show) {}

    private final List<ImageOverlay> images = new ArrayList<>();
    private final List<GeoJsonLayer> layers = new ArrayList<>();
    private int heightPx = 420;

    public static LeafletMap create() { return new LeafletMap(); }

    /** The scene's thumbnail (reprojected) as an overlay, its vector label layers and its AOI. */
    public static LeafletMap of(SceneView scene) {
        LeafletMap m = new LeafletMap();
        CrsTransformer t = scene.transformer();
        Thumbnails.Thumbnail thumb = scene.thumbnail();
        BufferedImage base = scene.baseImage(thumb);
        m.image(Reprojected.toLonLat(scene.name(), base, thumb, t));
        for (SceneView.LabelLayer l : scene.layers()) {
            if (l instanceof SceneView.VectorLayer v) m.geoJson(v.name(), toGeoJson(v.features(), t, scene), "#ff7f0e", true);
        }
        if (scene.aoi() != null) {
            Geometry lonLat = GeoJsonVectorSource.toMap(scene.aoi(), t);
            lonLat = GeoJsonVectorSource.reproject(lonLat, rv.core.Reprojection.between(t.crs(), Crs.WGS84));
            m.geoJson("AOI", geoJsonOf(List.of(new Feature(lonLat, Map.of("layer", "AOI", "_color", "#ffff00", "_fill", false)))), "#ffff00", true);
        }
        return m;
    }

    /** A map of GeoJSON files alone (any CRS, reprojected to WGS 84), one layer each. */
    public static LeafletMap ofGeoJson(java.util.List<java.nio.file.Path> files) {
        LeafletMap m = new LeafletMap();
        for (java.nio.file.Path f : files) {
            rv.data.vector.FeatureCollection fc = rv.data.vector.GeoJsonReader.read(f);
            rv.core.Reprojection r = rv.core.Reprojection.between(fc.crs(), Crs.WGS84);
            List<Feature> out = new ArrayList<>(fc.size());
            for (Feature ft : fc.features()) out.add(ft.withGeometry(GeoJsonVectorSource.reproject(ft.geometry(), r)));
            m.geoJson(f.getFileName().toString(), geoJsonOf(out), "#ff7f0e", true);
        }
        return m;
    }

    public LeafletMap image(ImageOverlay overlay) {
        images.add(overlay);
        return this;
    }

    public LeafletMap geoJson(String name, String featureCollection, String color, boolean show) {
        layers.add(new GeoJsonLayer(name, featureCollection, color, show));
        return this;
    }

    public LeafletMap height(int px) {
        heightPx = px;
        return this;
    }

    public List<ImageOverlay> images() { return List.copyOf(images); }

    public List<GeoJsonLayer> layers() { return List.copyOf(layers); }

    /** Pixel features → WGS 84 GeoJSON with class name, colour and the source's properties (score …). */
    static String toGeoJson(List<PixelFeature> features, CrsTransformer t, SceneView scene) {
        rv.core.Reprojection toWgs = rv.core.Reprojection.between(t.crs(), Crs.WGS84);
        List<Feature> out = new ArrayList<>(features.size());
        for (PixelFeature f : features) {
            Geometry g = GeoJsonVectorSource.reproject(GeoJsonVectorSource.toMap(f.geometry(), t), toWgs);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("class_id", f.classId());
            props.put("class_name", Colors.name(scene.classes(), f.classId()));
            if (f.source() != null) {
                f.source().properties().forEach((k, v) -> {
                    if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) props.putIfAbsent(k, v);
                });
            }
            props.put("_color", Colors.hex(Colors.of(scene.classes(), f.classId())));
            out.add(new Feature(g, props));
        }
        return geoJsonOf(out);
    }

    static String geoJsonOf(List<Feature> features) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            GeoJsonWriter.write(buf, features, Crs.WGS84);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** The HTML fragment: a map div, Leaflet's CSS and JS (loaded once per page) and the map script. */
    public String html() {
        String id = Html.newId("rv-map");
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode imgs = spec.putArray("images");
        double w = 180, s = 90, e = -180, n = -90;
        for (ImageOverlay o : images) {
            ObjectNode i = imgs.addObject();
            i.put("name", o.name());
            i.put("url", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(o.png()));
            i.putArray("bounds").add(JSON.createArrayNode().add(o.south()).add(o.west()))
                    .add(JSON.createArrayNode().add(o.north()).add(o.east()));
            w = Math.min(w, o.west()); s = Math.min(s, o.south()); e = Math.max(e, o.east()); n = Math.max(n, o.north());
        }
        ArrayNode gj = spec.putArray("layers");
        for (GeoJsonLayer l : layers) {
            ObjectNode o = gj.addObject();
            o.put("name", l.name());
            o.put("color", l.color());
            o.put("show", l.show());
            try {
                o.set("data", JSON.readTree(l.geojson()));
            } catch (IOException ex) {
                throw new IllegalArgumentException("layer " + l.name() + ": not JSON: " + ex.getMessage(), ex);
            }
        }
        String specJson;
        try {
            specJson = JSON.writeValueAsString(spec).replace("</", "<\\/");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return "<div id=\"" + id + "\" class=\"rv-map\" style=\"height:" + heightPx + "px;width:100%;background:#ddd\"></div>\n"
                + "<style>" + LeafletAssets.css() + "</style>\n"
                + "<script>" + LeafletAssets.loaderJs() + "</script>\n"
                + "<script>(function(){var spec=" + specJson + ";\n" + MAP_JS.replace("@ID@", id) + "})();</script>\n";
    }

    private static final String MAP_JS = """
            var map = L.map('@ID@', {attributionControl: false});
            var overlays = {}, bounds = null;
            spec.images.forEach(function (im) {
              var o = L.imageOverlay(im.url, im.bounds, {opacity: 1.0, className: 'rv-scene-overlay'}).addTo(map);
              overlays['image: ' + im.name] = o;
              bounds = bounds ? bounds.extend(im.bounds) : L.latLngBounds(im.bounds);
            });
            spec.layers.forEach(function (ly) {
              var layer = L.geoJSON(ly.data, {
                style: function (f) {
                  var c = (f.properties && f.properties._color) || ly.color;
                  var fill = !(f.properties && f.properties._fill === false);
                  return {color: c, weight: 1.5, fillColor: c, fillOpacity: fill ? 0.35 : 0};
                },
                onEachFeature: function (f, l) {
                  var rows = [];
                  for (var k in (f.properties || {})) {
                    if (k.charAt(0) === '_') continue;
                    var v = f.properties[k];
                    if (typeof v === 'number' && !Number.isInteger(v)) v = v.toFixed(3);
                    rows.push('<tr><th style="text-align:left">' + k + '</th><td>' + String(v).replace(/</g, '&lt;') + '</td></tr>');
                  }
                  l.bindPopup('<b>' + ly.name.replace(/</g, '&lt;') + '</b><table>' + rows.join('') + '</table>');
                }
              });
              if (ly.show) layer.addTo(map);
              overlays[ly.name] = layer;
              var b = layer.getBounds();
              if (b.isValid()) bounds = bounds ? bounds.extend(b) : b;
            });
            L.control.layers(null, overlays, {collapsed: false}).addTo(map);
            L.control.scale().addTo(map);
            if (bounds) map.fitBounds(bounds); else map.setView([0, 0], 1);
            """;

    public MimeBundle bundle() {
        StringBuilder text = new StringBuilder("LeafletMap: ");
        images.forEach(i -> text.append("image ").append(i.name()).append(String.format(" [%.5f, %.5f, %.5f, %.5f]; ", i.west(), i.south(), i.east(), i.north())));
        layers.forEach(l -> text.append("layer ").append(l.name()).append("; "));
        return MimeBundle.text(text.toString().trim()).withHtml(html());
    }

    @Override
    public String toString() { return bundle().text(); }
}
