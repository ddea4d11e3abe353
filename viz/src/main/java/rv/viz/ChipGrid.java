package rv.viz;

import rv.core.RvException;
import rv.data.raster.Raster;
import rv.task.chips.ChipArchive;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first chips of a chip archive ({@code train-0.zip} … as CHIP writes them) in a grid, with their
 * labels: the class name (classification), the label mask blended in (segmentation) or the boxes
 * (object detection).
 */
public record ChipGrid(String source, String task, List<String> classNames, List<Chip> chips, int totalChips) {

    /** One chip: its image (display RGB), the caption, and optional overlay. */
    public record Chip(String id, BufferedImage image, String caption) {}

    public ChipGrid { chips = List.copyOf(chips); classNames = List.copyOf(classNames); }

    /** Reads up to {@code n} chips from {@code zip} (with the CHIP command's reader, {@link ChipArchive}). */
    public static ChipGrid load(Path zip, int n) {
        if (!java.nio.file.Files.isRegularFile(zip)) throw new RvException(zip + ": no such chip archive; run the CHIP command first");
        try (ChipArchive.Reader r = ChipArchive.open(zip)) {
            ChipArchive.Info info = r.info();
            List<String> names = info.classNames();
            List<Chip> chips = new ArrayList<>();
            for (ChipArchive.Chip c : r.chips()) {
                if (chips.size() >= n) break;
                Raster img = r.image(c);
                Stretch stretch = img.dataType() == rv.data.raster.DataType.UINT8 ? Stretch.NONE : Stretch.DEFAULT;
                BufferedImage view = toArgb(RasterImages.toImage(img, RasterImages.defaultBands(img.bands()), stretch, Double.NaN));
                String caption = c.id();
                switch (info.task()) {
                    case ChipArchive.CHIP_CLASSIFICATION -> caption = c.classId() >= 0 && c.classId() < names.size() ? names.get(c.classId()) : caption;
                    case ChipArchive.SEMANTIC_SEGMENTATION -> blendMask(view, r.labels(c), names);
                    case ChipArchive.OBJECT_DETECTION -> drawBoxes(view, c.boxes());
                    default -> { }
                }
                chips.add(new Chip(c.id(), view, caption));
            }
            return new ChipGrid(zip.toString(), info.task(), names, chips, r.chips().size());
        } catch (IOException | RuntimeException e) {
            if (e instanceof RvException re) throw re;
            throw new RvException(zip + ": cannot read chip archive: " + e.getMessage());
        }
    }

    private static BufferedImage toArgb(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        out.createGraphics().drawImage(img, 0, 0, null);
        return out;
    }

    private static void blendMask(BufferedImage img, Raster mask, List<String> names) {
        if (mask == null) return;
        for (int y = 0; y < Math.min(img.getHeight(), mask.height()); y++) {
            for (int x = 0; x < Math.min(img.getWidth(), mask.width()); x++) {
                int id = (int) mask.get(0, y, x);
                if (id >= names.size() || "null".equals(names.get(id)) || id == 0) continue; // background and null stay clear
                Color c = Colors.of(null, id);
                int p = img.getRGB(x, y);
                int r = (((p >> 16) & 0xff) + c.getRed()) / 2, g = (((p >> 8) & 0xff) + c.getGreen()) / 2, b = ((p & 0xff) + c.getBlue()) / 2;
                img.setRGB(x, y, 0xff000000 | (r << 16) | (g << 8) | b);
            }
        }
    }

    private static void drawBoxes(BufferedImage img, List<rv.task.Prediction.ScoredBox> boxes) {
        Graphics2D g = img.createGraphics();
        g.setStroke(new BasicStroke(2f));
        for (rv.task.Prediction.ScoredBox b : boxes) {
            g.setColor(Colors.of(null, b.classId()));
            g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.w()), (int) Math.round(b.h()));
        }
        g.dispose();
    }

    /** The grid as one image: {@code cols} columns, each chip scaled to {@code cell} pixels with its caption. */
    public BufferedImage image(int cols, int cell) {
        int rows = Math.max(1, (chips.size() + cols - 1) / cols);
        int capH = 16;
        BufferedImage out = new BufferedImage(cols * (cell + 4), rows * (cell + capH + 4), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < chips.size(); i++) {
            int x = (i % cols) * (cell + 4) + 2;
            int y = (i / cols) * (cell + capH + 4) + 2;
            g.drawImage(chips.get(i).image(), x, y, cell, cell, null);
            g.setColor(Color.BLACK);
            g.drawString(chips.get(i).caption(), x, y + cell + 12);
        }
        g.dispose();
        return out;
    }

    public MimeBundle bundle() {
        int cols = Math.min(8, Math.max(1, (int) Math.ceil(Math.sqrt(chips.size()))));
        return MimeBundle.text(toString()).withPng(Pngs.encode(image(cols, 128)));
    }

    @Override
    public String toString() {
        return "ChipGrid: " + chips.size() + " of " + totalChips + " chips from " + source
                + (task.isEmpty() ? "" : " (" + task + ")") + (classNames.isEmpty() ? "" : ", classes " + classNames);
    }
}
