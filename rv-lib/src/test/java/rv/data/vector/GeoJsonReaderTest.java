package rv.data.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import rv.core.Crs;
import rv.core.CrsTransformer;
import rv.core.GeoTransform;
import rv.core.RvException;
import rv.testutil.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class GeoJsonReaderTest {
    @TempDir Path dir;

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void keepsPropertiesAndReadsLegacyCrs84() {
        FeatureCollection fc = GeoJsonReader.read(TestFiles.resource("rvdata/cc-labels.json"));
        assertThat(fc.crs()).isEqualTo(Crs.WGS84);
        assertThat(fc.size()).isEqualTo(15);
        assertThat(fc.features().get(0).properties()).containsEntry("class_name", "car");
        FeatureCollection full = GeoJsonReader.read(TestFiles.resource("rvdata/cc-label-full.json"));
        assertThat(full.features().get(0).properties()).containsEntry("class_id", 2).containsKey("scores");
    }

    @Test
    void legacyProjectedCrsIsHonouredOrIgnored() throws IOException {
        String json = """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32611"}},
                 "features": [{"type": "Feature", "properties": {"label": "building"},
                   "geometry": {"type": "Polygon", "coordinates": [[[381003, 3769997], [381009, 3769997], [381009, 3769991], [381003, 3769997]]]}}]}
                """;
        Path p = write("utm.geojson", json);
        FeatureCollection fc = GeoJsonReader.read(p);
        assertThat(fc.crs()).isEqualTo(Crs.ofEpsg(32611));
        // In a scene whose grid starts at (381000, 3770000) with 0.3 m pixels: vertex (381003, 3769997) is pixel (10, 10).
        CrsTransformer scene = CrsTransformer.of(new GeoTransform(381000, 0.3, 0, 3770000, 0, -0.3), 32611);
        var opts = VectorSourceOptions.defaults().withClassNames(Map.of("building", 3));
        GeoJsonVectorSource vs = new GeoJsonVectorSource(p, opts, scene);
        PixelFeature pf = vs.pixelFeatures().get(0);
        assertThat(pf.classId()).isEqualTo(3);
        assertThat(pf.geometry().getCoordinates()[0].x).isCloseTo(10, offset(1e-6));
        assertThat(pf.geometry().getCoordinates()[0].y).isCloseTo(10, offset(1e-6));
        // Ignoring the member reads the numbers as lon/lat, which then fail to land in the scene.
        FeatureCollection ignored = new GeoJsonReader(true, true).readFile(p);
        assertThat(ignored.crs()).isEqualTo(Crs.WGS84);
    }

    @Test
    void readsAllGeometryTypesWithHolesAndRepairsInvalidRings() throws IOException {
        String json = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "id": "holey", "properties": {"class_id": 1}, "geometry": {"type": "Polygon", "coordinates": [
                    [[0,0],[10,0],[10,10],[0,10],[0,0]], [[2,2],[4,2],[4,4],[2,4],[2,2]]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [
                    [[[0,0],[1,0],[1,1],[0,0]]], [[[5,5],[6,5],[6,6],[5,5]]]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0,0],[1,1]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [[[0,0],[1,1]], [[2,2],[3,3]]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2, 3]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [0, 0]}]}},
                 {"type": "Feature", "properties": {"bowtie": true}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[2,2],[2,0],[0,2],[0,0]]]}},
                 {"type": "Feature", "properties": {"open": true}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[3,0],[3,3],[0,3]]]}},
                 {"type": "Feature", "properties": {}, "geometry": null}
                ]}""";
        FeatureCollection fc = GeoJsonReader.read(write("all.geojson", json));
        assertThat(fc.size()).isEqualTo(9);
        assertThat(fc.skippedCount()).isEqualTo(1);
        assertThat(fc.repairedCount()).isEqualTo(1); // the bow-tie; the open ring is closed silently
        Polygon holey = (Polygon) fc.features().get(0).geometry();
        assertThat(holey.getNumInteriorRing()).isEqualTo(1);
        assertThat(holey.getArea()).isEqualTo(96.0);
        assertThat(fc.features().get(0).id()).isEqualTo("holey");
        assertThat(fc.features().get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(fc.features().get(7).geometry().isValid()).isTrue();
        assertThat(fc.features().get(7).geometry().getArea()).isCloseTo(2.0, offset(1e-9));
        assertThat(fc.features().get(8).geometry().getArea()).isEqualTo(9.0);
        assertThat(fc.features().stream().map(f -> f.geometry().getGeometryType()).toList()).containsExactly(
                "Polygon", "MultiPolygon", "LineString", "MultiLineString", "Point", "MultiPoint", "GeometryCollection", "MultiPolygon", "Polygon");
    }

    @Test
    void linesAndPointsAreBufferedPerClassInPixels() throws IOException {
        String json = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"class_id": 1}, "geometry": {"type": "LineString", "coordinates": [[0,0],[100,0]]}},
                 {"type": "Feature", "properties": {"class_id": 2}, "geometry": {"type": "Point", "coordinates": [50, 50]}},
                 {"type": "Feature", "properties": {"class_id": 3}, "geometry": {"type": "Point", "coordinates": [50, 50]}}]}""";
        Path p = write("lines.geojson", json);
        // A 1-unit-per-pixel grid in Web Mercator so buffers are easy to check.
        CrsTransformer t = CrsTransformer.of(new GeoTransform(-10, 1, 0, 60, 0, -1), 3857);
        FeatureCollection fc = new GeoJsonReader().readFile(p);
        FeatureCollection in3857 = new FeatureCollection(fc.features(), Crs.ofEpsg(3857), 0, 0);
        var opts = VectorSourceOptions.defaults().withBuffers(Map.of(1, 2.0), java.util.Collections.singletonMap(3, null));
        List<PixelFeature> pfs = new GeoJsonVectorSource("lines", in3857, opts, t).pixelFeatures();
        assertThat(pfs.get(0).geometry().getArea()).isCloseTo(100 * 4 + Math.PI * 4, offset(0.1)); // 2 px each side
        assertThat(pfs.get(1).geometry().getArea()).isCloseTo(Math.PI, offset(0.01)); // default 1 px
        assertThat(pfs.get(2).geometry().getGeometryType()).isEqualTo("Point"); // null: left as is
    }

    @Test
    void errorsNameTheFileFeatureAndField() throws IOException {
        Path notJson = write("notjson.geojson", "this is not json");
        assertThatThrownBy(() -> GeoJsonReader.read(notJson)).isInstanceOf(RvException.class)
                .hasMessageContaining("notjson.geojson").hasMessageContaining("not valid JSON at line 1");
        Path broken = write("broken.geojson", """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}},
                 {"type": "Feature", "id": 7, "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, "a"], [1, 1], [0, 0]]]}}]}""");
        assertThatThrownBy(() -> GeoJsonReader.read(broken)).isInstanceOf(RvException.class)
                .hasMessage(broken + ": feature 1 (id 7): geometry.coordinates[0][1]: a position must be an array of 2 or 3 numbers, got [1,\"a\"]");
        Path tooShort = write("short.geojson", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}}]}""");
        assertThatThrownBy(() -> GeoJsonReader.read(tooShort)).hasMessageContaining("feature 0: geometry.coordinates[0]: a polygon ring needs at least 4 positions");
        Path badType = write("type.geojson", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Circle", "coordinates": [0, 0]}}]}""");
        assertThatThrownBy(() -> GeoJsonReader.read(badType)).hasMessageContaining("feature 0: geometry.type: unknown geometry type 'Circle'");
        Path badCrs = write("crs.geojson", """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:999999"}}, "features": []}""");
        assertThatThrownBy(() -> GeoJsonReader.read(badCrs)).isInstanceOf(RvException.class)
                .hasMessageContaining("crs.geojson: crs: unknown CRS EPSG:999999").hasMessageContaining("ignore_crs_field");
        Path notFc = write("nofc.geojson", "{\"type\": \"Topology\"}");
        assertThatThrownBy(() -> GeoJsonReader.read(notFc)).hasMessageContaining("type is 'Topology'");
        assertThatThrownBy(() -> GeoJsonReader.read(dir.resolve("missing.geojson"))).hasMessageContaining("missing.geojson: no such GeoJSON file");
    }

    @Test
    void readsASingleFeatureAndACrsAfterTheFeatures() throws IOException {
        Path single = write("one.geojson", """
                {"geometry": {"type": "Point", "coordinates": [1, 2]}, "type": "Feature", "properties": {"a": 1}}""");
        FeatureCollection fc = GeoJsonReader.read(single);
        assertThat(fc.size()).isEqualTo(1);
        assertThat(fc.features().get(0).properties()).containsEntry("a", 1);
        Path late = write("late.geojson", """
                {"type": "FeatureCollection", "features": [], "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}}""");
        assertThat(GeoJsonReader.read(late).crs().epsg()).isEqualTo(3857);
    }

    @Test
    void writerRoundTripsFeaturesPropertiesAndCrs() {
        FeatureCollection fc = GeoJsonReader.read(TestFiles.resource("rvdata/cc-label-full.json"));
        Path out = dir.resolve("round.geojson");
        GeoJsonWriter.write(out, fc.features(), Crs.ofEpsg(32633));
        FeatureCollection back = GeoJsonReader.read(out);
        assertThat(back.crs().epsg()).isEqualTo(32633);
        assertThat(back.size()).isEqualTo(fc.size());
        for (int i = 0; i < fc.size(); i++) {
            assertThat(back.features().get(i).geometry().equalsExact(fc.features().get(i).geometry())).isTrue();
            assertThat(back.features().get(i).properties()).isEqualTo(fc.features().get(i).properties());
        }
    }

    @Test
    void pixelGeometryClippedToAWindowInWindowCoordinates() throws IOException {
        String json = """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}, "features": [
                 {"type": "Feature", "properties": {"class_id": 2}, "geometry": {"type": "Polygon", "coordinates": [[[10, -10], [30, -10], [30, -30], [10, -30], [10, -10]]]}},
                 {"type": "Feature", "properties": {"class_id": 3}, "geometry": {"type": "Polygon", "coordinates": [[[80, -80], [90, -80], [90, -90], [80, -90], [80, -80]]]}}]}""";
        Path p = write("clip.geojson", json);
        CrsTransformer t = CrsTransformer.of(new GeoTransform(0, 1, 0, 0, 0, -1), 3857);
        GeoJsonVectorSource vs = new GeoJsonVectorSource(p, VectorSourceOptions.defaults(), t);
        List<PixelFeature> in = vs.pixelFeatures(new rv.core.Box(20, 20, 40, 40));
        assertThat(in).hasSize(1);
        assertThat(in.get(0).classId()).isEqualTo(2);
        // pixel square (10..30) ∩ window (20..60) = 20..30, shifted by the window origin → 0..10
        assertThat(in.get(0).geometry().getEnvelopeInternal()).isEqualTo(new org.locationtech.jts.geom.Envelope(0, 10, 0, 10));
        assertThat(vs.pixelFeaturesNear(new rv.core.Box(70, 70, 30, 30), 0)).extracting(PixelFeature::classId).containsExactly(3);
    }

    @Test
    void readsThroughUris() {
        Path p = TestFiles.resource("rvdata/tiny-spacenet-labels.geojson");
        FeatureCollection viaUri = new GeoJsonReader().readUri(p.toUri().toString());
        FeatureCollection viaPath = GeoJsonReader.read(p);
        assertThat(viaUri.size()).isEqualTo(49).isEqualTo(viaPath.size());
        assertThat(viaUri.features().get(48).geometry().equalsExact(viaPath.features().get(48).geometry())).isTrue();
    }
}
