package rv.data.raster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.Box;
import rv.testutil.TestRasters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rv's writer → rv's reader over the whole writer matrix (every type × compression × band count ×
 * nodata × rotation, with partial edge tiles) and over COGs: metadata and pixels, including windows
 * that cross tile edges or lie partly or wholly outside the image.
 */
class GeoTiffRoundTripTest {
    @TempDir Path dir;

    private static final Box[] WINDOWS = {
            new Box(0, 0, 301, 199), new Box(0, 0, 1, 1), new Box(63, 63, 2, 2), new Box(250, 150, 51, 49),
            new Box(100, 30, 130, 100), new Box(-10, -5, 40, 30), new Box(290, 190, 30, 30),
            new Box(-50, 50, 20, 20), new Box(400, 300, 10, 10)};

    @Test
    void readerReturnsWhatTheWriterWrote() throws Exception {
        List<Raster> pixels = new ArrayList<>();
        List<GeoTiffWriterGdalTest.Case> cases = GeoTiffWriterGdalTest.writeMatrix(dir, null, pixels);
        for (int i = 0; i < cases.size(); i++) {
            GeoTiffWriterGdalTest.Case c = cases.get(i);
            try (RasterSource src = RasterSources.open(c.tif().toString())) {
                assertSameSource(c.tif().getFileName().toString(), src, pixels.get(i), c.profile());
            }
        }
    }

    @Test
    void readerReadsCogFullResolution() {
        for (DataType type : new DataType[] {DataType.UINT8, DataType.INT16, DataType.FLOAT32, DataType.FLOAT64}) {
            Raster r = TestRasters.random(301, 199, 3, type, 11);
            RasterProfile p = new RasterProfile(301, 199, 3, type, TestRasters.transformFor(3857, false), OptionalInt.of(3857), OptionalDouble.of(1));
            Path cog = dir.resolve("cog_" + type.numpyName() + ".tif");
            CogWriter.write(new InMemoryRasterSource(r, p), cog, CogOptions.DEFAULT.withBlockSize(64));
            try (RasterSource src = RasterSources.open(cog.toString())) {
                assertSameSource(cog.getFileName().toString(), src, r, p);
            }
        }
    }

    static void assertSameSource(String what, RasterSource src, Raster expected, RasterProfile p) {
        assertThat(src.width()).as(what).isEqualTo(p.width());
        assertThat(src.height()).as(what).isEqualTo(p.height());
        assertThat(src.bandCount()).as(what).isEqualTo(p.bands());
        assertThat(src.dataType()).as(what).isEqualTo(p.dataType());
        assertThat(src.geoTransform()).as(what).isEqualTo(p.geoTransform());
        assertThat(src.epsg()).as(what).isEqualTo(p.epsg());
        if (p.nodata().isPresent() && Double.isNaN(p.nodata().getAsDouble())) {
            assertThat(src.nodata().getAsDouble()).as(what).isNaN();
        } else {
            assertThat(src.nodata()).as(what).isEqualTo(p.nodata());
        }
        InMemoryRasterSource truth = new InMemoryRasterSource(expected, p);
        for (Box w : WINDOWS) {
            Raster got = src.read(w);
            assertThat(got.contentEquals(truth.read(w))).as(what + " " + w).isTrue();
        }
        Raster bands = src.read(new Box(5, 7, 70, 80), p.bands() == 1 ? new int[] {0} : new int[] {2, 0});
        assertThat(bands.contentEquals(truth.read(new Box(5, 7, 70, 80), p.bands() == 1 ? new int[] {0} : new int[] {2, 0}))).as(what + " bands").isTrue();
    }
}
