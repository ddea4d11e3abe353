package rv.viz;

import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numpy {@code .npy} images (format 1.x/2.x, C order, shape (H, W) or (H, W, C)) as chip
 * archives hold them, for display only (the pipeline's chip codec lives with the CHIP command).
 */
final class Npy {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*True");

    private Npy() {}

    static Raster read(byte[] bytes, String name) {
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IllegalArgumentException(name + ": not a .npy file");
        }
        int major = bytes[6];
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? Short.toUnsignedInt(bb.getShort(8)) : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find() || FORTRAN.matcher(header).find()) throw new IllegalArgumentException(name + ": unsupported .npy header " + header.trim());
        String[] dims = s.group(1).split(",");
        int h = Integer.parseInt(dims[0].trim());
        int w = Integer.parseInt(dims[1].trim());
        int c = dims.length > 2 && !dims[2].isBlank() ? Integer.parseInt(dims[2].trim()) : 1;
        DataType type = switch (d.group(2) + d.group(3)) {
            case "u1", "b1" -> DataType.UINT8;
            case "i1" -> DataType.INT8;
            case "u2" -> DataType.UINT16;
            case "i2" -> DataType.INT16;
            case "u4" -> DataType.UINT32;
            case "i4" -> DataType.INT32;
            case "f4" -> DataType.FLOAT32;
            case "f8" -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException(name + ": unsupported dtype " + d.group(2) + d.group(3));
        };
        bb.order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int pos = start + headerLen;
        int size = Integer.parseInt(d.group(3));
        Raster r = Raster.zeros(w, h, c, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < c; b++) {
                    int at = pos + ((y * w + x) * c + b) * size;
                    double v = switch (d.group(2) + d.group(3)) {
                        case "u1", "b1" -> Byte.toUnsignedInt(bb.get(at));
                        case "i1" -> bb.get(at);
                        case "u2" -> Short.toUnsignedInt(bb.getShort(at));
                        case "i2" -> bb.getShort(at);
                        case "u4" -> Integer.toUnsignedLong(bb.getInt(at));
                        case "i4" -> bb.getInt(at);
                        case "f4" -> bb.getFloat(at);
                        default -> bb.getDouble(at);
                    };
                    r.set(b, y, x, v);
                }
            }
        }
        return r;
    }
}
