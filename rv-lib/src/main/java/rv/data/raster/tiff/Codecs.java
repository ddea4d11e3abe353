package rv.data.raster.tiff;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Lossless TIFF decompressors: deflate (native zlib via {@link Inflater}), LZW and PackBits. */
final class Codecs {
    private Codecs() {}

    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<LzwTable> LZW_TABLE = ThreadLocal.withInitial(LzwTable::new);

    /** Whether the libdeflate fast path is in use (see {@link LibDeflate}). */
    static final boolean NATIVE = NativeDeflate.inflateUsable();

    /** Inflates zlib data into {@code dst[0..expected)}; returns the number of bytes produced. */
    static int inflate(byte[] src, int srcLen, byte[] dst, int expected) throws DataFormatException {
        if (NATIVE) {
            int n = LibDeflate.zlibDecompress(src, srcLen, dst, expected);
            if (n >= 0) return n;
        }
        return inflateJdk(src, srcLen, dst, expected);
    }

    /** {@link #inflate} with {@link java.util.zip.Inflater} only. */
    static int inflateJdk(byte[] src, int srcLen, byte[] dst, int expected) throws DataFormatException {
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(src, 0, srcLen);
        int n = 0;
        while (n < expected) {
            int k = inf.inflate(dst, n, expected - n);
            if (k == 0) {
                if (inf.finished() || inf.needsInput()) break;
                if (inf.needsDictionary()) throw new DataFormatException("deflate stream needs a preset dictionary");
            }
            n += k;
        }
        return n;
    }

    /** Decodes PackBits into {@code dst[0..expected)}; returns the number of bytes produced. */
    static int unpackBits(byte[] src, int srcLen, byte[] dst, int expected) {
        int i = 0, o = 0;
        while (i < srcLen && o < expected) {
            int n = src[i++];
            if (n >= 0) {
                int len = Math.min(n + 1, Math.min(expected - o, srcLen - i));
                System.arraycopy(src, i, dst, o, len);
                i += n + 1;
                o += len;
            } else if (n != -128) {
                if (i >= srcLen) break;
                byte b = src[i++];
                int len = Math.min(1 - n, expected - o);
                for (int k = 0; k < len; k++) dst[o++] = b;
            }
        }
        return o;
    }

    /** Code table of the TIFF LZW decoder, reused per thread. */
    private static final class LzwTable {
        final int[] prefix = new int[4096];
        final byte[] suffix = new byte[4096];
        final byte[] first = new byte[4096];
        final int[] length = new int[4096];

        LzwTable() {
            for (int i = 0; i < 256; i++) {
                suffix[i] = (byte) i; first[i] = (byte) i; length[i] = 1; prefix[i] = -1;
            }
        }
    }

    private static final int CLEAR = 256, EOI = 257;

    /**
     * Decodes TIFF LZW (MSB-first codes, 9 to 12 bits, "early change" as libtiff writes it) into
     * {@code dst[0..expected)}; returns the number of bytes produced.
     */
    static int unLzw(byte[] src, int srcLen, byte[] dst, int expected) {
        LzwTable t = LZW_TABLE.get();
        int[] prefix = t.prefix, length = t.length;
        byte[] suffix = t.suffix, first = t.first;
        int nbits = 9, next = 258, old = -1, o = 0;
        long bits = 0;
        int nb = 0, i = 0;
        while (o < expected) {
            while (nb < nbits) {
                if (i >= srcLen) return o;
                bits = (bits << 8) | (src[i++] & 0xff);
                nb += 8;
            }
            int code = (int) ((bits >>> (nb - nbits)) & ((1 << nbits) - 1));
            nb -= nbits;
            if (code == EOI) break;
            if (code == CLEAR) {
                nbits = 9; next = 258; old = -1;
                continue;
            }
            if (old == -1) {
                if (code > 255) return o; // corrupt: first code after clear must be a literal
                dst[o++] = (byte) code;
                old = code;
                continue;
            }
            int c;
            byte firstByte;
            if (code < next) {
                c = code;
                firstByte = first[code];
            } else {
                c = old; // KwKwK: string(old) + first(old)
                firstByte = first[old];
            }
            int len = length[c];
            int end = o + len;
            // write string(c) backwards
            int k = c;
            for (int p = end - 1; p >= o; p--) {
                if (p < expected) dst[p] = suffix[k];
                k = prefix[k];
            }
            o = Math.min(end, expected);
            if (code >= next && o < expected) dst[o++] = firstByte;
            if (next < 4096) {
                prefix[next] = old;
                suffix[next] = firstByte;
                first[next] = first[old];
                length[next] = length[old] + 1;
                next++;
                if (next >= (1 << nbits) - 1 && nbits < 12) nbits++;
            }
            old = code;
        }
        return o;
    }
}
