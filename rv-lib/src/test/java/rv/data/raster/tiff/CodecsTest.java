package rv.data.raster.tiff;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

class CodecsTest {
    @Test
    void packBitsDecodesTheTiffSpecificationExample() {
        byte[] src = hex("FE AA 02 80 00 2A FD AA 03 80 00 2A 22 F7 AA");
        byte[] expected = hex("AA AA AA 80 00 2A AA AA AA AA 80 00 2A 22 AA AA AA AA AA AA AA AA AA AA");
        byte[] dst = new byte[expected.length];
        assertThat(Codecs.unpackBits(src, src.length, dst, dst.length)).isEqualTo(expected.length);
        assertThat(dst).isEqualTo(expected);
    }

    @Test
    void nativeAndJdkInflateAgree() throws Exception {
        byte[] data = new byte[300_000];
        Random r = new Random(3);
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 97 < 50 ? i / 1000 : r.nextInt(8));
        Deflater d = new Deflater(6);
        d.setInput(data);
        d.finish();
        byte[] comp = new byte[data.length + 1024];
        int n = d.deflate(comp);
        byte[] a = new byte[data.length], b = new byte[data.length];
        assertThat(Codecs.inflate(comp, n, a, a.length)).isEqualTo(data.length);
        assertThat(Codecs.inflateJdk(comp, n, b, b.length)).isEqualTo(data.length);
        assertThat(a).isEqualTo(data);
        assertThat(b).isEqualTo(data);
        // a chunk shorter than its stream (libtiff pads strips) still gives the first bytes
        byte[] part = new byte[1000];
        assertThat(Codecs.inflate(comp, n, part, part.length)).isEqualTo(1000);
        assertThat(part).isEqualTo(java.util.Arrays.copyOf(data, 1000));
    }

    @Test
    void libdeflateFastPathIsOnUnderTheTestJvmFlags() {
        // surefire runs with --add-modules jdk.incubator.foreign, as bin/rv does; Debian's GDAL brings libdeflate
        assertThat(Codecs.NATIVE).isTrue();
    }

    private static byte[] hex(String s) {
        String[] p = s.split(" ");
        byte[] b = new byte[p.length];
        for (int i = 0; i < p.length; i++) b[i] = (byte) Integer.parseInt(p[i], 16);
        return b;
    }
}
