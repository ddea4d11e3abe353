package rv.task.chips;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import rv.core.RvException;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.io.AtomicFiles;
import rv.task.Prediction.ScoredBox;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The chip archives CHIP writes and TRAIN reads: {@code <chip_uri>/train-<k>.zip} and
 * {@code <chip_uri>/valid-<k>.zip}, one per split. Layout inside a zip:
 * <ul>
 * <li>chip classification: {@code <class_name>/<chip_id>.npy};</li>
 * <li>semantic segmentation: {@code img/<chip_id>.npy} + {@code labels/<chip_id>.png} (8-bit gray, pixel = class id);</li>
 * <li>object detection: {@code img/<chip_id>.npy} + {@code labels.json} (COCO; {@code file_name} is
 *     {@code <chip_id>.npy}, bbox {@code [x, y, w, h]} in chip pixels, category id = class id);</li>
 * <li>always {@code chips.json}: {@link Info}.</li>
 * </ul>
 * Images are {@code .npy} HWC arrays ({@link Npy}) with the dtype the scene's transformers produced.
 */
public final class ChipArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String CHIP_CLASSIFICATION = "chip_classification";
    public static final String SEMANTIC_SEGMENTATION = "semantic_segmentation";
    public static final String OBJECT_DETECTION = "object_detection";

    private ChipArchive() {}

    /** Contents of {@code chips.json}. */
    public record Info(String task, List<String> classNames, int count, int chipSize, int bands, String dtype) {}

    /**
     * One chip of an archive. {@code classId} is set for chip classification (else -1);
     * {@code labelEntry} for segmentation (else null); {@code boxes} for detection (else empty).
     */
    public record Chip(String id, String imageEntry, int classId, String labelEntry, List<ScoredBox> boxes) {
        public Chip { boxes = List.copyOf(boxes); }
    }

    /** Local path of a {@code file:} URI or plain path; CHIP/TRAIN work on local folders. */
    public static Path localPath(String uri) { return rv.task.TaskFiles.localPath(uri); }

    /** Path of split {@code k}'s archive of a group ({@code train} or {@code valid}). */
    public static Path archivePath(String chipUri, String group, int k) {
        return localPath(chipUri).resolve(group + "-" + k + ".zip");
    }

    /** The {@code train-*.zip} archives under {@code chipUri}, in split order. */
    public static List<Path> trainArchives(String chipUri) { return list(chipUri, "train"); }

    /** The {@code valid-*.zip} archives under {@code chipUri}, in split order. */
    public static List<Path> validArchives(String chipUri) { return list(chipUri, "valid"); }

    private static List<Path> list(String chipUri, String group) {
        Path dir = localPath(chipUri);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(group + "-\\d+\\.zip"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts writing an archive; nothing appears at {@code zip} until {@link Writer#close()}. */
    public static Writer create(Path zip, String task, List<String> classNames, int chipSize) throws IOException {
        return new Writer(zip, task, classNames, chipSize);
    }

    /** Opens an archive for reading. */
    public static Reader open(Path zip) throws IOException {
        return new Reader(zip);
    }

    /** Writes one archive; {@link #close()} adds chips.json (and labels.json) and moves it into place. */
    public static final class Writer implements AutoCloseable {
        private final AtomicFiles.Pending pending;
        private final ZipOutputStream zip;
        private final String task;
        private final List<String> classNames;
        private final int chipSize;
        private final ArrayNode cocoImages = JSON.createArrayNode();
        private final ArrayNode cocoAnns = JSON.createArrayNode();
        private int count;
        private int bands = -1;
        private DataType dtype;
        private boolean failed;

        private Writer(Path target, String task, List<String> classNames, int chipSize) throws IOException {
            if (!List.of(CHIP_CLASSIFICATION, SEMANTIC_SEGMENTATION, OBJECT_DETECTION).contains(task)) {
                throw new IllegalArgumentException("unknown task " + task);
            }
            this.task = task;
            this.classNames = List.copyOf(classNames);
            this.chipSize = chipSize;
            this.pending = AtomicFiles.open(target);
            this.zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(pending.temp()), 1 << 16));
            zip.setLevel(1);
        }

        public int count() { return count; }

        /** Adds a chip-classification chip of class {@code classId}. */
        public void addClassification(String chipId, Raster image, int classId) throws IOException {
            require(CHIP_CLASSIFICATION);
            if (classId < 0 || classId >= classNames.size()) throw new IllegalArgumentException("class id " + classId + " out of range");
            putImage(classNames.get(classId) + "/" + chipId + ".npy", image);
        }

        /** Adds a segmentation chip; {@code labels} is one uint8 band of class ids, the image's size. */
        public void addSegmentation(String chipId, Raster image, Raster labels) throws IOException {
            require(SEMANTIC_SEGMENTATION);
            if (labels.width() != image.width() || labels.height() != image.height() || labels.bands() != 1) {
                throw new IllegalArgumentException("label chip " + labels + " does not match image " + image);
            }
            putImage("img/" + chipId + ".npy", image);
            zip.putNextEntry(new ZipEntry("labels/" + chipId + ".png"));
            zip.write(png(labels));
            zip.closeEntry();
        }

        /** Adds a detection chip with its boxes (chip pixels; scores are ignored). */
        public void addDetection(String chipId, Raster image, List<ScoredBox> boxes) throws IOException {
            require(OBJECT_DETECTION);
            putImage("img/" + chipId + ".npy", image);
            int imageId = count;
            ObjectNode im = cocoImages.addObject();
            im.put("id", imageId).put("file_name", chipId + ".npy").put("width", image.width()).put("height", image.height());
            for (ScoredBox b : boxes) {
                ObjectNode a = cocoAnns.addObject();
                a.put("id", cocoAnns.size() - 1).put("image_id", imageId).put("category_id", b.classId());
                a.putArray("bbox").add(b.x()).add(b.y()).add(b.w()).add(b.h());
                a.put("area", b.w() * b.h()).put("iscrowd", 0);
            }
        }

        private void require(String t) {
            if (!task.equals(t)) throw new IllegalStateException("this archive holds " + task + " chips, not " + t);
        }

        private void putImage(String name, Raster image) throws IOException {
            if (bands < 0) {
                bands = image.bands();
                dtype = image.dataType();
            } else if (bands != image.bands() || dtype != image.dataType()) {
                throw new IllegalArgumentException("chip " + name + " is " + image + " but earlier chips have "
                        + bands + " bands of " + dtype.numpyName());
            }
            try {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Npy.encode(image));
                zip.closeEntry();
                count++;
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        /** Aborts: the archive is not written. */
        public void abort() {
            failed = true;
            close0();
        }

        @Override
        public void close() throws IOException {
            if (failed) {
                close0();
                return;
            }
            try {
                if (task.equals(OBJECT_DETECTION)) {
                    ObjectNode coco = JSON.createObjectNode();
                    coco.set("images", cocoImages);
                    coco.set("annotations", cocoAnns);
                    ArrayNode cats = coco.putArray("categories");
                    for (int i = 0; i < classNames.size(); i++) cats.addObject().put("id", i).put("name", classNames.get(i));
                    zip.putNextEntry(new ZipEntry("labels.json"));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(coco));
                    zip.closeEntry();
                }
                Info info = new Info(task, classNames, count, chipSize, Math.max(bands, 0), dtype == null ? "uint8" : dtype.numpyName());
                zip.putNextEntry(new ZipEntry("chips.json"));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(infoJson(info)));
                zip.closeEntry();
                zip.close();
                pending.commit();
            } finally {
                pending.close();
            }
        }

        private void close0() {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the temp file is deleted below either way
            }
            pending.close();
        }
    }

    private static ObjectNode infoJson(Info i) {
        ObjectNode n = JSON.createObjectNode();
        n.put("task", i.task());
        ArrayNode names = n.putArray("class_names");
        i.classNames().forEach(names::add);
        n.put("count", i.count()).put("chip_size", i.chipSize()).put("bands", i.bands()).put("dtype", i.dtype());
        return n;
    }

    /** Reads an archive: its {@link Info}, its chips and their images / labels. */
    public static final class Reader implements AutoCloseable {
        private final Path path;
        private final ZipFile zip;
        private final Info info;
        private final List<Chip> chips;

        private Reader(Path path) throws IOException {
            this.path = path;
            try {
                this.zip = new ZipFile(path.toFile());
            } catch (IOException e) {
                throw new RvException("cannot open chip archive " + path + ": " + e.getMessage(), e);
            }
            JsonNode j = json("chips.json");
            List<String> names = new ArrayList<>();
            j.path("class_names").forEach(n -> names.add(n.asText()));
            this.info = new Info(j.path("task").asText(), names, j.path("count").asInt(), j.path("chip_size").asInt(),
                    j.path("bands").asInt(), j.path("dtype").asText("uint8"));
            this.chips = listChips();
        }

        public Info info() { return info; }

        public Path path() { return path; }

        /** Every chip, in the order they were written (zip entry order). */
        public List<Chip> chips() { return chips; }

        /** The chip's image, {@code bands × h × w}. */
        public Raster image(Chip c) throws IOException {
            try (InputStream in = stream(c.imageEntry())) {
                return Npy.read(in);
            }
        }

        /** The label chip (one uint8 band of class ids) of a segmentation chip. */
        public Raster labels(Chip c) throws IOException {
            if (c.labelEntry() == null) throw new IllegalArgumentException("chip " + c.id() + " has no label image");
            try (InputStream in = stream(c.labelEntry())) {
                BufferedImage img = ImageIO.read(in);
                if (img == null) throw new IOException(c.labelEntry() + " in " + path + " is not a PNG");
                Raster r = Raster.zeros(img.getWidth(), img.getHeight(), 1, DataType.UINT8);
                int[] px = img.getRaster().getSamples(0, 0, img.getWidth(), img.getHeight(), 0, (int[]) null);
                byte[] d = (byte[]) r.data();
                for (int i = 0; i < px.length; i++) d[i] = (byte) px[i];
                return r;
            }
        }

        private InputStream stream(String entry) throws IOException {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) throw new RvException("chip archive " + path + " lacks " + entry);
            return zip.getInputStream(e);
        }

        private JsonNode json(String entry) throws IOException {
            try (InputStream in = stream(entry)) {
                return JSON.readTree(in);
            }
        }

        private List<Chip> listChips() throws IOException {
            List<Chip> out = new ArrayList<>();
            switch (info.task()) {
                case CHIP_CLASSIFICATION -> {
                    Map<String, Integer> ids = new HashMap<>();
                    for (int i = 0; i < info.classNames().size(); i++) ids.put(info.classNames().get(i), i);
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        String n = e.getName();
                        int slash = n.lastIndexOf('/');
                        if (slash < 0 || !n.endsWith(".npy")) continue;
                        Integer id = ids.get(n.substring(0, slash));
                        if (id == null) throw new RvException("chip archive " + path + ": folder of " + n + " is not a class name " + info.classNames());
                        out.add(new Chip(n.substring(slash + 1, n.length() - 4), n, id, null, List.of()));
                    }
                }
                case SEMANTIC_SEGMENTATION -> {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        String n = e.getName();
                        if (!n.startsWith("img/") || !n.endsWith(".npy")) continue;
                        String id = n.substring(4, n.length() - 4);
                        out.add(new Chip(id, n, -1, "labels/" + id + ".png", List.of()));
                    }
                }
                case OBJECT_DETECTION -> {
                    JsonNode coco = json("labels.json");
                    Map<Integer, List<ScoredBox>> boxes = new LinkedHashMap<>();
                    for (JsonNode a : coco.path("annotations")) {
                        JsonNode b = a.path("bbox");
                        boxes.computeIfAbsent(a.path("image_id").asInt(), k -> new ArrayList<>())
                                .add(new ScoredBox(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(),
                                        b.get(3).asDouble(), a.path("category_id").asInt(), 1.0));
                    }
                    for (JsonNode im : coco.path("images")) {
                        String file = im.path("file_name").asText();
                        String id = file.endsWith(".npy") ? file.substring(0, file.length() - 4) : file;
                        out.add(new Chip(id, "img/" + file, -1, null, boxes.getOrDefault(im.path("id").asInt(), List.of())));
                    }
                }
                default -> throw new RvException("chip archive " + path + " has unknown task '" + info.task() + "' in chips.json");
            }
            return List.copyOf(out);
        }

        @Override
        public void close() throws IOException { zip.close(); }
    }

    /** An 8-bit grayscale PNG of band 0 of {@code labels}. */
    static byte[] png(Raster labels) throws IOException {
        BufferedImage img = new BufferedImage(labels.width(), labels.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int n = labels.width() * labels.height();
        if (labels.data() instanceof byte[] src) {
            System.arraycopy(src, 0, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) dst[i] = (byte) (int) labels.getAt(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        return out.toByteArray();
    }
}
