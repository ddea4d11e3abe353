package rv.data.vector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rv.core.Crs;
import rv.core.RvException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads GeoJSON FeatureCollections (or a single Feature) into {@link Feature}s, streaming: the file
 * is parsed token by token and only one feature's tree is held at a time. Keeps properties, honours
 * the legacy {@code crs} member (unless told to ignore it), reads every geometry type including holes
 * and Multi* forms, closes unclosed rings and repairs invalid polygons (counted, logged once).
 * Malformed input fails with one {@link RvException} naming the file, the feature and the field.
 */
public final class GeoJsonReader {
    private static final Logger LOG = LoggerFactory.getLogger(GeoJsonReader.class);
    // jackson-core only: data binding would load hundreds of classes on every cold CLI start.
    private static final JsonFactory JSON = new JsonFactory();

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 0);
    private final boolean ignoreCrsField;
    private final boolean repairInvalid;

    public GeoJsonReader(boolean ignoreCrsField, boolean repairInvalid) {
        this.ignoreCrsField = ignoreCrsField;
        this.repairInvalid = repairInvalid;
    }

    public GeoJsonReader() { this(false, true); }

    /** Reads a whole file. */
    public static FeatureCollection read(Path path) { return new GeoJsonReader().readFile(path); }

    public FeatureCollection readFile(Path path) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new RvException(path + ": no such GeoJSON file");
        } catch (IOException e) {
            throw new RvException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a local path, {@code file://}, {@code http(s)://} or {@code zip://} URI (through
     * {@link rv.io.FileSystems}), streaming it in 1 MiB ranges.
     */
    public FeatureCollection readUri(String uri) {
        if (!uri.contains("://")) return readFile(Path.of(uri));
        try (rv.io.RangeReader r = rv.io.FileSystems.open(uri);
             InputStream in = new BufferedInputStream(new RangeInputStream(r), 1 << 16)) {
            return read(in, uri);
        } catch (IOException e) {
            throw new RvException(uri + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Sequential reads over a {@link rv.io.RangeReader}. */
    private static final class RangeInputStream extends InputStream {
        private final rv.io.RangeReader reader;
        private long position;

        RangeInputStream(rv.io.RangeReader reader) { this.reader = reader; }

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            long left = reader.size() - position;
            if (left <= 0) return -1;
            int n = (int) Math.min(Math.min(len, left), 1 << 20);
            reader.readFully(position, b, off, n);
            position += n;
            return n;
        }
    }

    /** Reads from a stream; {@code name} is used in error messages. */
    public FeatureCollection read(InputStream in, String name) throws IOException {
        List<Feature> out = new ArrayList<>();
        Counts counts = new Counts();
        Crs crs = stream(in, name, out::add, counts);
        if (counts.repaired > 0) LOG.warn("{}: repaired {} invalid polygon(s)", name, counts.repaired);
        return new FeatureCollection(out, crs, counts.repaired, counts.skipped);
    }

    /** Counters filled while streaming. */
    public static final class Counts {
        public int repaired;
        public int skipped;
    }

    /**
     * Streams the features to {@code sink} in file order and returns the file's CRS. A {@code crs}
     * member that comes after the features is still honoured: the CRS is the return value, so
     * consumers that must know it first should buffer (as {@link #read} does).
     */
    public Crs stream(InputStream in, String name, Consumer<Feature> sink, Counts counts) throws IOException {
        Crs crs = Crs.WGS84;
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new RvException(name + ": not a GeoJSON object (expected '{' at the start, found " + (t == null ? "an empty file" : t.asString()) + ")");
            }
            String type = null;
            int index = 0;
            boolean sawFeatures = false;
            Map<String, Object> single = new LinkedHashMap<>();
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                String field = p.currentName();
                t = p.nextToken();
                switch (field) {
                    case "type" -> {
                        type = p.getValueAsString();
                        if (!"FeatureCollection".equals(type) && !"Feature".equals(type)) {
                            throw new RvException(name + ": type is '" + type + "'; rv reads a GeoJSON FeatureCollection or Feature");
                        }
                    }
                    case "crs" -> {
                        Object node = value(p);
                        if (!ignoreCrsField && node != null) crs = parseCrs(node, name);
                    }
                    case "features" -> {
                        sawFeatures = true;
                        if (t != JsonToken.START_ARRAY) throw new RvException(name + ": 'features' must be an array");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            Feature f = parseFeature(value(p), name, index++, counts);
                            if (f != null) sink.accept(f);
                        }
                    }
                    case "geometry", "properties", "id" -> single.put(field, value(p));
                    default -> p.skipChildren();
                }
            }
            if ("Feature".equals(type)) {
                single.put("type", "Feature");
                Feature f = parseFeature(single, name, 0, counts);
                if (f != null) sink.accept(f);
            } else if (type == null) {
                throw new RvException(name + ": not GeoJSON (no 'type' member; expected \"type\": \"FeatureCollection\")");
            } else if (!sawFeatures) {
                throw new RvException(name + ": FeatureCollection without a 'features' array");
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new RvException(name + ": not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        }
        return crs;
    }

    /** The JSON value at the parser's current token as plain Java: Map, List, String, Number, Boolean or null. */
    static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_STRING: return p.getText();
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> p.getIntValue();
                    case LONG -> p.getLongValue();
                    default -> p.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** Compact JSON text of a plain value, for error messages. */
    static String json(Object v) {
        if (v == null) return "null";
        if (v instanceof String str) return '"' + str.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ",").append(json(l.get(i)));
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",").append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    private static Crs parseCrs(Object node, String name) {
        Object n = node instanceof Map<?, ?> m && m.get("properties") instanceof Map<?, ?> pm ? pm.get("name") : null;
        if (!(n instanceof String crsName)) {
            throw new RvException(name + ": crs: only named CRSs are supported ({\"type\": \"name\", \"properties\": {\"name\": \"EPSG:...\"}}), got " + json(node));
        }
        try {
            return Crs.parse(crsName);
        } catch (RvException e) {
            throw new RvException(name + ": crs: " + e.getMessage() + " (or set ignore_crs_field to read the coordinates as WGS 84)", e);
        }
    }

    private Feature parseFeature(Object value, String name, int index, Counts counts) {
        String where = name + ": feature " + index;
        if (!(value instanceof Map<?, ?> node)) throw new RvException(where + ": a feature must be a JSON object");
        Object id = node.get("id");
        if (id != null) where += " (id " + json(id) + ")";
        if (node.containsKey("type") && !"Feature".equals(node.get("type"))) {
            throw new RvException(where + ": type must be 'Feature', got " + json(node.get("type")));
        }
        Object g = node.get("geometry");
        if (g == null) {
            counts.skipped++;
            return null;
        }
        Geometry geometry = parseGeometry(g, where + ": geometry");
        if (repairInvalid && geometry instanceof Polygonal && !geometry.isValid()) {
            geometry = GeometryFixer.fix(geometry);
            counts.repaired++;
        }
        Object props = node.get("properties");
        Map<String, Object> properties = null;
        if (props != null) {
            if (!(props instanceof Map<?, ?>)) throw new RvException(where + ": properties must be an object or null");
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) props;
            properties = m;
        }
        return new Feature(id, geometry, properties);
    }

    /** Parses a GeoJSON geometry given as plain Java values (maps and lists); {@code where} names it in errors. */
    public Geometry parseGeometry(Object value, String where) {
        if (!(value instanceof Map<?, ?> g)) throw new RvException(where + ": must be a GeoJSON geometry object");
        String type = g.get("type") instanceof String str ? str : "";
        if (type.equals("GeometryCollection")) {
            if (!(g.get("geometries") instanceof List<?> parts)) throw new RvException(where + ".geometries: missing or not an array");
            Geometry[] gs = new Geometry[parts.size()];
            for (int i = 0; i < gs.length; i++) gs[i] = parseGeometry(parts.get(i), where + ".geometries[" + i + "]");
            return factory.createGeometryCollection(gs);
        }
        String cw = where + ".coordinates";
        if (!(g.get("coordinates") instanceof List<?> c)) {
            throw new RvException(cw + ": missing or not an array (type " + (type.isEmpty() ? "missing" : type) + ")");
        }
        return switch (type) {
            case "Point" -> point(c, cw);
            case "MultiPoint" -> {
                Point[] ps = new Point[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = point(c.get(i), cw + "[" + i + "]");
                yield factory.createMultiPoint(ps);
            }
            case "LineString" -> line(c, cw);
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = line(c.get(i), cw + "[" + i + "]");
                yield factory.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c, cw);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(c.get(i), cw + "[" + i + "]");
                yield factory.createMultiPolygon(ps);
            }
            default -> throw new RvException(where + ".type: unknown geometry type '" + type
                    + "' (use Point, LineString, Polygon, their Multi* forms or GeometryCollection)");
        };
    }

    private Point point(Object c, String where) {
        return factory.createPoint(position(c, where));
    }

    private LineString line(Object c, String where) {
        Coordinate[] cs = positions(c, where);
        if (cs.length < 2) throw new RvException(where + ": a LineString needs at least 2 positions, got " + cs.length);
        return factory.createLineString(cs);
    }

    private Polygon polygon(Object value, String where) {
        if (!(value instanceof List<?> c) || c.isEmpty()) throw new RvException(where + ": a Polygon needs at least one ring");
        LinearRing shell = ring(c.get(0), where + "[0]");
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) holes[i - 1] = ring(c.get(i), where + "[" + i + "]");
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(Object c, String where) {
        Coordinate[] cs = positions(c, where);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            if (!repairInvalid) throw new RvException(where + ": ring is not closed (first and last positions differ)");
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length < 4) throw new RvException(where + ": a polygon ring needs at least 4 positions (closed), got " + cs.length);
        return factory.createLinearRing(cs);
    }

    private Coordinate[] positions(Object value, String where) {
        if (!(value instanceof List<?> c)) throw new RvException(where + ": must be an array of positions");
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = position(c.get(i), where + "[" + i + "]");
        return cs;
    }

    private static Coordinate position(Object value, String where) {
        if (!(value instanceof List<?> c) || c.size() < 2 || !(c.get(0) instanceof Number nx) || !(c.get(1) instanceof Number ny)) {
            throw new RvException(where + ": a position must be an array of 2 or 3 numbers, got " + json(value));
        }
        double x = nx.doubleValue(), y = ny.doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new RvException(where + ": coordinates must be finite, got " + json(value));
        return new Coordinate(x, y);
    }
}
