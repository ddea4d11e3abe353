package rv.task.labels;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;
import rv.core.Box;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.PixelFeature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chip classification labels: a class per cell. Cells are either the features themselves (each
 * feature's bounding box is a cell) or inferred on a grid of {@code cell_sz} squares from polygons,
 * as Raster Vision's {@code ChipClassificationLabelSource} does.
 */
public final class ChipClassificationLabelSource implements LabelSource {

    /** A labelled cell (scene pixels); {@code scores} may be null. */
    public record Cell(Box box, int classId, float[] scores) {}

    private final Map<Box, Cell> cells;

    private ChipClassificationLabelSource(List<Cell> cells) {
        Map<Box, Cell> m = new LinkedHashMap<>();
        for (Cell c : cells) m.put(c.box(), c);
        this.cells = Collections.unmodifiableMap(m);
    }

    public static ChipClassificationLabelSource ofCells(List<Cell> cells) { return new ChipClassificationLabelSource(cells); }

    /** Options of cell inference (Raster Vision's fields of {@code ChipClassificationLabelSourceConfig}). */
    public record InferOptions(int cellSz, double ioaThresh, boolean useIntersectionOverCell,
                               boolean pickMinClassId, Integer backgroundClassId) {}

    /**
     * Cells on a {@code cellSz} grid over {@code extent}: a cell takes the class of the polygons whose
     * intersection with it is large enough (over the cell's area, or over the polygon's area), the
     * smallest such class id or the one covering most of the cell; cells with none get the
     * background class, or no label when there is none.
     */
    public static ChipClassificationLabelSource infer(GeoJsonVectorSource vectors, Box extent, InferOptions o) {
        List<PixelFeature> polys = new ArrayList<>();
        for (PixelFeature f : vectors.pixelFeatures()) if (f.geometry() instanceof Polygonal) polys.add(f);
        STRtree tree = new STRtree();
        for (int i = 0; i < polys.size(); i++) tree.insert(polys.get(i).geometry().getEnvelopeInternal(), i);
        tree.build();
        GeometryFactory gf = new GeometryFactory();
        List<Cell> out = new ArrayList<>();
        for (Box cell : extent.slidingWindows(o.cellSz(), o.cellSz(), rv.core.Windows.Edge.PAD)) {
            Geometry cg = cell.toPolygon(gf);
            @SuppressWarnings("unchecked")
            List<Integer> hits = new ArrayList<>(tree.query(cg.getEnvelopeInternal()));
            Collections.sort(hits);
            int best = -1;
            double bestIoc = -1;
            Integer min = null;
            for (int i : hits) {
                PixelFeature f = polys.get(i);
                double inter = f.geometry().intersection(cg).getArea();
                if (inter <= 0) continue;
                double ioc = inter / cg.getArea();
                double iop = inter / f.geometry().getArea();
                if ((o.useIntersectionOverCell() ? ioc : iop) < o.ioaThresh()) continue;
                if (ioc > bestIoc) { bestIoc = ioc; best = f.classId(); }
                if (min == null || f.classId() < min) min = f.classId();
            }
            Integer classId = best < 0 ? o.backgroundClassId() : (o.pickMinClassId() ? min : Integer.valueOf(best));
            if (classId != null) out.add(new Cell(cell, classId, null));
        }
        return new ChipClassificationLabelSource(out);
    }

    /** Every feature's bounding box (rounded to whole pixels) is a cell of the feature's class. */
    public static ChipClassificationLabelSource fromFeatures(GeoJsonVectorSource vectors) {
        List<Cell> out = new ArrayList<>();
        for (PixelFeature f : vectors.pixelFeatures()) {
            var e = f.geometry().getEnvelopeInternal();
            int x0 = (int) Math.round(e.getMinX()), y0 = (int) Math.round(e.getMinY());
            int x1 = (int) Math.round(e.getMaxX()), y1 = (int) Math.round(e.getMaxY());
            out.add(new Cell(new Box(x0, y0, x1 - x0, y1 - y0), f.classId(), scores(f.source().properties().get("scores"))));
        }
        return new ChipClassificationLabelSource(out);
    }

    private static float[] scores(Object o) {
        if (!(o instanceof List<?> l)) return null;
        float[] s = new float[l.size()];
        for (int i = 0; i < s.length; i++) s[i] = l.get(i) instanceof Number n ? n.floatValue() : 0f;
        return s;
    }

    /** Every labelled cell, in grid / file order. */
    public List<Cell> cells() { return List.copyOf(cells.values()); }

    /** The class of the cell exactly at {@code box}, or null. */
    public Integer classOf(Box box) {
        Cell c = cells.get(box);
        return c == null ? null : c.classId();
    }

    /** Cells that meet {@code window}. */
    public List<Cell> cellsIn(Box window) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells.values()) if (c.box().intersects(window)) out.add(c);
        return out;
    }
}
