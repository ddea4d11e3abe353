package rv.learn;

import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.task.chips.ChipArchive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Small chip archives made by the project's own ChipArchive writer: bright rectangles on dark noise. */
final class Synthetic {
    private Synthetic() {}

    /** A uint8 chip with a bright rectangle (class 1 pixels) when {@code withObject}; its mask in {@code mask}. */
    static Raster chip(Random rnd, int s, boolean withObject, byte[] mask) {
        Raster r = Raster.zeros(s, s, 3, DataType.UINT8);
        byte[] d = (byte[]) r.data();
        for (int i = 0; i < d.length; i++) d[i] = (byte) (20 + rnd.nextInt(40));
        if (withObject) {
            int w = s / 4 + rnd.nextInt(s / 3), h = s / 4 + rnd.nextInt(s / 3);
            int x0 = rnd.nextInt(s - w), y0 = rnd.nextInt(s - h);
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    for (int b = 0; b < 3; b++) d[(b * s + y) * s + x] = (byte) (170 + rnd.nextInt(60));
                    if (mask != null) mask[y * s + x] = 1;
                }
            }
        }
        return r;
    }

    static void segmentation(Path zip, int n, int s, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.SEMANTIC_SEGMENTATION, List.of("background", "building"), s)) {
            for (int i = 0; i < n; i++) {
                Raster lab = Raster.zeros(s, s, 1, DataType.UINT8);
                Raster img = chip(rnd, s, rnd.nextDouble() < 0.8, (byte[]) lab.data());
                w.addSegmentation("c" + i, img, lab);
            }
        }
    }

    /** Detection chips: one to three bright squares (class 1) each, as COCO boxes. */
    static void detection(Path zip, int n, int s, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.OBJECT_DETECTION, List.of("background", "car"), s)) {
            for (int i = 0; i < n; i++) {
                Raster r = chip(rnd, s, false, null);
                byte[] d = (byte[]) r.data();
                java.util.List<rv.task.Prediction.ScoredBox> boxes = new java.util.ArrayList<>();
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                    int x0 = 4 + 20 * k, y0 = 4 + rnd.nextInt(s - 24), bw = 10 + rnd.nextInt(6), bh = 10 + rnd.nextInt(6);
                    for (int y = y0; y < y0 + bh; y++) for (int x = x0; x < x0 + bw; x++) for (int b = 0; b < 3; b++) d[(b * s + y) * s + x] = (byte) 220;
                    boxes.add(new rv.task.Prediction.ScoredBox(x0, y0, bw, bh, 1, 1));
                }
                w.addDetection("c" + i, r, boxes);
            }
        }
    }

    static void classification(Path zip, int n, int s, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (ChipArchive.Writer w = ChipArchive.create(zip, ChipArchive.CHIP_CLASSIFICATION, List.of("empty", "building"), s)) {
            for (int i = 0; i < n; i++) {
                boolean obj = rnd.nextBoolean();
                w.addClassification("c" + i, chip(rnd, s, obj, null), obj ? 1 : 0);
            }
        }
    }
}
