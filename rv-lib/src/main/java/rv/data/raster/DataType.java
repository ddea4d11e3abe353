package rv.data.raster;

import java.util.Locale;

/** Pixel data types rv reads and writes, named as numpy/rasterio name them. */
public enum DataType {
    UINT8(1, false, true), INT8(1, true, true), UINT16(2, false, true), INT16(2, true, true),
    UINT32(4, false, true), INT32(4, true, true), FLOAT32(4, true, false), FLOAT64(8, true, false);

    private final int bytes;
    private final boolean signed;
    private final boolean integral;

    DataType(int bytes, boolean signed, boolean integral) {
        this.bytes = bytes; this.signed = signed; this.integral = integral;
    }

    public int bytes() { return bytes; }
    public boolean isSigned() { return signed; }
    public boolean isIntegral() { return integral; }

    /** The smallest value the type holds ({@code -Infinity} for floats). */
    public double minValue() {
        return switch (this) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT8 -> Byte.MIN_VALUE; case INT16 -> Short.MIN_VALUE; case INT32 -> Integer.MIN_VALUE;
            case FLOAT32, FLOAT64 -> Double.NEGATIVE_INFINITY;
        };
    }

    /** The largest value the type holds ({@code +Infinity} for floats). */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255; case UINT16 -> 65535; case UINT32 -> 4294967295.0;
            case INT8 -> Byte.MAX_VALUE; case INT16 -> Short.MAX_VALUE; case INT32 -> Integer.MAX_VALUE;
            case FLOAT32, FLOAT64 -> Double.POSITIVE_INFINITY;
        };
    }

    /** numpy / rasterio name: {@code uint8}, {@code float32}, … */
    public String numpyName() { return name().toLowerCase(Locale.ROOT); }

    /** GDAL name: {@code Byte}, {@code UInt16}, {@code Float32}, … */
    public String gdalName() {
        return switch (this) {
            case UINT8 -> "Byte"; case INT8 -> "Int8"; case UINT16 -> "UInt16"; case INT16 -> "Int16";
            case UINT32 -> "UInt32"; case INT32 -> "Int32"; case FLOAT32 -> "Float32"; case FLOAT64 -> "Float64";
        };
    }

    public static DataType parse(String s) {
        for (DataType t : values()) {
            if (t.numpyName().equalsIgnoreCase(s) || t.gdalName().equalsIgnoreCase(s)) return t;
        }
        throw new IllegalArgumentException("unknown data type '" + s + "' (use uint8, int8, uint16, int16, uint32, int32, float32 or float64)");
    }
}
