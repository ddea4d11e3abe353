package rv.task.chips;

import rv.core.RvException;
import rv.data.raster.Raster;
import rv.io.AtomicFiles;
import rv.task.Prediction.ScoredBox;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Debug chips: a PNG per chip showing its first three bands (stretched to 0–255 per chip) with the
 * labels drawn over it — segmentation classes blended at 40 % in their class colours, detection boxes
 * outlined; chip classification chips carry the class name in the file name.
 */
public final class DebugChips {
    private DebugChips() {}

    /** The chip as an RGB image (one band → gray). */
    public static BufferedImage rgb(Raster img) {
        int w = img.width(), h = img.height(), plane = w * h;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int bands = Math.min(3, img.bands());
        double[] lo = new double[bands], hi = new double[bands];
        for (int b = 0; b < bands; b++) {
            lo[b] = Double.MAX_VALUE;
            hi[b] = -Double.MAX_VALUE;
            for (int i = 0; i < plane; i++) {
                double v = img.getAt(b * plane + i);
                if (Double.isNaN(v)) continue;
                lo[b] = Math.min(lo[b], v);
                hi[b] = Math.max(hi[b], v);
            }
        }
        for (int i = 0; i < plane; i++) {
            int[] c = new int[3];
            for (int k = 0; k < 3; k++) {
                int b = Math.min(k, bands - 1);
                double v = img.getAt(b * plane + i);
                double range = hi[b] - lo[b];
                c[k] = range <= 0 || Double.isNaN(v) ? 0 : (int) Math.round(255 * (v - lo[b]) / range);
            }
            out.setRGB(i % w, i / w, (c[0] << 16) | (c[1] << 8) | c[2]);
        }
        return out;
    }

    /** Blends class colours over the image at 40 %. */
    public static void overlayClasses(BufferedImage img, Raster labels, int[][] colors) {
        int w = labels.width();
        for (int i = 0; i < w * labels.height(); i++) {
            int c = (int) labels.getAt(i);
            if (c < 0 || c >= colors.length) continue;
            int x = i % w, y = i / w;
            int p = img.getRGB(x, y);
            int r = mix((p >> 16) & 0xff, colors[c][0]), g = mix((p >> 8) & 0xff, colors[c][1]), b = mix(p & 0xff, colors[c][2]);
            img.setRGB(x, y, (r << 16) | (g << 8) | b);
        }
    }

    /** Outlines boxes in their class colours. */
    public static void drawBoxes(BufferedImage img, List<ScoredBox> boxes, int[][] colors) {
        Graphics2D g = img.createGraphics();
        g.setStroke(new BasicStroke(1));
        for (ScoredBox b : boxes) {
            int[] c = b.classId() >= 0 && b.classId() < colors.length ? colors[b.classId()] : new int[] {255, 255, 0};
            g.setColor(new Color(c[0], c[1], c[2]));
            g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.w()) - 1, (int) Math.round(b.h()) - 1);
        }
        g.dispose();
    }

    public static void write(Path path, BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            AtomicFiles.writeBytes(path, out.toByteArray());
        } catch (IOException e) {
            throw new RvException("cannot write debug chip " + path + ": " + e.getMessage(), e);
        }
    }

    private static int mix(int a, int b) { return (int) Math.round(0.6 * a + 0.4 * b); }
}
