package rv.data.raster.tiff;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rv.core.Box;
import rv.data.raster.Raster;
import rv.data.raster.TileCache;
import rv.io.FileSystems;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Large uncompressed strips are read in row slices; the pixels must not change. */
class StripSplitTest {
    @AfterEach
    void reset() { System.clearProperty("rv.tiff.splitStripBytes"); }

    @Test
    void slicedStripsGiveTheSamePixels() throws Exception {
        for (String name : List.of("u8_3b_strip_none_pixel.tif", "u16_4b_strip_lzw_band_bigendian.tif", "u16_2b_bigtiff_strip_none_bigendian.tif")) {
            Path f = Path.of(getClass().getResource("samples/" + name).toURI());
            List<Box> windows = List.of(new Box(0, 0, 97, 83), new Box(5, 7, 30, 13), new Box(-4, 75, 20, 20));
            Raster[] whole = new Raster[windows.size()];
            try (GeoTiffRasterSource s = GeoTiffRasterSource.open(FileSystems.open(f.toString()), new TileCache(1L << 24))) {
                for (int i = 0; i < whole.length; i++) whole[i] = s.read(windows.get(i));
            }
            System.setProperty("rv.tiff.splitStripBytes", "100");
            try (GeoTiffRasterSource s = GeoTiffRasterSource.open(FileSystems.open(f.toString()), new TileCache(1L << 24))) {
                TiffImage t = s.image();
                assertThat(t.blockHeight()).as("reported as stored").isEqualTo(10);
                if (t.compression() == Compression.NONE) assertThat(t.blockHeight).as(name + " decode slices").isLessThan(10);
                else assertThat(t.blockHeight).as(name + " compressed strips stay whole").isEqualTo(10);
                for (int i = 0; i < whole.length; i++) assertThat(s.read(windows.get(i)).contentEquals(whole[i])).as(name + " " + windows.get(i)).isTrue();
            }
            System.clearProperty("rv.tiff.splitStripBytes");
        }
    }
}
