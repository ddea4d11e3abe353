package rv.task.chips;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.task.Prediction.ScoredBox;
import rv.testutil.TestRasters;
import rv.testutil.PythonOracle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChipArchiveTest {

    @TempDir Path tmp;

    @Test
    void npyRoundTripsEveryType() throws Exception {
        for (DataType t : DataType.values()) {
            Raster r = TestRasters.random(5, 3, 4, t, 7);
            Raster back = Npy.decode(Npy.encode(r));
            assertThat(back.contentEquals(r)).as(t.toString()).isTrue();
        }
    }

    @Test
    void numpyReadsOurNpyAsHwcAndWeReadNumpys() throws Exception {
        Raster r = TestRasters.random(5, 3, 2, DataType.UINT16, 3);
        Path f = tmp.resolve("a.npy");
        Files.write(f, Npy.encode(r));
        String out = PythonOracle.run("""
                import sys, numpy as np
                a = np.load(sys.argv[1])
                print(a.dtype, a.shape, int(a[1, 4, 1]), int(a[2, 0, 0]))
                np.save(sys.argv[2], np.arange(24, dtype='>f4').reshape(2, 3, 4))
                """, f.toString(), tmp.resolve("b.npy").toString());
        assertThat(out.trim()).isEqualTo("uint16 (3, 5, 2) " + (int) r.get(1, 1, 4) + " " + (int) r.get(0, 2, 0));
        Raster b = Npy.decode(Files.readAllBytes(tmp.resolve("b.npy")));
        assertThat(b.dataType()).isEqualTo(DataType.FLOAT32);
        assertThat(b.width()).isEqualTo(3);
        assertThat(b.height()).isEqualTo(2);
        assertThat(b.bands()).isEqualTo(4);
        assertThat(b.get(3, 1, 2)).isEqualTo(1 * 12 + 2 * 4 + 3);
    }

    @Test
    void segmentationArchiveRoundTrips() throws Exception {
        Path zip = tmp.resolve("chip/train-0.zip");
        Raster img = TestRasters.random(8, 8, 3, DataType.UINT8, 1);
        Raster lab = Raster.zeros(8, 8, 1, DataType.UINT8);
        lab.set(0, 2, 3, 1);
        lab.set(0, 7, 7, 2);
        try (ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.SEMANTIC_SEGMENTATION, List.of("a", "b", "null"), 8)) {
            w.addSegmentation("s-0", img, lab);
            w.addSegmentation("s-1", img, lab);
            assertThat(zip).doesNotExist();
        }
        assertThat(ChipArchive.trainArchives(tmp.resolve("chip").toString())).containsExactly(zip);
        try (ChipArchive.Reader r = ChipArchive.open(zip)) {
            assertThat(r.info()).isEqualTo(new ChipArchive.Info("semantic_segmentation", List.of("a", "b", "null"), 2, 8, 3, "uint8"));
            assertThat(r.chips()).extracting(ChipArchive.Chip::id).containsExactly("s-0", "s-1");
            assertThat(r.image(r.chips().get(1)).contentEquals(img)).isTrue();
            assertThat(r.labels(r.chips().get(0)).contentEquals(lab)).isTrue();
        }
    }

    @Test
    void classificationAndDetectionArchivesRoundTrip() throws Exception {
        Path cc = tmp.resolve("cc.zip");
        Raster img = TestRasters.random(4, 4, 1, DataType.FLOAT32, 2);
        try (ChipArchive.Writer w = ChipArchive.create(cc, ChipArchive.CHIP_CLASSIFICATION, List.of("car", "bg"), 4)) {
            w.addClassification("c0", img, 1);
            w.addClassification("c1", img, 0);
        }
        try (ChipArchive.Reader r = ChipArchive.open(cc)) {
            assertThat(r.chips()).extracting(ChipArchive.Chip::classId).containsExactly(1, 0);
            assertThat(r.chips().get(0).imageEntry()).isEqualTo("bg/c0.npy");
            assertThat(r.info().dtype()).isEqualTo("float32");
        }
        Path od = tmp.resolve("od.zip");
        try (ChipArchive.Writer w = ChipArchive.create(od, ChipArchive.OBJECT_DETECTION, List.of("car"), 4)) {
            w.addDetection("d0", img, List.of(new ScoredBox(1, 2, 2, 1, 0, 1)));
            w.addDetection("d1", img, List.of());
        }
        try (ChipArchive.Reader r = ChipArchive.open(od)) {
            assertThat(r.chips()).hasSize(2);
            assertThat(r.chips().get(0).boxes()).containsExactly(new ScoredBox(1, 2, 2, 1, 0, 1));
            assertThat(r.chips().get(1).boxes()).isEmpty();
            assertThat(r.image(r.chips().get(1)).contentEquals(img)).isTrue();
        }
        String coco = PythonOracle.run("""
                import sys, zipfile, json
                z = zipfile.ZipFile(sys.argv[1]); c = json.loads(z.read('labels.json'))
                print(c['annotations'][0]['bbox'], c['categories'], c['images'][1]['file_name'])
                """, od.toString());
        assertThat(coco.trim()).isEqualTo("[1.0, 2.0, 2.0, 1.0] [{'id': 0, 'name': 'car'}] d1.npy");
    }

    @Test
    void mixedChipShapesAbortWithoutOutput() throws Exception {
        Path zip = tmp.resolve("x.zip");
        ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.CHIP_CLASSIFICATION, List.of("a"), 4);
        w.addClassification("0", Raster.zeros(4, 4, 3, DataType.UINT8), 0);
        assertThatThrownBy(() -> w.addClassification("1", Raster.zeros(4, 4, 2, DataType.UINT8), 0))
                .hasMessageContaining("earlier chips have 3 bands");
        w.abort();
        assertThat(zip).doesNotExist();
        try (var s = Files.list(tmp)) { assertThat(s).isEmpty(); }
    }
}
