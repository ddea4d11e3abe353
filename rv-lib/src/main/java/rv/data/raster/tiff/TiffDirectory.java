package rv.data.raster.tiff;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields of one TIFF image file directory (IFD), decoded: integer types as {@code long[]},
 * rational/float/double types as {@code double[]}, ASCII as {@code String}, BYTE/UNDEFINED as {@code byte[]}.
 */
final class TiffDirectory {
    private final Map<Integer, Object> fields = new HashMap<>();

    void put(int tag, Object value) { fields.put(tag, value); }

    boolean has(int tag) { return fields.containsKey(tag); }

    Object get(int tag) { return fields.get(tag); }

    long[] longs(int tag) {
        Object v = fields.get(tag);
        if (v instanceof long[] l) return l;
        if (v instanceof byte[] b) {
            long[] l = new long[b.length];
            for (int i = 0; i < b.length; i++) l[i] = b[i] & 0xff;
            return l;
        }
        if (v instanceof double[] d) {
            long[] l = new long[d.length];
            for (int i = 0; i < d.length; i++) l[i] = (long) d[i];
            return l;
        }
        return null;
    }

    long longValue(int tag, long dflt) {
        long[] l = longs(tag);
        return l == null || l.length == 0 ? dflt : l[0];
    }

    double[] doubles(int tag) {
        Object v = fields.get(tag);
        if (v instanceof double[] d) return d;
        if (v instanceof long[] l) {
            double[] d = new double[l.length];
            for (int i = 0; i < l.length; i++) d[i] = l[i];
            return d;
        }
        return null;
    }

    String string(int tag) {
        Object v = fields.get(tag);
        if (v instanceof String s) return s;
        if (v instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        return null;
    }

    byte[] bytes(int tag) {
        Object v = fields.get(tag);
        return v instanceof byte[] b ? b : null;
    }
}
