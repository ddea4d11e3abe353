package rv.data.vector;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import rv.core.Crs;
import rv.io.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes features as a GeoJSON FeatureCollection, streaming, atomically (temp file + rename).
 * Coordinates are written as given (shortest round-tripping decimal); a CRS other than WGS 84 is
 * recorded in the legacy {@code crs} member so GDAL and rv read it back right.
 */
public final class GeoJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJsonWriter() {}

    public static void write(Path path, Iterable<Feature> features, Crs crs) {
        try {
            AtomicFiles.write(path, out -> write(out, features, crs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static void write(OutputStream out, Iterable<Feature> features, Crs crs) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (!crs.equals(Crs.WGS84)) {
                g.writeObjectFieldStart("crs");
                g.writeStringField("type", "name");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", "urn:ogc:def:crs:EPSG::" + crs.epsg());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("features");
            for (Feature f : features) {
                g.writeRaw('\n');
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                if (f.id() != null) {
                    g.writeFieldName("id");
                    MAPPER.writeValue(g, f.id());
                }
                g.writeFieldName("properties");
                MAPPER.writeValue(g, f.properties());
                g.writeFieldName("geometry");
                geometry(g, f.geometry());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        if (geom instanceof Point p) {
            g.writeStringField("type", "Point");
            g.writeFieldName("coordinates");
            position(g, p.getCoordinate());
        } else if (geom instanceof LineString l) {
            g.writeStringField("type", "LineString");
            g.writeFieldName("coordinates");
            positions(g, l.getCoordinates());
        } else if (geom instanceof Polygon p) {
            g.writeStringField("type", "Polygon");
            g.writeFieldName("coordinates");
            rings(g, p);
        } else if (geom instanceof MultiPoint m) {
            g.writeStringField("type", "MultiPoint");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < m.getNumGeometries(); i++) position(g, m.getGeometryN(i).getCoordinate());
            g.writeEndArray();
        } else if (geom instanceof MultiLineString m) {
            g.writeStringField("type", "MultiLineString");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < m.getNumGeometries(); i++) positions(g, m.getGeometryN(i).getCoordinates());
            g.writeEndArray();
        } else if (geom instanceof MultiPolygon m) {
            g.writeStringField("type", "MultiPolygon");
            g.writeFieldName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < m.getNumGeometries(); i++) rings(g, (Polygon) m.getGeometryN(i));
            g.writeEndArray();
        } else if (geom instanceof GeometryCollection c) {
            g.writeStringField("type", "GeometryCollection");
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < c.getNumGeometries(); i++) geometry(g, c.getGeometryN(i));
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write geometry type " + geom.getGeometryType());
        }
        g.writeEndObject();
    }

    private static void rings(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        positions(g, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) positions(g, p.getInteriorRingN(i).getCoordinates());
        g.writeEndArray();
    }

    private static void positions(JsonGenerator g, Coordinate[] cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) position(g, c);
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.x);
        g.writeNumber(c.y);
        g.writeEndArray();
    }
}
