package rv.data.vector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

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
            JsonNode featureGeometry = null, featureProps = null, featureId = null;
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
                        JsonNode node = p.readValueAsTree();
                        if (!ignoreCrsField && node != null && !node.isNull()) crs = parseCrs(node, name);
                    }
                    case "features" -> {
                        sawFeatures = true;
                        if (t != JsonToken.START_ARRAY) throw new RvException(name + ": 'features' must be an array");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode node = p.readValueAsTree();
                            Feature f = parseFeature(node, name, index++, counts);
                            if (f != null) sink.accept(f);
                        }
                    }
                    case "geometry" -> featureGeometry = p.readValueAsTree();
                    case "properties" -> featureProps = p.readValueAsTree();
                    case "id" -> featureId = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
            if ("Feature".equals(type)) {
                com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
                node.put("type", "Feature");
                node.set("geometry", featureGeometry);
                node.set("properties", featureProps);
                if (featureId != null) node.set("id", featureId);
                Feature f = parseFeature(node, name, 0, counts);
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

    private static Crs parseCrs(JsonNode node, String name) {
        JsonNode n = node.path("properties").path("name");
        if (!n.isTextual()) {
            throw new RvException(name + ": crs: only named CRSs are supported ({\"type\": \"name\", \"properties\": {\"name\": \"EPSG:...\"}}), got " + node);
        }
        try {
            return Crs.parse(n.asText());
        } catch (RvException e) {
            throw new RvException(name + ": crs: " + e.getMessage() + " (or set ignore_crs_field to read the coordinates as WGS 84)", e);
        }
    }

    private Feature parseFeature(JsonNode node, String name, int index, Counts counts) {
        String where = name + ": feature " + index + (node.hasNonNull("id") ? " (id " + node.get("id") + ")" : "");
        if (!node.isObject()) throw new RvException(where + ": a feature must be a JSON object");
        if (node.has("type") && !"Feature".equals(node.get("type").asText())) {
            throw new RvException(where + ": type must be 'Feature', got " + node.get("type"));
        }
        JsonNode g = node.get("geometry");
        if (g == null || g.isNull()) {
            counts.skipped++;
            return null;
        }
        Geometry geometry = parseGeometry(g, where + ": geometry");
        if (repairInvalid && geometry instanceof Polygonal && !geometry.isValid()) {
            geometry = GeometryFixer.fix(geometry);
            counts.repaired++;
        }
        JsonNode props = node.get("properties");
        Map<String, Object> properties = null;
        if (props != null && !props.isNull()) {
            if (!props.isObject()) throw new RvException(where + ": properties must be an object or null");
            @SuppressWarnings("unchecked") Map<String, Object> m = MAPPER.convertValue(props, Map.class);
            properties = m;
        }
        Object id = node.hasNonNull("id") ? MAPPER.convertValue(node.get("id"), Object.class) : null;
        return new Feature(id, geometry, properties);
    }

    /** Parses a GeoJSON geometry object; {@code where} names it in errors. */
    public Geometry parseGeometry(JsonNode g, String where) {
        if (!g.isObject()) throw new RvException(where + ": must be a GeoJSON geometry object");
        String type = g.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode parts = g.get("geometries");
            if (parts == null || !parts.isArray()) throw new RvException(where + ".geometries: missing or not an array");
            Geometry[] gs = new Geometry[parts.size()];
            for (int i = 0; i < gs.length; i++) gs[i] = parseGeometry(parts.get(i), where + ".geometries[" + i + "]");
            return factory.createGeometryCollection(gs);
        }
        JsonNode c = g.get("coordinates");
        String cw = where + ".coordinates";
        if (c == null || !c.isArray()) throw new RvException(cw + ": missing or not an array (type " + (type.isEmpty() ? "missing" : type) + ")");
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

    private Point point(JsonNode c, String where) {
        return factory.createPoint(position(c, where));
    }

    private LineString line(JsonNode c, String where) {
        Coordinate[] cs = positions(c, where);
        if (cs.length < 2) throw new RvException(where + ": a LineString needs at least 2 positions, got " + cs.length);
        return factory.createLineString(cs);
    }

    private Polygon polygon(JsonNode c, String where) {
        if (!c.isArray() || c.isEmpty()) throw new RvException(where + ": a Polygon needs at least one ring");
        LinearRing shell = ring(c.get(0), where + "[0]");
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) holes[i - 1] = ring(c.get(i), where + "[" + i + "]");
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode c, String where) {
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

    private Coordinate[] positions(JsonNode c, String where) {
        if (!c.isArray()) throw new RvException(where + ": must be an array of positions");
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = position(c.get(i), where + "[" + i + "]");
        return cs;
    }

    private static Coordinate position(JsonNode c, String where) {
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new RvException(where + ": a position must be an array of 2 or 3 numbers, got " + c);
        }
        double x = c.get(0).doubleValue(), y = c.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new RvException(where + ": coordinates must be finite, got " + c);
        return new Coordinate(x, y);
    }
}
