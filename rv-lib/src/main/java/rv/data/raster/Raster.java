package rv.data.raster;

import java.util.Arrays;
import java.util.Objects;

/**
 * An in-memory block of pixels: {@code bands × height × width}, band-sequential, in one primitive
 * array whose type follows the {@link DataType} (uint8/int8 → byte[], uint16/int16 → short[],
 * uint32/int32 → int[], float32 → float[], float64 → double[]). Unsigned values are stored in the
 * signed Java type of the same width; {@link #get} converts them back.
 * Index of (band, row, col) = {@code (band * height + row) * width + col}.
 */
public final class Raster {
    private final int width;
    private final int height;
    private final int bands;
    private final DataType dataType;
    private final Object data;

    public Raster(int width, int height, int bands, DataType dataType, Object data) {
        this.width = width; this.height = height; this.bands = bands;
        this.dataType = Objects.requireNonNull(dataType);
        this.data = Objects.requireNonNull(data);
        long n = (long) width * height * bands;
        if (length(data) != n) {
            throw new IllegalArgumentException("array holds " + length(data) + " values, need " + n);
        }
        if (data.getClass() != allocate(dataType, 0).getClass()) {
            throw new IllegalArgumentException(data.getClass().getSimpleName() + " cannot hold " + dataType);
        }
    }

    /** A raster of zeros. */
    public static Raster zeros(int width, int height, int bands, DataType type) {
        return new Raster(width, height, bands, type, allocate(type, Math.multiplyExact(Math.multiplyExact(width, height), bands)));
    }

    /** A raster whose every pixel is {@code value}. */
    public static Raster filled(int width, int height, int bands, DataType type, double value) {
        Raster r = zeros(width, height, bands, type);
        if (value != 0) r.fill(value);
        return r;
    }

    public static Object allocate(DataType type, int n) {
        return switch (type) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    public int width() { return width; }
    public int height() { return height; }
    public int bands() { return bands; }
    public DataType dataType() { return dataType; }

    /** The backing primitive array (shared, not copied). */
    public Object data() { return data; }

    public int index(int band, int row, int col) { return (band * height + row) * width + col; }

    public double get(int band, int row, int col) { return getAt(index(band, row, col)); }

    public void set(int band, int row, int col, double v) { setAt(index(band, row, col), v); }

    /** Value at a flat index, unsigned types converted to their true value. */
    public double getAt(int i) {
        return switch (dataType) {
            case UINT8 -> ((byte[]) data)[i] & 0xff;
            case INT8 -> ((byte[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xffff;
            case INT16 -> ((short[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xffffffffL;
            case INT32 -> ((int[]) data)[i];
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
        };
    }

    /** Stores {@code v} at a flat index, cast the way numpy's {@code astype} casts in-range values. */
    public void setAt(int i, double v) {
        switch (dataType) {
            case UINT8, INT8 -> ((byte[]) data)[i] = (byte) (long) v;
            case UINT16, INT16 -> ((short[]) data)[i] = (short) (long) v;
            case UINT32, INT32 -> ((int[]) data)[i] = (int) (long) v;
            case FLOAT32 -> ((float[]) data)[i] = (float) v;
            case FLOAT64 -> ((double[]) data)[i] = v;
        }
    }

    public void fill(double v) {
        switch (dataType) {
            case UINT8, INT8 -> Arrays.fill((byte[]) data, (byte) (long) v);
            case UINT16, INT16 -> Arrays.fill((short[]) data, (short) (long) v);
            case UINT32, INT32 -> Arrays.fill((int[]) data, (int) (long) v);
            case FLOAT32 -> Arrays.fill((float[]) data, (float) v);
            case FLOAT64 -> Arrays.fill((double[]) data, v);
        }
    }

    /** Size of the pixel data in bytes. */
    public long byteSize() { return (long) width * height * bands * dataType.bytes(); }

    /** A new raster holding the given bands (0-based) in the given order. */
    public Raster selectBands(int... bandIndexes) {
        Raster out = zeros(width, height, bandIndexes.length, dataType);
        int plane = width * height;
        for (int i = 0; i < bandIndexes.length; i++) {
            int b = bandIndexes[i];
            if (b < 0 || b >= bands) throw new IllegalArgumentException("band index " + b + " out of range 0.." + (bands - 1));
            System.arraycopy(data, b * plane, out.data, i * plane, plane);
        }
        return out;
    }

    /** Copies {@code src} into this raster with src's (0,0) at (col, row); parts outside are dropped. */
    public void paste(Raster src, int col, int row) {
        if (src.bands != bands || src.dataType != dataType) throw new IllegalArgumentException("band count or type differ");
        int x0 = Math.max(0, col), y0 = Math.max(0, row);
        int x1 = Math.min(width, col + src.width), y1 = Math.min(height, row + src.height);
        if (x1 <= x0 || y1 <= y0) return;
        for (int b = 0; b < bands; b++) {
            for (int y = y0; y < y1; y++) {
                System.arraycopy(src.data, src.index(b, y - row, x0 - col), data, index(b, y, x0), x1 - x0);
            }
        }
    }

    /** A copy of the pixels of {@code region} (which must lie inside this raster). */
    public Raster window(rv.core.Box region) {
        Raster out = zeros(region.width(), region.height(), bands, dataType);
        copyTo(region, out, 0, 0);
        return out;
    }

    /**
     * Copies the pixels of {@code region} of this raster into {@code dst} with the region's top-left
     * corner at ({@code dstCol}, {@code dstRow}); both rectangles must fit their rasters.
     */
    public void copyTo(rv.core.Box region, Raster dst, int dstCol, int dstRow) {
        if (dst.bands != bands || dst.dataType != dataType) throw new IllegalArgumentException("band count or type differ");
        if (region.x() < 0 || region.y() < 0 || region.xMax() > width || region.yMax() > height) {
            throw new IllegalArgumentException(region + " is not inside " + this);
        }
        if (dstCol < 0 || dstRow < 0 || dstCol + region.width() > dst.width || dstRow + region.height() > dst.height) {
            throw new IllegalArgumentException(region + " at (" + dstCol + ", " + dstRow + ") does not fit " + dst);
        }
        int w = region.width();
        if (w == 0) return;
        for (int b = 0; b < bands; b++) {
            for (int r = 0; r < region.height(); r++) {
                System.arraycopy(data, index(b, region.y() + r, region.x()), dst.data, dst.index(b, dstRow + r, dstCol), w);
            }
        }
    }

    public boolean contentEquals(Raster o) {
        if (o.width != width || o.height != height || o.bands != bands || o.dataType != dataType) return false;
        return switch (dataType) {
            case UINT8, INT8 -> Arrays.equals((byte[]) data, (byte[]) o.data);
            case UINT16, INT16 -> Arrays.equals((short[]) data, (short[]) o.data);
            case UINT32, INT32 -> Arrays.equals((int[]) data, (int[]) o.data);
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) o.data);
            case FLOAT64 -> Arrays.equals((double[]) data, (double[]) o.data);
        };
    }

    private static int length(Object array) { return java.lang.reflect.Array.getLength(array); }

    @Override public String toString() {
        return "Raster[" + width + "x" + height + "x" + bands + " " + dataType.numpyName() + "]";
    }
}
