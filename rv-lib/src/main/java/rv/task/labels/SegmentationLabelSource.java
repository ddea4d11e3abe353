package rv.task.labels;

import rv.core.Box;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Semantic segmentation labels: a class raster (band 0 = class id), or an RGB raster whose colours
 * map to classes through an {@code rgb_class_config}. Pixels outside the raster, pixels equal to the
 * raster's nodata and RGB colours that match no class get the null class.
 */
public final class SegmentationLabelSource implements LabelSource {
    private final RasterSource source;
    private final Map<Integer, Integer> rgbToClass;
    private final int nullClassId;

    /**
     * @param source      the label raster
     * @param rgbColors   colour of each class id when the raster is RGB ({@code rgb_class_config}); null for a class raster
     * @param nullClassId class of unlabelled pixels
     */
    public SegmentationLabelSource(RasterSource source, int[][] rgbColors, int nullClassId) {
        this.source = source;
        this.nullClassId = nullClassId;
        if (rgbColors != null) {
            if (source.bandCount() < 3) throw new rv.core.RvException("rgb_class_config needs a label raster with 3 bands, this one has " + source.bandCount());
            rgbToClass = new HashMap<>();
            for (int i = rgbColors.length - 1; i >= 0; i--) rgbToClass.put(pack(rgbColors[i]), i);
        } else {
            rgbToClass = null;
        }
    }

    public RasterSource raster() { return source; }

    public int nullClassId() { return nullClassId; }

    public int width() { return source.width(); }

    public int height() { return source.height(); }

    /** The class ids of {@code window}: one uint8 band, the window's size. */
    public Raster labels(Box window) {
        Raster out = Raster.filled(window.width(), window.height(), 1, DataType.UINT8, nullClassId);
        Box inside = window.intersection(source.extent());
        if (inside.isEmpty()) return out;
        byte[] o = (byte[]) out.data();
        int dx = inside.x() - window.x(), dy = inside.y() - window.y();
        if (rgbToClass == null) {
            Raster r = source.read(inside, new int[] {0});
            OptionalDouble nd = source.nodata();
            for (int row = 0; row < inside.height(); row++) {
                for (int col = 0; col < inside.width(); col++) {
                    double v = r.get(0, row, col);
                    int c = nd.isPresent() && v == nd.getAsDouble() ? nullClassId : (int) v;
                    o[(row + dy) * window.width() + col + dx] = (byte) c;
                }
            }
        } else {
            Raster r = source.read(inside, new int[] {0, 1, 2});
            for (int row = 0; row < inside.height(); row++) {
                for (int col = 0; col < inside.width(); col++) {
                    int key = pack((int) r.get(0, row, col), (int) r.get(1, row, col), (int) r.get(2, row, col));
                    Integer c = rgbToClass.get(key);
                    o[(row + dy) * window.width() + col + dx] = (byte) (c == null ? nullClassId : c);
                }
            }
        }
        return out;
    }

    private static int pack(int[] rgb) { return pack(rgb[0], rgb[1], rgb[2]); }

    private static int pack(int r, int g, int b) { return ((r & 0xff) << 16) | ((g & 0xff) << 8) | (b & 0xff); }

    @Override
    public void close() { source.close(); }
}
