package rv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.GeoTransform;
import rv.data.raster.DataType;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.GeoTiffWriter;
import rv.data.raster.Raster;
import rv.eval.Evaluation;
import rv.testutil.Cli;
import rv.testutil.TestFiles;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvalCliTest {
    @TempDir Path tmp;
    static final ObjectMapper JSON = new ObjectMapper();

    private Path tif(String name, int[] rowClasses) {
        Raster r = Raster.zeros(10, 10, 1, DataType.UINT8);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) r.set(0, y, x, rowClasses[y]);
        Path p = tmp.resolve(name);
        GeoTiffWriter.write(p, r, new GeoTransform(500000, 1, 0, 4000000, 0, -1), 32633, null, GeoTiffWriteOptions.DEFAULT);
        return p;
    }

    @Test
    void segmentationGeoTiffsScoreLikeRasterVision() throws Exception {
        Path gt = tif("0.tif", new int[10]);
        Path pred = tif("pred.tif", new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
        Path out = tmp.resolve("eval.json");
        Cli.Result r = Cli.run("eval", "--task", "semantic_segmentation", "--gt", gt.toString(), "--pred", pred.toString(),
                "--classes", "one,two,null", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out);
        JsonNode e = JSON.readTree(out.toFile());
        assertThat(Evaluation.f1Of(e.get("overall"), "one")).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(e.get("per_scene").has("0")).isTrue();
        assertThat(e.get("overall").get(0).get("conf_mat").toString()).isEqualTo("[[0.0,0.0],[50.0,50.0]]");

        // without --classes the names come from the ids found
        Cli.Result plain = Cli.run("eval", "--task", "semantic_segmentation", "--gt", gt.toString(), "--pred", pred.toString());
        assertThat(plain.code()).isZero();
        assertThat(JSON.readTree(plain.out()).get("overall").get(1).get("class_name").asText()).isEqualTo("class_1");
    }

    @Test
    void chipClassificationWithImageAndAoi() throws Exception {
        Cli.Result r = Cli.run("eval", "--task", "chip_classification",
                "--gt", TestFiles.resource("rv-testdata/evaluator/cc-label-full.json").toString(),
                "--pred", TestFiles.resource("rv-testdata/evaluator/cc-label-filtered.json").toString(),
                "--image", TestFiles.resource("rv-testdata/evaluator/cc-label-img-blank.tif").toString(),
                "--aoi", TestFiles.resource("rv-testdata/evaluator/cc-label-aoi.json").toString(),
                "--classes", "car,building,background");
        assertThat(r.code()).as(r.err()).isZero();
        for (JsonNode item : JSON.readTree(r.out()).get("overall")) assertThat(item.get("f1").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badInputGivesOneLineAndExitTwo() {
        Cli.Result missing = Cli.run("eval", "--task", "semantic_segmentation", "--gt", tmp.resolve("nope.tif").toString(), "--pred", "x.tif");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("rv: ").contains("nope.tif does not exist").doesNotContain("\n");
        Cli.Result task = Cli.run("eval", "--task", "segmentation", "--gt", "a", "--pred", "b");
        assertThat(task.code()).isEqualTo(2);
        assertThat(task.err()).contains("unknown task 'segmentation'");
        Cli.Result noImage = Cli.run("eval", "--task", "object_detection",
                "--gt", TestFiles.resource("rv-testdata/evaluator/cc-label-full.json").toString(),
                "--pred", TestFiles.resource("rv-testdata/evaluator/cc-label-full.json").toString());
        assertThat(noImage.code()).isEqualTo(2);
        assertThat(noImage.err()).contains("--image is needed");
    }
}
