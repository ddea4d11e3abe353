package rv.core;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system identified by its EPSG code, backed by proj4j's offline EPSG table.
 * Coordinates are always in "GIS order": (x, y) = (easting, northing) or (lon, lat), whatever axis
 * order the EPSG registry declares — the order GeoJSON and GeoTIFF use.
 */
public record Crs(int epsg) {

    /** WGS 84 longitude/latitude, the CRS of GeoJSON (RFC 7946). */
    public static final Crs WGS84 = new Crs(4326);

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    /** Compiled on first {@link #parse} only: most callers go through {@link #ofEpsg}, and a cold regex costs milliseconds. */
    private static final class Names {
        static final Pattern EPSG_NAME = Pattern.compile(
                "(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/EPSG/[0-9.]+/)(\\d+)",
                Pattern.CASE_INSENSITIVE);
        static final Pattern NUMBER = Pattern.compile("\\d+");
    }

    public Crs {
        if (epsg <= 0) throw new RvException("EPSG code must be positive, got " + epsg);
    }

    /** Validates the code against proj4j's EPSG table. */
    public static Crs ofEpsg(int epsg) {
        Crs crs = new Crs(epsg);
        crs.proj4j();
        return crs;
    }

    /**
     * Parses the names seen in GeoJSON {@code crs} members and configs: {@code EPSG:32611},
     * {@code urn:ogc:def:crs:EPSG::3857}, {@code urn:ogc:def:crs:OGC:1.3:CRS84},
     * {@code http://www.opengis.net/def/crs/EPSG/0/4326}, or a bare number.
     *
     * @throws RvException naming the text when it is not a CRS rv knows
     */
    public static Crs parse(String name) {
        String s = name == null ? "" : name.trim();
        String u = s.toUpperCase(Locale.ROOT);
        if (u.endsWith(":CRS84") || u.equals("CRS84") || u.endsWith("/CRS84") || u.equals("WGS84")) return WGS84;
        if (Names.NUMBER.matcher(s).matches()) return ofEpsg(Integer.parseInt(s));
        Matcher m = Names.EPSG_NAME.matcher(s);
        if (m.matches()) return ofEpsg(Integer.parseInt(m.group(1)));
        throw new RvException("unknown CRS '" + s + "': use an EPSG code such as EPSG:4326 or urn:ogc:def:crs:EPSG::32611");
    }

    /** The proj4j CRS (cached). */
    public CoordinateReferenceSystem proj4j() {
        return CACHE.computeIfAbsent(epsg, code -> {
            try {
                String common = commonDefinition(code);
                if (common != null) return FACTORY.createFromParameters("EPSG:" + code, common);
                return FACTORY.createFromName("EPSG:" + code);
            } catch (RuntimeException e) {
                throw new RvException("unknown CRS EPSG:" + code + " (not in proj4j's EPSG table): " + e.getMessage(), e);
            }
        });
    }

    /**
     * proj4 definitions of the most used codes, identical to proj4j's EPSG table entries; building them
     * directly skips scanning the whole table (a tenth of a second on every cold start).
     */
    private static String commonDefinition(int code) {
        if (code == 4326) return "+proj=longlat +datum=WGS84 +no_defs";
        if (code == 3857) return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0.0 +lon_0=0.0 +x_0=0.0 +y_0=0 +k=1.0 +units=m +nadgrids=@null +wktext +no_defs";
        if (code > 32600 && code <= 32660) return "+proj=utm +zone=" + (code - 32600) + " +datum=WGS84 +units=m +no_defs";
        if (code > 32700 && code <= 32760) return "+proj=utm +zone=" + (code - 32700) + " +south +datum=WGS84 +units=m +no_defs";
        return null;
    }

    // equals and hashCode by hand: a record's generated ones are bootstrapped through invokedynamic
    // (java.lang.runtime.ObjectMethods), and the first such bootstrap in a JVM costs ~20 ms of a cold
    // CLI run (Reprojection compares CRSs on every rv rasterize); these are what the record would do.
    @Override public boolean equals(Object o) { return o instanceof Crs c && c.epsg == epsg; }

    @Override public int hashCode() { return Integer.hashCode(epsg); }

    public boolean isGeographic() { return proj4j().getProjection() instanceof org.locationtech.proj4j.proj.LongLatProjection; }

    @Override public String toString() { return "EPSG:" + epsg; }
}
