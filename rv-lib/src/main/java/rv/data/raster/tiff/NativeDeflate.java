package rv.data.raster.tiff;

/**
 * Decides once per JVM whether libdeflate can be used for inflating and for compressing. The
 * short-command profile of {@code bin/rv} runs without {@code jdk.incubator.foreign}; asking the
 * module layer first avoids a thrown LinkageError (and its cost) on every such run.
 */
final class NativeDeflate {
    private NativeDeflate() {}

    /** Whether {@link LibDeflate} loads (decoding). */
    static boolean inflateUsable() {
        return usable(false);
    }

    /** Whether {@link LibDeflateCompressor} loads (encoding). */
    static boolean compressUsable() {
        return usable(true);
    }

    private static boolean usable(boolean compressor) {
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) return false;
        try {
            if (compressor) LibDeflateCompressor.check(); else LibDeflate.check();
            return true;
        } catch (Throwable t) { // IllegalStateException/IllegalCallerException when the library or native access is missing
            org.slf4j.LoggerFactory.getLogger(NativeDeflate.class).debug("libdeflate {} off: {}", compressor ? "compression" : "decoding", t.toString());
            return false;
        }
    }
}
