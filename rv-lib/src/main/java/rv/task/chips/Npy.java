package rv.task.chips;

import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numpy {@code .npy} format for chip images: a {@link Raster} ({@code bands × h × w},
 * band-sequential) is stored as a C-order array of shape {@code (h, w, bands)}, little-endian, as
 * {@code np.save} writes an HWC image. Reading accepts format versions 1–3, either byte order and
 * shapes {@code (h, w)} (one band) or {@code (h, w, c)}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {}

    /** numpy {@code descr} of a data type, little-endian. */
    public static String descr(DataType t) {
        return switch (t) {
            case UINT8 -> "|u1"; case INT8 -> "|i1"; case UINT16 -> "<u2"; case INT16 -> "<i2";
            case UINT32 -> "<u4"; case INT32 -> "<i4"; case FLOAT32 -> "<f4"; case FLOAT64 -> "<f8";
        };
    }

    /** Encodes {@code r} as an HWC {@code .npy} file. */
    public static byte[] encode(Raster r) {
        String dict = "{'descr': '" + descr(r.dataType()) + "', 'fortran_order': False, 'shape': ("
                + r.height() + ", " + r.width() + ", " + r.bands() + "), }";
        // magic(6) + version(2) + len(2) + header, padded with spaces so the data starts on a 64-byte boundary
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        int bytes = r.dataType().bytes();
        int h = r.height(), w = r.width(), c = r.bands();
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + h * w * c * bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        Object d = r.data();
        int plane = h * w;
        int off = buf.position();
        byte[] outBytes = buf.array();
        switch (r.dataType()) {
            case UINT8, INT8 -> {
                byte[] src = (byte[]) d;
                for (int b = 0; b < c; b++) {
                    int base = b * plane;
                    for (int p = 0, o = off + b; p < plane; p++, o += c) outBytes[o] = src[base + p];
                }
            }
            case UINT16, INT16 -> {
                java.nio.ShortBuffer sb = buf.asShortBuffer();
                short[] src = (short[]) d;
                for (int b = 0; b < c; b++) for (int p = 0; p < plane; p++) sb.put(p * c + b, src[b * plane + p]);
            }
            case UINT32, INT32 -> {
                java.nio.IntBuffer ib = buf.asIntBuffer();
                int[] src = (int[]) d;
                for (int b = 0; b < c; b++) for (int p = 0; p < plane; p++) ib.put(p * c + b, src[b * plane + p]);
            }
            case FLOAT32 -> {
                java.nio.FloatBuffer fb = buf.asFloatBuffer();
                float[] src = (float[]) d;
                for (int b = 0; b < c; b++) for (int p = 0; p < plane; p++) fb.put(p * c + b, src[b * plane + p]);
            }
            case FLOAT64 -> {
                java.nio.DoubleBuffer db = buf.asDoubleBuffer();
                double[] src = (double[]) d;
                for (int b = 0; b < c; b++) for (int p = 0; p < plane; p++) db.put(p * c + b, src[b * plane + p]);
            }
        }
        return buf.array();
    }

    public static void write(OutputStream out, Raster r) throws IOException { out.write(encode(r)); }

    /** Decodes an {@code .npy} image of shape (h, w) or (h, w, c) into a band-sequential raster. */
    public static Raster read(InputStream in) throws IOException {
        DataInputStream din = new DataInputStream(in);
        byte[] magic = new byte[6];
        din.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException("not a .npy file (bad magic)");
        int major = din.readUnsignedByte();
        din.readUnsignedByte();
        int headerLen;
        if (major == 1) {
            headerLen = din.readUnsignedByte() | (din.readUnsignedByte() << 8);
        } else if (major == 2 || major == 3) {
            byte[] l = new byte[4];
            din.readFully(l);
            headerLen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new IOException("unsupported .npy version " + major);
        }
        byte[] hb = new byte[headerLen];
        din.readFully(hb);
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(header, "descr", "'([^']*)'");
        if (field(header, "fortran_order", "(True|False)").equals("True")) {
            throw new IOException(".npy arrays in Fortran order are not supported");
        }
        List<Integer> shape = new ArrayList<>();
        for (String s : field(header, "shape", "\\(([^)]*)\\)").split(",")) {
            if (!s.isBlank()) shape.add(Integer.parseInt(s.trim()));
        }
        if (shape.size() != 2 && shape.size() != 3) throw new IOException(".npy shape " + shape + " is not (h, w) or (h, w, c)");
        int h = shape.get(0), w = shape.get(1), c = shape.size() == 3 ? shape.get(2) : 1;
        ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DataType type = switch (descr.substring(1)) {
            case "u1" -> DataType.UINT8; case "i1" -> DataType.INT8; case "u2" -> DataType.UINT16;
            case "i2" -> DataType.INT16; case "u4" -> DataType.UINT32; case "i4" -> DataType.INT32;
            case "f4" -> DataType.FLOAT32; case "f8" -> DataType.FLOAT64; case "b1" -> DataType.UINT8;
            default -> throw new IOException("unsupported .npy dtype " + descr);
        };
        byte[] body = new byte[Math.multiplyExact(Math.multiplyExact(h * w, c), type.bytes())];
        din.readFully(body);
        ByteBuffer buf = ByteBuffer.wrap(body).order(order);
        Raster r = Raster.zeros(w, h, c, type);
        Object d = r.data();
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            for (int b = 0; b < c; b++) {
                int i = b * plane + p;
                switch (type) {
                    case UINT8, INT8 -> ((byte[]) d)[i] = buf.get();
                    case UINT16, INT16 -> ((short[]) d)[i] = buf.getShort();
                    case UINT32, INT32 -> ((int[]) d)[i] = buf.getInt();
                    case FLOAT32 -> ((float[]) d)[i] = buf.getFloat();
                    case FLOAT64 -> ((double[]) d)[i] = buf.getDouble();
                }
            }
        }
        return r;
    }

    public static Raster decode(byte[] bytes) throws IOException {
        return read(new java.io.ByteArrayInputStream(bytes));
    }

    private static String field(String header, String key, String valueRegex) throws IOException {
        Matcher m = Pattern.compile("'" + key + "'\\s*:\\s*" + valueRegex).matcher(header);
        if (!m.find()) throw new IOException(".npy header lacks '" + key + "': " + header.trim());
        return m.group(1);
    }

}
