package rv.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import rv.data.raster.Raster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GDAL (Debian's python3-gdal through /usr/bin/python3) as a test oracle: reports how GDAL reads files
 * rv wrote. Tests that use it fail, never skip, when GDAL is missing.
 */
public final class GdalOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final List<ObjectNode> entries = new ArrayList<>();

    public GdalOracle(Path work) { this.work = work; }

    /** Queues a file; {@code expected} (may be null) is compared byte for byte with GDAL's ReadRaster. */
    public ObjectNode add(Path tif, Raster expected) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.put("tif", tif.toString());
        if (expected != null) {
            Path raw = work.resolve(tif.getFileName() + ".expected.raw");
            Files.write(raw, rawBytes(expected));
            e.put("raw", raw.toString());
        }
        entries.add(e);
        return e;
    }

    /** Runs GDAL over every queued file; one result object per file, in order. */
    public List<JsonNode> run() throws IOException, InterruptedException {
        Path script = work.resolve("gdal_check.py");
        try (InputStream in = GdalOracle.class.getResourceAsStream("/oracle/gdal_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path manifest = work.resolve("manifest.json"), out = work.resolve("gdal-out.json");
        ArrayNode arr = JSON.createArrayNode();
        entries.forEach(arr::add);
        JSON.writeValue(manifest.toFile(), arr);
        String log = PythonOracle.python(script.toString(), manifest.toString(), out.toString());
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(out.toFile()).forEach(results::add);
        if (results.size() != entries.size()) throw new AssertionError("GDAL oracle returned " + results.size() + " results: " + log);
        entries.clear();
        return results;
    }

    /**
     * Reads {@code files} with GDAL ({@code oracle/gdal_read.py}): per file {@code out/<name>.json} of facts
     * (size, bands, type, georeferencing, nodata, block, compression) and one raw little-endian array per
     * window; see {@link #facts} and {@link #window}.
     */
    public static void readWindows(Path out, List<Path> files) throws IOException {
        Path script = Files.createTempFile("rv-gdal-read", ".py");
        try (InputStream in = GdalOracle.class.getResourceAsStream("/oracle/gdal_read.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> args = new ArrayList<>(List.of(script.toString(), out.toString()));
        for (Path f : files) args.add(f.toString());
        PythonOracle.python(args.toArray(String[]::new));
    }

    /** The facts {@link #readWindows} wrote for {@code file}. */
    public static JsonNode facts(Path out, Path file) throws IOException {
        return JSON.readTree(out.resolve(file.getFileName() + ".json").toFile());
    }

    /** Window {@code i} of {@code file} as GDAL read it ({@link #readWindows}), as a little-endian buffer. */
    public static ByteBuffer window(Path out, Path file, int i) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(out.resolve(file.getFileName() + ".w" + i + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Band-sequential little-endian bytes, the layout of GDAL's ReadRaster. */
    public static byte[] rawBytes(Raster r) {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(r.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        switch (r.dataType()) {
            case UINT8, INT8 -> b.put((byte[]) r.data());
            case UINT16, INT16 -> b.asShortBuffer().put((short[]) r.data());
            case UINT32, INT32 -> b.asIntBuffer().put((int[]) r.data());
            case FLOAT32 -> b.asFloatBuffer().put((float[]) r.data());
            case FLOAT64 -> b.asDoubleBuffer().put((double[]) r.data());
        }
        return b.array();
    }

    /** Reads band-sequential little-endian bytes into a raster. */
    public static Raster fromRaw(byte[] bytes, int width, int height, int bands, rv.data.raster.DataType type) {
        Raster r = Raster.zeros(width, height, bands, type);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case UINT8, INT8 -> b.get((byte[]) r.data());
            case UINT16, INT16 -> b.asShortBuffer().get((short[]) r.data());
            case UINT32, INT32 -> b.asIntBuffer().get((int[]) r.data());
            case FLOAT32 -> b.asFloatBuffer().get((float[]) r.data());
            case FLOAT64 -> b.asDoubleBuffer().get((double[]) r.data());
        }
        return r;
    }
}
