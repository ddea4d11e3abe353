package rv.task.labels;

import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import rv.core.Box;
import rv.core.ClassConfig;
import rv.core.Colors;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.data.label.BuildingVectorOutputConfig;
import rv.data.label.PolygonVectorOutputConfig;
import rv.data.label.SemanticSegmentationLabelStoreConfig;
import rv.data.label.VectorOutputConfig;
import rv.data.raster.DataType;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.Raster;
import rv.data.raster.RasterProfile;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.TiledGeoTiffWriter;
import rv.data.vector.Feature;
import rv.data.vector.GeoJsonWriter;
import rv.task.TaskFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Semantic segmentation predictions (Raster Vision's {@code SemanticSegmentationLabelStore}): a tiled,
 * deflated GeoTIFF on the imagery's grid holding class ids (uint8), or with {@code rgb} the class
 * colours (3 bands); plus optional vector outputs (GeoJSON polygons in WGS 84) per class.
 * The raster is written block by block as PREDICT produces it ({@link #create}); memory stays
 * proportional to one row of tiles.
 */
public final class SegmentationLabelStore implements AutoCloseable {
    private final SemanticSegmentationLabelStoreConfig config;
    private final ClassConfig classes;
    private final RasterSource imagery;
    private final TiledGeoTiffWriter writer;
    private final int[][] colors;

    private SegmentationLabelStore(SemanticSegmentationLabelStoreConfig config, ClassConfig classes, RasterSource imagery) {
        this.config = config;
        this.classes = classes;
        this.imagery = imagery;
        boolean rgb = Boolean.TRUE.equals(config.rgb());
        this.colors = rgb ? Colors.of(classes) : null;
        RasterProfile p = new RasterProfile(imagery.width(), imagery.height(), rgb ? 3 : 1, DataType.UINT8,
                imagery.geoTransform(), imagery.epsg(), java.util.OptionalDouble.empty());
        this.writer = TiledGeoTiffWriter.create(TaskFiles.localPath(config.uri()), p,
                GeoTiffWriteOptions.DEFAULT.withRgb(rgb));
    }

    /** Opens the store for writing the predictions of a scene whose imagery is {@code imagery}. */
    public static SegmentationLabelStore create(SemanticSegmentationLabelStoreConfig config, ClassConfig classes, RasterSource imagery) {
        return new SegmentationLabelStore(config, classes, imagery);
    }

    /** Writes class ids (row-major, {@code window.width() × window.height()}) for a window inside the image. */
    public void write(Box window, byte[] classIds) {
        Raster r;
        if (colors == null) {
            r = new Raster(window.width(), window.height(), 1, DataType.UINT8, classIds);
        } else {
            int plane = classIds.length;
            byte[] rgb = new byte[plane * 3];
            for (int i = 0; i < plane; i++) {
                int c = classIds[i] & 0xff;
                int[] col = c < colors.length ? colors[c] : new int[] {0, 0, 0};
                rgb[i] = (byte) col[0];
                rgb[plane + i] = (byte) col[1];
                rgb[2 * plane + i] = (byte) col[2];
            }
            r = new Raster(window.width(), window.height(), 3, DataType.UINT8, rgb);
        }
        writer.writeWindow(window, r);
    }

    /** Completes the GeoTIFF (unwritten blocks become 0), then writes the vector outputs. */
    public void finish() {
        writer.finish();
        if (config.vectorOutput() != null && !config.vectorOutput().isEmpty()) {
            writeVectorOutputs(config, classes, CrsTransformer.of(imagery));
        }
    }

    /** Discards the unfinished GeoTIFF. */
    public void abort() { writer.abort(); }

    @Override
    public void close() { writer.close(); }

    /** The predictions of a store as a label source (RGB colours mapped back to classes). */
    public static SegmentationLabelSource read(SemanticSegmentationLabelStoreConfig config, ClassConfig classes) {
        int nullId = classes.nullClass() == null ? classes.names().size() : classes.classId(classes.nullClass());
        RasterSource src = RasterSources.open(TaskFiles.localPath(config.uri()).toString());
        return new SegmentationLabelSource(src, Boolean.TRUE.equals(config.rgb()) ? Colors.of(classes) : null, nullId);
    }

    /** Vectorises the class raster of {@code config} into each of its vector outputs. */
    public static void writeVectorOutputs(SemanticSegmentationLabelStoreConfig config, ClassConfig classes, CrsTransformer crs) {
        try (SegmentationLabelSource src = read(config, classes)) {
            int w = src.width(), h = src.height();
            byte[] ids = (byte[]) src.labels(new Box(0, 0, w, h)).data();
            for (VectorOutputConfig vo : config.vectorOutput()) {
                boolean[] mask = new boolean[ids.length];
                for (int i = 0; i < ids.length; i++) mask[i] = (ids[i] & 0xff) == vo.classId();
                List<Geometry> polys = vectorize(vo, mask, w, h);
                List<Feature> features = new ArrayList<>();
                for (Geometry g : polys) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("class_id", vo.classId());
                    features.add(new Feature(GeoJsonLabels.toLonLat(g, crs), props));
                }
                GeoJsonWriter.write(TaskFiles.localPath(vo.uri()), features, Crs.WGS84);
            }
        }
    }

    /** Polygons (pixel coordinates) of one class mask, as the vector output asks. */
    public static List<Geometry> vectorize(VectorOutputConfig vo, boolean[] mask, int w, int h) {
        int denoise = vo.denoise() == null ? 0 : vo.denoise();
        boolean[] m = Masks.open(mask, w, h, denoise);
        if (vo instanceof BuildingVectorOutputConfig b) return buildings(b, m, w, h);
        if (!(vo instanceof PolygonVectorOutputConfig)) {
            throw new rv.core.RvException("vector output " + vo.getClass().getSimpleName() + " is not supported");
        }
        return new ArrayList<>(Masks.polygons(m, w, h, GeoJsonLabels.GF));
    }

    /**
     * Building footprints: each region becomes its minimum-area rectangle; regions smaller than
     * {@code min_area} (pixels) are dropped; an elongated region (rectangle aspect ratio ≥
     * {@code min_aspect_ratio}) is taken for touching buildings and split by an opening whose
     * size is {@code element_width_factor} × its short side, thinned by {@code element_thickness}.
     */
    static List<Geometry> buildings(BuildingVectorOutputConfig b, boolean[] m, int w, int h) {
        List<Geometry> out = new ArrayList<>();
        for (Polygon p : Masks.polygons(m, w, h, GeoJsonLabels.GF)) {
            if (p.getArea() < b.minArea()) continue;
            Geometry rect = MinimumAreaRectangle.getMinimumRectangle(p);
            double[] sides = sides(rect);
            double aspect = sides[1] / Math.max(1e-9, sides[0]);
            if (aspect < b.minAspectRatio() || sides[0] < 3) {
                out.add(rect);
                continue;
            }
            int k = (int) Math.max(1, Math.round(b.elementWidthFactor() * sides[0] * (1 - b.elementThickness()) / 2));
            var env = p.getEnvelopeInternal();
            int x0 = (int) Math.floor(env.getMinX()), y0 = (int) Math.floor(env.getMinY());
            int bw = (int) Math.ceil(env.getMaxX()) - x0, bh = (int) Math.ceil(env.getMaxY()) - y0;
            boolean[] sub = new boolean[bw * bh];
            for (int y = 0; y < bh; y++) for (int x = 0; x < bw; x++) sub[y * bw + x] = m[(y + y0) * w + x + x0];
            boolean[] split = Masks.open(sub, bw, bh, k);
            List<Polygon> parts = Masks.polygons(split, bw, bh, GeoJsonLabels.GF);
            if (parts.size() <= 1) {
                out.add(rect);
                continue;
            }
            for (Polygon part : parts) {
                Geometry r = MinimumAreaRectangle.getMinimumRectangle(part);
                r.apply(new org.locationtech.jts.geom.util.AffineTransformation().translate(x0, y0));
                r.geometryChanged();
                if (r.getArea() >= b.minArea()) out.add(r);
            }
        }
        return out;
    }

    private static double[] sides(Geometry rect) {
        Coordinate[] c = rect.getCoordinates();
        if (c.length < 4) return new double[] {0, 0};
        double a = c[0].distance(c[1]), bb = c[1].distance(c[2]);
        return new double[] {Math.min(a, bb), Math.max(a, bb)};
    }

}
