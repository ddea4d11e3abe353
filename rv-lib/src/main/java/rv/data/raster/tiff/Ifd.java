package rv.data.raster.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One TIFF image file directory being written: tag entries kept sorted by tag, serialised
 * little-endian as classic TIFF or BigTIFF. Values too large for the entry are placed right after the
 * directory, so an IFD and its values form one contiguous block whose size is known before the values
 * (e.g. tile offsets) are.
 */
public final class Ifd {
    public static final int ASCII = 2, SHORT = 3, LONG = 4, DOUBLE = 12, LONG8 = 16;

    private record Entry(int type, long count, long[] ints, double[] doubles, byte[] ascii) {
        int typeSize() {
            return switch (type) {
                case ASCII -> 1; case SHORT -> 2; case LONG -> 4; default -> 8;
            };
        }

        long valueBytes() { return count * typeSize(); }
    }

    private final Map<Integer, Entry> entries = new TreeMap<>();

    public Ifd shorts(int tag, long... values) { return put(tag, new Entry(SHORT, values.length, values, null, null)); }

    public Ifd longs(int tag, long... values) { return put(tag, new Entry(LONG, values.length, values, null, null)); }

    public Ifd long8s(int tag, long... values) { return put(tag, new Entry(LONG8, values.length, values, null, null)); }

    /** SHORT when every value fits 16 bits, else LONG (what GDAL does for sizes). */
    public Ifd shortOrLong(int tag, long value) { return value <= 0xFFFF ? shorts(tag, value) : longs(tag, value); }

    public Ifd doubles(int tag, double... values) { return put(tag, new Entry(DOUBLE, values.length, null, values, null)); }

    /** A NUL-terminated ASCII value. */
    public Ifd ascii(int tag, String value) {
        byte[] b = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        return put(tag, new Entry(ASCII, b.length, null, null, b));
    }

    /** Replaces the integer values of an existing entry (same count and type), e.g. tile offsets. */
    public void setInts(int tag, long[] values) {
        Entry e = entries.get(tag);
        if (e == null || e.ints == null || e.count != values.length) throw new IllegalArgumentException("no integer tag " + tag + " of " + values.length + " values");
        entries.put(tag, new Entry(e.type, e.count, values, null, null));
    }

    private Ifd put(int tag, Entry e) {
        entries.put(tag, e);
        return this;
    }

    private static int inlineBytes(boolean big) { return big ? 8 : 4; }

    /** Bytes of the directory plus its out-of-line values. */
    public long byteSize(boolean big) {
        long size = big ? 8 + 20L * entries.size() + 8 : 2 + 12L * entries.size() + 4;
        for (Entry e : entries.values()) {
            long vb = e.valueBytes();
            if (vb > inlineBytes(big)) size += vb + (vb & 1);
        }
        return size;
    }

    /**
     * Serialises this directory as if placed at file offset {@code at}, pointing to the next
     * directory at {@code next} (0 for the last).
     */
    public ByteBuffer encode(long at, long next, boolean big) {
        long size = byteSize(big);
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        int entrySize = big ? 20 : 12;
        int headerSize = big ? 8 : 2;
        long overflow = at + headerSize + (long) entrySize * entries.size() + (big ? 8 : 4);
        if (big) b.putLong(entries.size()); else b.putShort((short) entries.size());
        ByteBuffer values = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        values.position(Math.toIntExact(overflow - at));
        for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            b.putShort((short) (int) me.getKey());
            b.putShort((short) e.type);
            if (big) b.putLong(e.count); else b.putInt(Math.toIntExact(e.count));
            long vb = e.valueBytes();
            if (vb <= inlineBytes(big)) {
                int start = b.position();
                putValues(b, e, big);
                b.position(start + inlineBytes(big));
            } else {
                long pos = at + values.position();
                if (big) b.putLong(pos); else b.putInt(Math.toIntExact(pos));
                putValues(values, e, big);
                if ((vb & 1) == 1) values.put((byte) 0);
            }
        }
        if (big) b.putLong(next); else b.putInt((int) next);
        b.position(0);
        return b;
    }

    private static void putValues(ByteBuffer b, Entry e, boolean big) {
        switch (e.type) {
            case ASCII -> b.put(e.ascii);
            case SHORT -> { for (long v : e.ints) b.putShort((short) v); }
            case LONG -> { for (long v : e.ints) b.putInt((int) v); }
            case LONG8 -> { for (long v : e.ints) b.putLong(v); }
            case DOUBLE -> { for (double v : e.doubles) b.putDouble(v); }
            default -> throw new IllegalStateException("type " + e.type);
        }
    }
}
