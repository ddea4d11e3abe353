package rv.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.Box;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipFileSystemTest {
    @TempDir
    Path tmp;

    @Test
    void readsAGeoTiffInsideAZip() throws Exception {
        Path tif = Path.of(getClass().getResource("/rv/data/raster/tiff/samples/u16_4b_tiled_deflate_pred2.tif").toURI());
        Path zip = tmp.resolve("bundle.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("scenes/a.tif"));
            z.write(Files.readAllBytes(tif));
            z.closeEntry();
        }
        Box w = new Box(-3, 10, 60, 40);
        Raster direct;
        try (RasterSource s = RasterSources.open(tif.toString())) {
            direct = s.read(w);
        }
        try (RasterSource s = RasterSources.open("zip://" + zip + "!/scenes/a.tif")) {
            assertThat(s.read(w).contentEquals(direct)).isTrue();
        }
        assertThat(FileSystems.exists("zip://" + zip + "!/scenes/a.tif")).isTrue();
        assertThat(FileSystems.exists("zip://" + zip + "!/scenes/b.tif")).isFalse();
        assertThatThrownBy(() -> RasterSources.open("zip://" + zip + "!/scenes/b.tif"))
                .isInstanceOf(RvException.class).hasMessage("no entry 'scenes/b.tif' in zip file " + zip);
        assertThatThrownBy(() -> RasterSources.open("zip://" + zip))
                .isInstanceOf(RvException.class).hasMessageStartingWith("zip URI needs '!/' between the zip file and the entry");
    }

    @Test
    void fileUrisAndPlainPathsOpenTheSameFile() throws Exception {
        Path tif = Path.of(getClass().getResource("/rv/data/raster/tiff/samples/u8_1b_strip_none.tif").toURI());
        try (RangeReader a = FileSystems.open(tif.toString()); RangeReader b = FileSystems.open(tif.toUri().toString())) {
            assertThat(a.size()).isEqualTo(b.size()).isEqualTo(Files.size(tif));
            assertThat(a.read(0, 64)).isEqualTo(b.read(0, 64));
        }
        assertThatThrownBy(() -> FileSystems.open("s3://bucket/x.tif"))
                .isInstanceOf(RvException.class).hasMessageStartingWith("no file system for URI scheme 's3' in s3://bucket/x.tif");
    }
}
