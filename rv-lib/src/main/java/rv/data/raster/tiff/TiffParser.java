package rv.data.raster.tiff;

import rv.core.RvException;
import rv.io.RangeReader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the header and the full-resolution image file directory of a classic or Big TIFF, in either
 * byte order. Small metadata reads go through a block buffer so a remote file costs few requests.
 */
final class TiffParser {
    private static final int BLOCK = 16 * 1024;
    private static final int MAX_IFDS = 64;

    private final RangeReader in;
    private final String name;
    private final Map<Long, byte[]> blocks = new HashMap<>();
    private ByteOrder order;
    private boolean bigTiff;

    TiffParser(RangeReader in) {
        this.in = in;
        this.name = in.uri();
    }

    ByteOrder order() { return order; }

    boolean bigTiff() { return bigTiff; }

    /** Parses the header and returns the first directory that is neither an overview nor a mask. */
    TiffDirectory parse() {
        if (in.size() < 8) throw corrupt("not a TIFF file (only " + in.size() + " bytes)");
        ByteBuffer h = ByteBuffer.wrap(bytes(0, 8));
        byte b0 = h.get(0), b1 = h.get(1);
        if (b0 == 'I' && b1 == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (b0 == 'M' && b1 == 'M') order = ByteOrder.BIG_ENDIAN;
        else throw new RvException(name + ": not a TIFF file (it does not start with II or MM)");
        h.order(order);
        int magic = h.getShort(2) & 0xffff;
        long ifd;
        if (magic == 42) {
            ifd = h.getInt(4) & 0xffffffffL;
        } else if (magic == 43) {
            bigTiff = true;
            if (in.size() < 16) throw corrupt("truncated BigTIFF header");
            ByteBuffer h2 = ByteBuffer.wrap(bytes(8, 8)).order(order);
            ifd = h2.getLong(0);
        } else {
            throw new RvException(name + ": not a TIFF file (magic number " + magic + ", expected 42 or 43)");
        }
        for (int i = 0; i < MAX_IFDS && ifd != 0; i++) {
            long[] next = new long[1];
            TiffDirectory d = readDirectory(ifd, next);
            long subfile = d.longValue(TiffTags.NEW_SUBFILE_TYPE, 0);
            if ((subfile & 0b101) == 0) return d; // not reduced-resolution, not a mask
            ifd = next[0];
        }
        throw corrupt("no full-resolution image in the file");
    }

    private TiffDirectory readDirectory(long offset, long[] next) {
        int countSize = bigTiff ? 8 : 2, entrySize = bigTiff ? 20 : 12, offSize = bigTiff ? 8 : 4;
        if (offset < 8 || offset + countSize > in.size()) throw corrupt("image directory at byte " + offset + " is past the end of the file (truncated?)");
        ByteBuffer cb = ByteBuffer.wrap(bytes(offset, countSize)).order(order);
        long n = bigTiff ? cb.getLong(0) : cb.getShort(0) & 0xffff;
        if (n <= 0 || n > 10_000) throw corrupt("image directory at byte " + offset + " has " + n + " entries");
        long end = offset + countSize + n * entrySize + offSize;
        if (end > in.size()) throw corrupt("image directory at byte " + offset + " runs past the end of the file (truncated?)");
        ByteBuffer e = ByteBuffer.wrap(bytes(offset + countSize, (int) (n * entrySize + offSize))).order(order);
        TiffDirectory d = new TiffDirectory();
        for (int i = 0; i < n; i++) {
            int p = i * entrySize;
            int tag = e.getShort(p) & 0xffff;
            int type = e.getShort(p + 2) & 0xffff;
            long count = bigTiff ? e.getLong(p + 4) : e.getInt(p + 4) & 0xffffffffL;
            int size = typeSize(type);
            if (size == 0) continue; // unknown type: skip the field as libtiff does
            long total = count * size;
            if (count < 0 || total > Integer.MAX_VALUE) throw corrupt("tag " + tag + " has an impossible count " + count);
            byte[] raw;
            int inline = bigTiff ? 8 : 4;
            if (total <= inline) {
                raw = new byte[(int) total];
                e.get(p + 4 + offSize, raw, 0, (int) total);
            } else {
                long at = bigTiff ? e.getLong(p + 12) : e.getInt(p + 8) & 0xffffffffL;
                if (at < 0 || at + total > in.size()) {
                    throw corrupt("tag " + tag + " points at bytes " + at + ".." + (at + total) + " past the end of the file (truncated?)");
                }
                raw = bytes(at, (int) total);
            }
            d.put(tag, decode(type, (int) count, raw));
        }
        next[0] = bigTiff ? e.getLong((int) (n * entrySize)) : e.getInt((int) (n * entrySize)) & 0xffffffffL;
        return d;
    }

    private Object decode(int type, int count, byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        switch (type) {
            case 1, 7: return raw;                       // BYTE, UNDEFINED
            case 2: {                                     // ASCII, NUL-terminated
                int len = raw.length;
                while (len > 0 && raw[len - 1] == 0) len--;
                return new String(raw, 0, len, StandardCharsets.ISO_8859_1);
            }
            case 6: { long[] l = new long[count]; for (int i = 0; i < count; i++) l[i] = raw[i]; return l; }
            case 3: { long[] l = new long[count]; for (int i = 0; i < count; i++) l[i] = b.getShort(2 * i) & 0xffff; return l; }
            case 8: { long[] l = new long[count]; for (int i = 0; i < count; i++) l[i] = b.getShort(2 * i); return l; }
            case 4, 13: { long[] l = new long[count]; for (int i = 0; i < count; i++) l[i] = b.getInt(4 * i) & 0xffffffffL; return l; }
            case 9: { long[] l = new long[count]; for (int i = 0; i < count; i++) l[i] = b.getInt(4 * i); return l; }
            case 16, 17, 18: { long[] l = new long[count]; for (int i = 0; i < count; i++) l[i] = b.getLong(8 * i); return l; }
            case 5: { double[] d = new double[count]; for (int i = 0; i < count; i++) d[i] = (double) (b.getInt(8 * i) & 0xffffffffL) / (b.getInt(8 * i + 4) & 0xffffffffL); return d; }
            case 10: { double[] d = new double[count]; for (int i = 0; i < count; i++) d[i] = (double) b.getInt(8 * i) / b.getInt(8 * i + 4); return d; }
            case 11: { double[] d = new double[count]; for (int i = 0; i < count; i++) d[i] = b.getFloat(4 * i); return d; }
            case 12: { double[] d = new double[count]; for (int i = 0; i < count; i++) d[i] = b.getDouble(8 * i); return d; }
            default: return raw;
        }
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    /** Reads bytes through the block buffer (large spans read directly). */
    private byte[] bytes(long pos, int len) {
        try {
            if (len > BLOCK) return in.read(pos, len);
            byte[] out = new byte[len];
            int done = 0;
            while (done < len) {
                long p = pos + done;
                long blockStart = p / BLOCK * BLOCK;
                byte[] block = blocks.get(blockStart);
                if (block == null) {
                    int bl = (int) Math.min(BLOCK, in.size() - blockStart);
                    block = in.read(blockStart, bl);
                    blocks.put(blockStart, block);
                }
                int from = (int) (p - blockStart);
                int n = Math.min(len - done, block.length - from);
                if (n <= 0) throw new EOFException("past the end");
                System.arraycopy(block, from, out, done, n);
                done += n;
            }
            return out;
        } catch (EOFException e) {
            throw corrupt("truncated TIFF (needed bytes " + pos + ".." + (pos + len) + " of " + in.size() + ")");
        } catch (IOException e) {
            throw new RvException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private RvException corrupt(String what) {
        return new RvException(name + ": corrupt or truncated TIFF: " + what);
    }
}
