package rv.data.vector;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.index.strtree.STRtree;
import rv.core.Box;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.core.Reprojection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Labels from a GeoJSON file, for one scene: reprojected to the scene's CRS, classes inferred, lines
 * and points buffered into polygons (in pixels), available in map or pixel coordinates and per
 * window. The Raster Vision counterpart is {@code GeoJSONVectorSource}.
 */
public final class GeoJsonVectorSource {
    private final String name;
    private final FeatureCollection collection;
    private final VectorSourceOptions options;
    private final CrsTransformer transformer;
    private List<Feature> mapFeatures;
    private List<PixelFeature> pixelFeatures;
    private STRtree index;

    public GeoJsonVectorSource(Path uri, VectorSourceOptions options, CrsTransformer sceneTransformer) {
        this(uri.toString(), new GeoJsonReader(options.ignoreCrsField(), options.repairInvalid()).readFile(uri), options, sceneTransformer);
    }

    /** From a URI: local path, {@code file://}, {@code http(s)://} or {@code zip://}. */
    public GeoJsonVectorSource(String uri, VectorSourceOptions options, CrsTransformer sceneTransformer) {
        this(uri, new GeoJsonReader(options.ignoreCrsField(), options.repairInvalid()).readUri(uri), options, sceneTransformer);
    }

    public GeoJsonVectorSource(String name, FeatureCollection collection, VectorSourceOptions options, CrsTransformer sceneTransformer) {
        this.name = name;
        this.collection = collection;
        this.options = options;
        this.transformer = sceneTransformer;
    }

    public String name() { return name; }

    public FeatureCollection collection() { return collection; }

    public CrsTransformer transformer() { return transformer; }

    /** Features in the scene's map CRS with a {@code class_id} property; unclassified features dropped. */
    public synchronized List<Feature> mapFeatures() {
        if (mapFeatures == null) {
            ClassInference inference = new ClassInference(options);
            Reprojection r = transformer.reprojectionFrom(collection.crs());
            List<Feature> out = new ArrayList<>(collection.size());
            for (Feature f : collection.features()) {
                Integer classId = inference.classIdOf(f);
                if (classId == null) continue;
                Geometry g = reproject(f.geometry(), r);
                out.add(new Feature(f.id(), g, f.properties()).withProperty("class_id", classId));
            }
            mapFeatures = Collections.unmodifiableList(out);
        }
        return mapFeatures;
    }

    /** Features in pixel coordinates of the scene raster, lines and points buffered per class. */
    public synchronized List<PixelFeature> pixelFeatures() {
        if (pixelFeatures == null) {
            List<PixelFeature> out = new ArrayList<>();
            for (Feature f : mapFeatures()) {
                int classId = f.classId().orElseThrow();
                Geometry g = toPixels(f.geometry(), transformer);
                g = bufferIfNeeded(g, classId);
                out.add(new PixelFeature(g, classId, f));
            }
            pixelFeatures = Collections.unmodifiableList(out);
            STRtree tree = new STRtree();
            for (int i = 0; i < out.size(); i++) tree.insert(out.get(i).geometry().getEnvelopeInternal(), i);
            tree.build();
            index = tree;
        }
        return pixelFeatures;
    }

    /**
     * Features whose pixel geometry meets {@code window} (envelope grown by {@code margin} pixels),
     * in feature order, unclipped and in full-raster pixel coordinates.
     */
    public List<PixelFeature> pixelFeaturesNear(Box window, double margin) {
        List<PixelFeature> all = pixelFeatures();
        Envelope env = new Envelope(window.x() - margin, window.xMax() + margin, window.y() - margin, window.yMax() + margin);
        List<Integer> hits = new ArrayList<>();
        synchronized (this) {
            for (Object o : index.query(env)) hits.add((Integer) o);
        }
        Collections.sort(hits);
        List<PixelFeature> out = new ArrayList<>(hits.size());
        for (int i : hits) out.add(all.get(i));
        return out;
    }

    /**
     * Features clipped to {@code window}, in window-relative pixel coordinates ((0,0) = the window's
     * top-left corner). Features that do not meet the window's interior are left out.
     */
    public List<PixelFeature> pixelFeatures(Box window) {
        GeometryFactory gf = new GeometryFactory();
        Geometry rect = gf.toGeometry(new Envelope(window.x(), window.xMax(), window.y(), window.yMax()));
        List<PixelFeature> out = new ArrayList<>();
        for (PixelFeature pf : pixelFeaturesNear(window, 0)) {
            Geometry clipped = pf.geometry().intersection(rect);
            if (clipped.isEmpty()) continue;
            if (pf.geometry() instanceof Polygonal && !(clipped instanceof Polygonal)) continue;
            Geometry shifted = clipped.copy();
            shifted.apply(new Affine(1, 0, -window.x(), 0, 1, -window.y()));
            shifted.geometryChanged();
            out.add(new PixelFeature(shifted, pf.classId(), pf.source()));
        }
        return out;
    }

    /**
     * The AOI of a scene from GeoJSON files (any CRS): the union of their polygons in the scene's
     * pixel coordinates. Non-polygonal features are ignored.
     */
    public static rv.core.Aoi loadAoi(List<Path> paths, CrsTransformer scene) {
        return loadAoiUris(paths.stream().map(Path::toString).toList(), scene);
    }

    /** As {@link #loadAoi} for URIs (local, {@code file://}, {@code http(s)://}, {@code zip://}). */
    public static rv.core.Aoi loadAoiUris(List<String> uris, CrsTransformer scene) {
        List<Geometry> parts = new ArrayList<>();
        for (String uri : uris) {
            FeatureCollection fc = new GeoJsonReader().readUri(uri);
            Reprojection r = scene.reprojectionFrom(fc.crs());
            for (Feature f : fc.features()) {
                if (f.geometry() instanceof Polygonal) parts.add(toPixels(reproject(f.geometry(), r), scene));
            }
        }
        if (parts.isEmpty()) throw new rv.core.RvException("AOI " + uris + ": no polygons found");
        return new rv.core.Aoi(org.locationtech.jts.operation.union.UnaryUnionOp.union(parts));
    }

    private Geometry bufferIfNeeded(Geometry g, int classId) {
        Double buf = null;
        boolean applies = false;
        if (g instanceof Lineal) { buf = options.lineBuffer(classId); applies = true; }
        else if (g instanceof Puntal) { buf = options.pointBuffer(classId); applies = true; }
        if (!applies || buf == null) return g;
        return g.buffer(buf, 16);
    }

    /** A copy of {@code g} reprojected (identity: the same object). */
    public static Geometry reproject(Geometry g, Reprojection r) {
        if (r.isIdentity()) return g;
        Geometry c = g.copy();
        c.apply(new CoordinateSequenceFilter() {
            @Override public void filter(CoordinateSequence seq, int i) {
                double[] xy = r.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }
            @Override public boolean isDone() { return false; }
            @Override public boolean isGeometryChanged() { return true; }
        });
        return c;
    }

    /** A copy of a map-CRS geometry in fractional pixel coordinates (GDAL's arithmetic). */
    public static Geometry toPixels(Geometry g, CrsTransformer t) {
        Geometry c = g.copy();
        c.apply(new CoordinateSequenceFilter() {
            @Override public void filter(CoordinateSequence seq, int i) {
                double[] p = t.mapToPixel(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, p[0]);
                seq.setOrdinate(i, 1, p[1]);
            }
            @Override public boolean isDone() { return false; }
            @Override public boolean isGeometryChanged() { return true; }
        });
        return c;
    }

    /** A copy of a pixel geometry in map coordinates. */
    public static Geometry toMap(Geometry g, CrsTransformer t) {
        Geometry c = g.copy();
        c.apply(new CoordinateSequenceFilter() {
            @Override public void filter(CoordinateSequence seq, int i) {
                double[] p = t.pixelToMap(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, p[0]);
                seq.setOrdinate(i, 1, p[1]);
            }
            @Override public boolean isDone() { return false; }
            @Override public boolean isGeometryChanged() { return true; }
        });
        return c;
    }

    /** Affine x' = a x + b y + c, y' = d x + e y + f. */
    private record Affine(double a, double b, double c, double d, double e, double f) implements CoordinateSequenceFilter {
        @Override public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i), y = seq.getY(i);
            seq.setOrdinate(i, 0, a * x + b * y + c);
            seq.setOrdinate(i, 1, d * x + e * y + f);
        }
        @Override public boolean isDone() { return false; }
        @Override public boolean isGeometryChanged() { return true; }
    }


    public Crs sourceCrs() { return collection.crs(); }
}
