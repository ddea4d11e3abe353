package rv.data.vector;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import rv.core.RvException;
import rv.testutil.TestFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassInferenceTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static Feature f(Map<String, Object> props) {
        return new Feature(GF.createPoint(new Coordinate(0, 0)), props);
    }

    private static boolean test(List<Object> filter, Map<String, Object> props) {
        return FeatureFilter.parse(filter, "f").test(f(props));
    }

    @Test
    void filterOperators() {
        Map<String, Object> p = Map.of("kind", "building", "height", 12, "levels", 3.0);
        assertThat(test(List.of("==", "kind", "building"), p)).isTrue();
        assertThat(test(List.of("==", "height", 12.0), p)).isTrue(); // numbers by value
        assertThat(test(List.of("==", "height", "12"), p)).isFalse(); // strict types
        assertThat(test(List.of("!=", "kind", "road"), p)).isTrue();
        assertThat(test(List.of("!=", "missing", "x"), p)).isTrue();
        assertThat(test(List.of("<", "height", 13), p)).isTrue();
        assertThat(test(List.of("<=", "height", 12), p)).isTrue();
        assertThat(test(List.of(">", "height", 12), p)).isFalse();
        assertThat(test(List.of(">=", "levels", 3), p)).isTrue();
        assertThat(test(List.of("<", "kind", 5), p)).isFalse(); // mixed types never order
        assertThat(test(List.of("in", "kind", "house", "building"), p)).isTrue();
        assertThat(test(List.of("!in", "kind", "house", "building"), p)).isFalse();
        assertThat(test(List.of("has", "kind"), p)).isTrue();
        assertThat(test(List.of("!has", "kind"), p)).isFalse();
        assertThat(test(List.of("all", List.of("has", "kind"), List.of(">", "height", 10)), p)).isTrue();
        assertThat(test(List.of("any", List.of("has", "nope"), List.of(">", "height", 100)), p)).isFalse();
        assertThat(test(List.of("none", List.of("has", "nope")), p)).isTrue();
        assertThat(test(List.of("==", "$type", "Point"), p)).isTrue();
    }

    @Test
    void badFiltersAreNamed() {
        assertThatThrownBy(() -> FeatureFilter.parse(List.of("~=", "a", 1), "class_id_to_filter[1]"))
                .isInstanceOf(RvException.class)
                .hasMessage("class_id_to_filter[1]: unknown filter operator '~=' (use ==, !=, <, <=, >, >=, in, !in, has, !has, all, any or none)");
        assertThatThrownBy(() -> FeatureFilter.parse(List.of("all", List.of("has")), "class_id_to_filter[2]"))
                .hasMessageContaining("class_id_to_filter[2][1]: operator 'has' takes 1 arguments, got 0");
        assertThatThrownBy(() -> new ClassInference(VectorSourceOptions.defaults().withClassIdToFilter(Map.of(4, "building"))))
                .hasMessageContaining("class_id_to_filter[4]: a filter must be a JSON array");
    }

    @Test
    void inferenceOrderFollowsRasterVision() {
        Map<Integer, Object> filters = new LinkedHashMap<>();
        filters.put(5, List.of("has", "building"));
        filters.put(6, List.of("==", "kind", "car"));
        VectorSourceOptions o = VectorSourceOptions.defaults().withClassIdToFilter(filters)
                .withClassNames(Map.of("tree", 7, "car", 8)).withDefaultClassId(null);
        ClassInference ci = new ClassInference(o);
        assertThat(ci.classIdOf(f(Map.of("class_id", 2, "building", "yes")))).isEqualTo(2);
        assertThat(ci.classIdOf(f(Map.of("building", "yes", "label", "tree")))).isEqualTo(5);
        assertThat(ci.classIdOf(f(Map.of("kind", "car")))).isEqualTo(6);
        assertThat(ci.classIdOf(f(Map.of("label", "tree", "class_name", "car")))).isEqualTo(7);
        assertThat(ci.classIdOf(f(Map.of("class_name", "car")))).isEqualTo(8);
        assertThat(ci.classIdOf(f(Map.of("class_name", "boat")))).isNull(); // default None → dropped
        ClassInference byProperty = new ClassInference(VectorSourceOptions.defaults().withClassProperty("cls").withDefaultClassId(9));
        assertThat(byProperty.classIdOf(f(Map.of("cls", "4", "class_id", 1)))).isEqualTo(4);
        assertThat(byProperty.classIdOf(f(Map.of("class_id", 1)))).isEqualTo(9);
    }

    @Test
    void propertyDrivenClassesLoadFromAFile() {
        // od-labels.json has class_name "car" (3) or "building" (4) and no class_id; the class map decides.
        var t = rv.core.CrsTransformer.of(new rv.core.GeoTransform(-75.163506, 1e-06, 0.0, 39.952536, 0.0, -1e-06), 4326);
        var opts = VectorSourceOptions.defaults().withClassNames(Map.of("car", 4)).withDefaultClassId(null);
        var vs = new GeoJsonVectorSource(TestFiles.resource("rvdata/od-labels.json"), opts, t);
        assertThat(vs.pixelFeatures()).hasSize(3).allMatch(pf -> pf.classId() == 4);
        var both = new GeoJsonVectorSource(TestFiles.resource("rvdata/od-labels.json"),
                VectorSourceOptions.defaults().withClassNames(Map.of("car", 4, "building", 5)), t);
        assertThat(both.pixelFeatures()).extracting(PixelFeature::classId).containsExactlyInAnyOrder(4, 4, 4, 5, 5, 5, 5);
        var dropAll = new GeoJsonVectorSource(TestFiles.resource("rvdata/od-labels.json"),
                VectorSourceOptions.defaults().withDefaultClassId(null), t);
        assertThat(dropAll.pixelFeatures()).isEmpty();
        var filtered = new GeoJsonVectorSource(TestFiles.resource("rvdata/cc-label-full.json"),
                VectorSourceOptions.defaults().withClassIdToFilter(Map.of(9, List.of("==", "class_name", "car"))), t);
        assertThat(filtered.mapFeatures()).extracting(ft -> ft.classId().getAsInt()).containsOnly(0, 1, 2); // class_id wins over filters
    }
}
