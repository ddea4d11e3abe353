package rv.data.raster.tiff;

import org.junit.jupiter.api.Test;
import rv.core.Box;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.testutil.TestRasters;

import java.util.Arrays;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/** Both deflate paths (libdeflate and java.util.zip) produce zlib streams of the same bytes; predictor 2 and padding. */
class TileEncoderTest {

    private static byte[] inflate(byte[] z, int size) throws Exception {
        Inflater inf = new Inflater();
        inf.setInput(z);
        byte[] out = new byte[size];
        int n = 0;
        while (!inf.finished() && n < size) n += inf.inflate(out, n, size - n);
        inf.end();
        assertThat(n).isEqualTo(size);
        return out;
    }

    @Test
    void nativeAndJdkDeflateRoundTrip() throws Exception {
        byte[] raw = TileEncoderTest.class.getName().repeat(5000).getBytes();
        assertThat(inflate(TileEncoder.deflate(raw, 6), raw.length)).isEqualTo(raw);
        assertThat(inflate(TileEncoder.deflateJdk(raw, 6), raw.length)).isEqualTo(raw);
    }

    @Test
    void horizontalPredictorAndZeroPaddingAsLibtiffDecodes() throws Exception {
        Raster r = TestRasters.random(20, 10, 2, DataType.UINT16, 3);
        TileEncoder enc = new TileEncoder(DataType.UINT16, 2, true, 6);
        int ts = 16;
        byte[] bytes = inflate(enc.encode(r, new Box(8, 2, 12, 8), ts, ts), ts * ts * 2 * 2);
        // undo predictor 2 the way a reader does: running sum per sample along each row
        short[] s = new short[ts * ts * 2];
        for (int i = 0; i < s.length; i++) s[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        for (int y = 0; y < ts; y++) {
            for (int x = 1; x < ts; x++) {
                for (int b = 0; b < 2; b++) s[(y * ts + x) * 2 + b] += s[(y * ts + x - 1) * 2 + b];
            }
        }
        for (int y = 0; y < ts; y++) {
            for (int x = 0; x < ts; x++) {
                for (int b = 0; b < 2; b++) {
                    double want = x < 12 && y < 8 ? r.get(b, 2 + y, 8 + x) : 0;
                    assertThat(s[(y * ts + x) * 2 + b] & 0xffff).as("x=%d y=%d b=%d", x, y, b).isEqualTo((int) want);
                }
            }
        }
        assertThat(Arrays.equals(enc.encode(r.window(new Box(8, 2, 12, 8)), new Box(0, 0, 12, 8), ts, ts),
                enc.encode(r, new Box(8, 2, 12, 8), ts, ts))).isTrue();
    }
}
