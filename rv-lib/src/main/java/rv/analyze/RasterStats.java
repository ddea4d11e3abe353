package rv.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import rv.core.RvException;
import rv.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Per-channel statistics, saved as Raster Vision's {@code stats.json} ({@code means}, {@code stds}) plus
 * rv's extras ({@code mins}, {@code maxs}, {@code counts}, {@code histograms}: 256 equal bins over
 * each channel's {@code range}). Raster Vision reads the file unchanged: it uses only {@code means} and {@code stds}.
 *
 * @param histograms one per channel (null for floating-point images)
 */
public record RasterStats(double[] means, double[] stds, double[] mins, double[] maxs, long[] counts,
                          java.util.List<Histogram> histograms) {

    /** Counts in equal-width bins over [{@code min}, {@code max}). */
    public record Histogram(double min, double max, long[] counts) {}

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public int channels() { return means.length; }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("means", array(means));
        root.set("stds", array(stds));
        if (mins != null) root.set("mins", array(mins));
        if (maxs != null) root.set("maxs", array(maxs));
        if (counts != null) {
            ArrayNode a = root.putArray("counts");
            for (long c : counts) a.add(c);
        }
        if (histograms != null) {
            ArrayNode hs = root.putArray("histograms");
            for (Histogram h : histograms) {
                ObjectNode o = hs.addObject();
                ArrayNode r = o.putArray("range");
                r.add(h.min());
                r.add(h.max());
                ArrayNode a = o.putArray("counts");
                for (long c : h.counts()) a.add(c);
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode array(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double d : v) a.add(d);
        return a;
    }

    /** Writes {@code stats.json} atomically. */
    public void save(Path path) {
        try {
            AtomicFiles.writeString(path, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a {@code stats.json} written by rv or Raster Vision. */
    public static RasterStats load(Path path) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new RvException(path + ": no such stats file (run the ANALYZE stage or `rv stats` first)");
        } catch (IOException e) {
            throw new RvException(path + ": not a valid stats.json: " + e.getMessage(), e);
        }
        double[] means = doubles(root, "means", path), stds = doubles(root, "stds", path);
        if (means.length != stds.length) throw new RvException(path + ": 'means' and 'stds' have different lengths");
        return new RasterStats(means, stds, optDoubles(root, "mins"), optDoubles(root, "maxs"), null, null);
    }

    private static double[] doubles(JsonNode root, String key, Path path) {
        JsonNode a = root.get(key);
        if (a == null || !a.isArray()) throw new RvException(path + ": '" + key + "' is missing or not an array of numbers");
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) throw new RvException(path + ": " + key + "[" + i + "] is not a number");
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }

    private static double[] optDoubles(JsonNode root, String key) {
        JsonNode a = root.get(key);
        if (a == null || !a.isArray()) return null;
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).doubleValue();
        return out;
    }
}
