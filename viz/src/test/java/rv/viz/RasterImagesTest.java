package rv.viz;

import org.junit.jupiter.api.Test;
import rv.data.raster.DataType;
import rv.data.raster.Raster;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RasterImagesTest {

    /** 3 bands, 10x10; band b holds values b*1000 + (0..99), so each band stretches on its own. */
    private static Raster ramp() {
        Raster r = Raster.zeros(10, 10, 3, DataType.UINT16);
        for (int b = 0; b < 3; b++) for (int i = 0; i < 100; i++) r.setAt(b * 100 + i, b * 1000 + i);
        return r;
    }

    @Test
    void percentileStretchMapsEachBandToFullRange() {
        BufferedImage img = RasterImages.toImage(ramp(), new int[]{0, 1, 2}, new Stretch(0, 100), Double.NaN);
        int first = img.getRGB(0, 0);
        int last = img.getRGB(9, 9);
        assertThat(first & 0xffffff).isEqualTo(0x000000);
        assertThat(last & 0xffffff).isEqualTo(0xffffff);
        // midpoint value 50 of 0..99 → round(50/99*255) = 129 in every channel
        int mid = img.getRGB(0, 5);
        assertThat((mid >> 16) & 0xff).isEqualTo(129);
        assertThat(mid & 0xff).isEqualTo(129);
    }

    @Test
    void defaultStretchClipsTails() {
        Stretch s = Stretch.DEFAULT;
        double[] rg = s.range(ramp(), 1, Double.NaN);
        assertThat(rg[0]).isEqualTo(1001.0); // floor(99 * 0.02) = 1
        assertThat(rg[1]).isEqualTo(1098.0); // ceil(99 * 0.98) = 98
    }

    @Test
    void bandSelectionOrdersChannels() {
        Raster r = Raster.zeros(2, 1, 3, DataType.UINT8);
        r.set(0, 0, 0, 255); // band 0 bright at pixel 0
        r.set(2, 0, 1, 255); // band 2 bright at pixel 1
        BufferedImage rgb = RasterImages.toImage(r, new int[]{0, 1, 2}, Stretch.NONE, Double.NaN);
        BufferedImage bgr = RasterImages.toImage(r, new int[]{2, 1, 0}, Stretch.NONE, Double.NaN);
        assertThat(rgb.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(bgr.getRGB(0, 0) & 0xffffff).isEqualTo(0x0000ff);
        assertThat(bgr.getRGB(1, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThatThrownBy(() -> RasterImages.toImage(r, new int[]{0, 5, 1}, Stretch.NONE, Double.NaN))
                .hasMessageContaining("band 5 out of range");
    }

    @Test
    void nodataIsTransparent() {
        Raster r = Raster.filled(2, 1, 1, DataType.INT16, 7);
        r.set(0, 0, 1, -9999);
        BufferedImage img = RasterImages.toImage(r, new int[]{0}, Stretch.DEFAULT, -9999);
        assertThat(img.getRGB(0, 0) >>> 24).isEqualTo(255);
        assertThat(img.getRGB(1, 0) >>> 24).isEqualTo(0);
    }

    @Test
    void rasterRendersAsPngWithText() {
        MimeBundle b = RendererRegistry.standard().render(ramp());
        assertThat(b.text()).contains("10");
        assertThat(b.png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
