package rv.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.Box;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rv read URI (--window X Y W H | --windows FILE) --out PATH [--bands 0,2,1]}: reads windows
 * (padded outside the image) and saves each as a numpy {@code .npy} array (bands, rows, cols), for
 * inspection in Python or comparison with GDAL.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Read window(s) of a raster and save them as .npy arrays (bands x rows x cols).")
final class ReadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URI", description = "Raster to read (path or URI).")
    String uri;

    static final class Which {
        @Option(names = "--window", arity = "4", paramLabel = "N", description = "One window: X Y W H (pixels).")
        int[] window;
        @Option(names = "--windows", paramLabel = "FILE", description = "Windows file, 'x y w h' per line; writes OUT/w<i>.npy.")
        Path windowsFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output .npy file (--window) or folder (--windows).")
    Path out;

    @Option(names = "--bands", split = ",", paramLabel = "I", description = "0-based bands in output order (default: all).")
    int[] bands;

    @Override
    public Integer call() throws IOException {
        try (RasterSource src = RasterSources.open(uri)) {
            int[] b = bands;
            if (b == null) {
                b = new int[src.bandCount()];
                for (int i = 0; i < b.length; i++) b[i] = i;
            }
            if (which.window != null) {
                int[] w = which.window;
                if (w[2] < 0 || w[3] < 0) throw new RvException("window of negative size " + w[2] + "x" + w[3] + " for " + uri);
                writeNpy(src.read(new Box(w[0], w[1], w[2], w[3]), b), out);
            } else {
                List<Box> windows = BenchCommand.readWindows(which.windowsFile);
                Files.createDirectories(out);
                for (int i = 0; i < windows.size(); i++) writeNpy(src.read(windows.get(i), b), out.resolve("w" + i + ".npy"));
            }
        }
        return 0;
    }

    /** Writes a raster as a little-endian .npy (version 1.0) array of shape (bands, height, width), atomically. */
    static void writeNpy(Raster r, Path file) throws IOException {
        String descr = switch (r.dataType()) {
            case UINT8 -> "|u1"; case INT8 -> "|i1"; case UINT16 -> "<u2"; case INT16 -> "<i2";
            case UINT32 -> "<u4"; case INT32 -> "<i4"; case FLOAT32 -> "<f4"; case FLOAT64 -> "<f8";
        };
        StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + r.bands() + ", " + r.height() + ", " + r.width() + "), }");
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer bb = ByteBuffer.allocate(10 + header.length + (int) r.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0);
        bb.putShort((short) header.length).put(header);
        Object d = r.data();
        if (d instanceof byte[] a) bb.put(a);
        else if (d instanceof short[] a) bb.asShortBuffer().put(a);
        else if (d instanceof int[] a) bb.asIntBuffer().put(a);
        else if (d instanceof float[] a) bb.asFloatBuffer().put(a);
        else if (d instanceof double[] a) bb.asDoubleBuffer().put(a);
        Path abs = file.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.write(tmp, bb.array());
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
