package rv.data.raster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rv.core.Box;
import rv.core.GeoTransform;
import rv.core.RvException;
import rv.data.raster.tiff.GeoTiffRasterSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RasterSourcesTest {
    @TempDir
    Path tmp;

    static String sample(String name) throws Exception {
        return Path.of(RasterSourcesTest.class.getResource("/rv/data/raster/tiff/samples/" + name).toURI()).toString();
    }

    @Test
    void mosaicOfTwoHalvesEqualsTheWhole() throws Exception {
        try (RasterSource whole = RasterSources.open(sample("u16_4b_tiled_deflate_pred2.tif"));
             RasterSource mosaic = RasterSources.open(List.of(sample("mosaic_left.tif"), sample("mosaic_right.tif")), null, 0, 0)) {
            assertThat(mosaic.width()).isEqualTo(97);
            assertThat(mosaic.height()).isEqualTo(83);
            assertThat(mosaic.geoTransform()).isEqualTo(whole.geoTransform());
            assertThat(mosaic.epsg()).isEqualTo(whole.epsg());
            for (Box w : List.of(new Box(30, 10, 40, 30), new Box(-5, -5, 107, 93), new Box(49, 0, 2, 83))) {
                assertThat(mosaic.read(w).contentEquals(whole.read(w))).as("window %s", w).isTrue();
            }
        }
    }

    @Test
    void nodataPixelsOfALaterImageAreTransparent() throws Exception {
        try (RasterSource under = RasterSources.open(sample("u16_1b_tiled_deflate_under.tif"));
             RasterSource over = RasterSources.open(sample("u16_1b_tiled_deflate_nodata0.tif"));
             RasterSource mosaic = RasterSources.open(List.of(sample("u16_1b_tiled_deflate_under.tif"), sample("u16_1b_tiled_deflate_nodata0.tif")), null, 0, 0)) {
            Box w = new Box(0, 0, 20, 10);
            Raster m = mosaic.read(w), u = under.read(w), o = over.read(w);
            assertThat(o.get(0, 2, 3)).isZero(); // the nodata corner (rows 0-4, cols 0-8)
            assertThat(m.get(0, 2, 3)).isEqualTo(u.get(0, 2, 3)).isNotZero();
            assertThat(m.get(0, 7, 15)).isEqualTo(o.get(0, 7, 15)).isNotEqualTo(u.get(0, 7, 15));
        }
    }

    @Test
    void concurrentReadersThroughATinyCacheGetTheRightPixels() throws Exception {
        // 3 tiles of room for 4 threads: tiles are evicted, recycled and handed over while others read
        TileCache tiny = new TileCache(3 * (32 * 32 * 4 * 2 + 64));
        String f = sample("u16_4b_tiled_deflate_pred2.tif");
        try (RasterSource ref = RasterSources.open(f);
             GeoTiffRasterSource s = GeoTiffRasterSource.open(rv.io.FileSystems.open(f), tiny)) {
            java.util.Random rnd = new java.util.Random(3);
            List<Box> windows = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) windows.add(new Box(rnd.nextInt(90) - 10, rnd.nextInt(80) - 10, 1 + rnd.nextInt(60), 1 + rnd.nextInt(60)));
            List<Raster> expected = new java.util.ArrayList<>();
            for (Box w : windows) expected.add(ref.read(w));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Boolean>> ok = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int off = t;
                    ok.add(pool.submit(() -> {
                        for (int i = 0; i < windows.size(); i++) {
                            int k = (i * 7 + off * 13) % windows.size();
                            if (!s.read(windows.get(k)).contentEquals(expected.get(k))) return false;
                        }
                        return true;
                    }));
                }
                for (java.util.concurrent.Future<Boolean> r : ok) assertThat(r.get()).isTrue();
            } finally {
                pool.shutdown();
            }
            assertThat(tiny.usedBytes()).isLessThanOrEqualTo(tiny.capacityBytes());
        }
    }

    @Test
    void aBandAskedForTwiceFillsBothOutputBands() throws Exception {
        Box w = new Box(20, 30, 70, 60); // spans several 32-px tiles
        for (String name : List.of("u16_1b_tiled_deflate_nodata0.tif", "u8_3b_tiled_deflate_band.tif", "u16_4b_tiled_deflate_pred2.tif")) {
            try (RasterSource s = RasterSources.open(sample(name))) {
                Raster one = s.read(w, new int[] {0});
                Raster twice = s.read(w, new int[] {0, 0});
                for (int b = 0; b < 2; b++) {
                    for (int y = 0; y < w.height(); y += 7) {
                        for (int x = 0; x < w.width(); x += 5) {
                            assertThat(twice.get(b, y, x)).as(name + " band " + b + " at " + x + "," + y).isEqualTo(one.get(0, y, x));
                        }
                    }
                }
            }
        }
    }

    @Test
    void channelOrderReordersAndSubsetsBands() throws Exception {
        try (RasterSource src = RasterSources.open(sample("u16_4b_tiled_deflate_pred2.tif"));
             RasterSource ordered = RasterSources.open(List.of(sample("u16_4b_tiled_deflate_pred2.tif")), new int[] {2, 0}, 0, 0)) {
            Box w = new Box(20, 20, 30, 30);
            assertThat(ordered.bandCount()).isEqualTo(2);
            assertThat(ordered.read(w).contentEquals(src.read(w, new int[] {2, 0}))).isTrue();
            assertThat(ordered.read(w, new int[] {1}).contentEquals(src.read(w, new int[] {0}))).isTrue();
        }
        assertThatThrownBy(() -> RasterSources.open(List.of(sample("u8_1b_strip_none.tif")), new int[] {0, 3}, 0, 0))
                .isInstanceOf(RvException.class).hasMessageContaining("channel_order index 3 out of range: the image has 1 bands");
    }

    @Test
    void xShiftMovesTheReadWindowByMetresLikeRasterVision() throws Exception {
        // 0.5 m pixels in UTM 11N: 10 m east is about 20 pixels; Raster Vision subtracts the shift.
        try (RasterSource src = RasterSources.open(sample("u16_4b_tiled_deflate_pred2.tif"));
             ShiftedRasterSource shifted = new ShiftedRasterSource(RasterSources.open(sample("u16_4b_tiled_deflate_pred2.tif")), 10, 5)) {
            int[] o = shifted.shiftedOrigin(40, 30);
            assertThat(o[0]).isBetween(40 - 21, 40 - 19);
            assertThat(o[1]).isBetween(30 + 9, 30 + 11); // y_shift subtracts latitude: further south = more rows down
            Box w = new Box(40, 30, 16, 16);
            assertThat(shifted.read(w).contentEquals(src.read(new Box(o[0], o[1], 16, 16)))).isTrue();
        }
    }

    @Test
    void pngOpensAsAnImageWithIdentityTransform() throws Exception {
        BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(2, 1, 0x102030);
        Path png = tmp.resolve("a.png");
        ImageIO.write(img, "png", png.toFile());
        try (RasterSource s = RasterSources.open(png.toString())) {
            assertThat(s.bandCount()).isEqualTo(3);
            assertThat(s.dataType()).isEqualTo(DataType.UINT8);
            assertThat(s.geoTransform()).isEqualTo(GeoTransform.IDENTITY);
            assertThat(s.epsg()).isEmpty();
            Raster r = s.read(new Box(1, 0, 3, 3));
            assertThat(r.get(0, 1, 1)).isEqualTo(0x10);
            assertThat(r.get(1, 1, 1)).isEqualTo(0x20);
            assertThat(r.get(2, 1, 1)).isEqualTo(0x30);
            assertThat(s.read(new Box(4, 3, 2, 2)).get(0, 1, 1)).isZero();
        }
    }

    @Test
    void readAheadDecodesTheNeighbouringTilesInTheBackground() throws Exception {
        TileCache cache = new TileCache(64L << 20);
        try (GeoTiffRasterSource s = GeoTiffRasterSource.open(rv.io.FileSystems.open(sample("u8_1b_1024_cog_deflate.tif")), cache)) {
            s.setReadAhead(true);
            s.read(new Box(10, 10, 50, 50)); // inside tile (0,0) of 256x256 tiles
            long one = 256 * 256 + 64;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (cache.usedBytes() < 4 * one && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(cache.usedBytes()).as("tile (0,0) and its 3 neighbours").isEqualTo(4 * one);
            long hits = cache.hits();
            s.read(new Box(300, 300, 20, 20)); // tile (1,1): decoded ahead
            assertThat(cache.hits()).isEqualTo(hits + 1);
        }
        try (GeoTiffRasterSource s = GeoTiffRasterSource.open(rv.io.FileSystems.open(sample("u8_1b_1024_cog_deflate.tif")), cache)) {
            s.setReadAhead(false);
            s.read(new Box(10, 10, 50, 50));
            Thread.sleep(200);
            assertThat(cache.usedBytes()).isEqualTo(256 * 256 + 64);
        }
    }

    @Test
    void tileCacheStaysWithinItsCapacity() throws Exception {
        TileCache small = new TileCache(3 * (32 * 32 * 4 * 2 + 64));
        try (GeoTiffRasterSource s = GeoTiffRasterSource.open(rv.io.FileSystems.open(sample("u16_4b_tiled_deflate_pred2.tif")), small)) {
            s.setReadAhead(false);
            Raster all = s.read(s.extent());
            assertThat(small.usedBytes()).isLessThanOrEqualTo(small.capacityBytes());
            assertThat(s.read(new Box(0, 0, 97, 83)).contentEquals(all)).isTrue();
            s.read(new Box(0, 0, 10, 10));
            long hits = small.hits();
            s.read(new Box(1, 1, 10, 10));
            assertThat(small.hits()).isEqualTo(hits + 1);
        }
        assertThat(small.usedBytes()).isZero();
        assertThat(small.keptBytes()).isPositive().isLessThanOrEqualTo(small.capacityBytes());
        // a reopened file reuses the kept arrays and still reads the same pixels
        try (GeoTiffRasterSource s = GeoTiffRasterSource.open(rv.io.FileSystems.open(sample("u16_4b_tiled_deflate_pred2.tif")), small);
             RasterSource ref = RasterSources.open(sample("u16_4b_tiled_deflate_pred2.tif"))) {
            Box w = new Box(10, 10, 70, 60);
            assertThat(s.read(w).contentEquals(ref.read(w))).isTrue();
            assertThat(small.usedBytes() + small.keptBytes()).isLessThanOrEqualTo(small.capacityBytes());
        }
    }
}
