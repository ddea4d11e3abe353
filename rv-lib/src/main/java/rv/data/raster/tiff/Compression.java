package rv.data.raster.tiff;

/** TIFF compression schemes rv knows by name; {@link #isSupported()} says whether rv decodes it. */
public enum Compression {
    NONE(1, "none", true), CCITT_RLE(2, "ccittrle", false), CCITT_FAX3(3, "ccittfax3", false),
    CCITT_FAX4(4, "ccittfax4", false), LZW(5, "lzw", true), OJPEG(6, "ojpeg", false),
    JPEG(7, "jpeg", true), DEFLATE(8, "deflate", true), PACKBITS(32773, "packbits", true),
    ADOBE_DEFLATE(32946, "deflate", true), JBIG(34661, "jbig", false), LERC(34887, "lerc", false),
    LZMA(34925, "lzma", false), ZSTD(50000, "zstd", false), WEBP(50001, "webp", false),
    JXL(50002, "jxl", false), UNKNOWN(-1, "unknown", false);

    private final int code;
    private final String label;
    private final boolean supported;

    Compression(int code, String label, boolean supported) {
        this.code = code; this.label = label; this.supported = supported;
    }

    public int code() { return code; }

    /** Lower-case name as rv prints it ({@code deflate}, {@code lzw}, {@code zstd}, …). */
    public String label() { return label; }

    public boolean isSupported() { return supported; }

    public static Compression of(int code) {
        for (Compression c : values()) if (c.code == code) return c;
        return UNKNOWN;
    }
}
