package rv.data.raster.tiff;

import org.junit.jupiter.api.Test;
import rv.io.FileSystems;
import rv.io.RangeReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-copy path (inflate straight into a direct tile buffer) gives the bytes of the array path. */
class DecodeIntoTest {
    private static String sample(String name) throws Exception {
        return Path.of(DecodeIntoTest.class.getResource("/rv/data/raster/tiff/samples/" + name).toURI()).toString();
    }

    @Test
    void directAndHeapTileBuffersHoldTheSameSamples() throws Exception {
        assertThat(Codecs.NATIVE).as("libdeflate fast path (tests run with jdk.incubator.foreign and Debian's libdeflate0)").isTrue();
        for (String name : new String[] {"u16_1b_tiled_deflate_nodata0.tif", "i8_1b_tiled_deflate.tif", "u8_4b_tiled_deflate_rgba.tif",
                "i32_1b_strip_deflate.tif", "u16_4b_tiled_deflate_pred2.tif", "u8_3b_tiled_deflate_band.tif"}) {
            try (RangeReader in = FileSystems.open(sample(name))) {
                TiffImage img = TiffImage.read(in);
                ChunkDecoder d = new ChunkDecoder(img, in);
                int chunks = img.offsets.length;
                for (int c = 0; c < chunks; c++) {
                    ByteBuffer direct = ByteBuffer.allocateDirect(d.chunkBytes()).order(ByteOrder.nativeOrder());
                    ByteBuffer heap = ByteBuffer.allocate(d.chunkBytes()).order(ByteOrder.nativeOrder());
                    d.decodeInto(c, direct);
                    d.decodeInto(c, heap);
                    int rows = img.rowsInChunk((c % img.chunksPerBand()) / img.blocksAcross);
                    int used = img.blockWidth * rows * img.bandsPerChunk() * img.dataType.bytes();
                    assertThat(direct.duplicate().clear().limit(used)).as(name + " chunk " + c).isEqualTo(heap.duplicate().clear().limit(used));
                    Object samples = d.decode(c);
                    ByteBuffer expected = ByteBuffer.allocate(d.chunkBytes()).order(ByteOrder.nativeOrder());
                    ChunkDecoder.put(samples, d.chunkLength(), expected);
                    assertThat(heap.duplicate().clear().limit(used)).isEqualTo(expected.clear().limit(used));
                }
            }
        }
    }
}
