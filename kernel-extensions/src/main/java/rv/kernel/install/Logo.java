package rv.kernel.install;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/** Draws the kernel's logo (a "J" on a raster-tile background) at any size, as PNG. */
final class Logo {
    private Logo() {}

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float arc = size * 0.25f;
            var tile = new RoundRectangle2D.Float(0, 0, size, size, arc, arc);
            g.setPaint(new GradientPaint(0, 0, new Color(0x1b5e20), size, size, new Color(0x0d47a1)));
            g.fill(tile);
            // a faint 4x4 grid: the raster
            g.setColor(new Color(255, 255, 255, 50));
            g.setStroke(new BasicStroke(Math.max(1f, size / 64f)));
            for (int i = 1; i < 4; i++) {
                int p = i * size / 4;
                g.drawLine(p, 0, p, size);
                g.drawLine(0, p, size, p);
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (size * 0.62)));
            FontMetrics fm = g.getFontMetrics();
            String text = "J";
            int x = (size - fm.stringWidth(text)) / 2;
            int y = (size - fm.getHeight()) / 2 + fm.getAscent();
            g.drawString(text, x, y);
        } finally {
            g.dispose();
        }
        return img;
    }

    static void writePng(int size, OutputStream out) throws IOException {
        if (!ImageIO.write(draw(size), "png", out)) throw new IOException("no PNG writer available");
    }
}
