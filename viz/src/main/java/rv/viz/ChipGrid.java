package rv.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import rv.core.RvException;
import rv.data.raster.Raster;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The first chips of a chip archive ({@code train-0.zip} … as CHIP writes them) in a grid, with their
 * labels: the class name (classification), the label mask blended in (segmentation) or the boxes
 * (object detection).
 */
public record ChipGrid(String source, String task, List<String> classNames, List<Chip> chips, int totalChips) {

    /** One chip: its image (display RGB), the caption, and optional overlay. */
    public record Chip(String id, BufferedImage image, String caption) {}

    public ChipGrid { chips = List.copyOf(chips); classNames = List.copyOf(classNames); }

    /** Reads up to {@code n} chips from {@code zip}. */
    public static ChipGrid load(Path zip, int n) {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            ObjectMapper om = new ObjectMapper();
            ZipEntry meta = zf.getEntry("chips.json");
            JsonNode info = meta == null ? om.createObjectNode() : om.readTree(zf.getInputStream(meta));
            List<String> names = new ArrayList<>();
            info.path("class_names").forEach(x -> names.add(x.asText()));
            String task = info.path("task").asText("");
            Map<String, ZipEntry> npys = new TreeMap<>();
            Map<String, ZipEntry> labelPngs = new HashMap<>();
            for (var en = zf.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.getName().endsWith(".npy")) npys.put(e.getName(), e);
                else if (e.getName().startsWith("labels/") && e.getName().endsWith(".png")) labelPngs.put(stem(e.getName()), e);
            }
            if (npys.isEmpty()) throw new RvException(zip + ": no .npy chips inside; is this a chip archive from the CHIP command?");
            Map<String, List<double[]>> boxes = new HashMap<>();
            ZipEntry coco = zf.getEntry("labels.json");
            if (coco != null) {
                JsonNode c = om.readTree(zf.getInputStream(coco));
                Map<Integer, String> files = new HashMap<>();
                c.path("images").forEach(i -> files.put(i.path("id").asInt(), stem(i.path("file_name").asText())));
                c.path("annotations").forEach(a -> {
                    JsonNode b = a.path("bbox");
                    boxes.computeIfAbsent(files.get(a.path("image_id").asInt()), k -> new ArrayList<>())
                            .add(new double[]{b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble(), a.path("category_id").asInt()});
                });
            }
            List<Chip> chips = new ArrayList<>();
            for (ZipEntry e : npys.values()) {
                if (chips.size() >= n) break;
                Raster r = Npy.read(zf.getInputStream(e).readAllBytes(), zip + "!" + e.getName());
                Stretch stretch = r.dataType() == rv.data.raster.DataType.UINT8 ? Stretch.NONE : Stretch.DEFAULT;
                BufferedImage img = toArgb(RasterImages.toImage(r, RasterImages.defaultBands(r.bands()), stretch, Double.NaN));
                String id = stem(e.getName());
                String caption = id;
                String dir = e.getName().contains("/") ? e.getName().substring(0, e.getName().lastIndexOf('/')) : "";
                if (!dir.isEmpty() && !dir.equals("img")) caption = dir; // classification: the class folder
                ZipEntry mask = labelPngs.get(id);
                if (mask != null) blendMask(img, ImageIO.read(new ByteArrayInputStream(zf.getInputStream(mask).readAllBytes())), names);
                if (boxes.containsKey(id)) drawBoxes(img, boxes.get(id), names);
                chips.add(new Chip(id, img, caption));
            }
            return new ChipGrid(zip.toString(), task, names, chips, npys.size());
        } catch (IOException e) {
            throw new RvException(zip + ": cannot read chip archive: " + e.getMessage());
        }
    }

    private static String stem(String name) {
        String f = name.substring(name.lastIndexOf('/') + 1);
        int dot = f.lastIndexOf('.');
        return dot < 0 ? f : f.substring(0, dot);
    }

    private static BufferedImage toArgb(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        out.createGraphics().drawImage(img, 0, 0, null);
        return out;
    }

    private static void blendMask(BufferedImage img, BufferedImage mask, List<String> names) {
        if (mask == null) return;
        var raster = mask.getRaster();
        for (int y = 0; y < Math.min(img.getHeight(), mask.getHeight()); y++) {
            for (int x = 0; x < Math.min(img.getWidth(), mask.getWidth()); x++) {
                int id = raster.getSample(x, y, 0);
                if (id >= names.size() || "null".equals(names.get(id)) || (names.isEmpty() && id == 0)) continue;
                Color c = Colors.of(null, id);
                int p = img.getRGB(x, y);
                int r = (((p >> 16) & 0xff) + c.getRed()) / 2, g = (((p >> 8) & 0xff) + c.getGreen()) / 2, b = ((p & 0xff) + c.getBlue()) / 2;
                img.setRGB(x, y, 0xff000000 | (r << 16) | (g << 8) | b);
            }
        }
    }

    private static void drawBoxes(BufferedImage img, List<double[]> boxes, List<String> names) {
        Graphics2D g = img.createGraphics();
        g.setStroke(new BasicStroke(2f));
        for (double[] b : boxes) {
            g.setColor(Colors.of(null, (int) b[4]));
            g.drawRect((int) Math.round(b[0]), (int) Math.round(b[1]), (int) Math.round(b[2]), (int) Math.round(b[3]));
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
