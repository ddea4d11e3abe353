package rv.task;

import rv.core.ClassConfig;
import rv.core.GeoTransform;
import rv.data.DatasetConfig;
import rv.data.SceneConfig;
import rv.data.label.SemanticSegmentationLabelSourceConfig;
import rv.data.raster.DataType;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.Raster;
import rv.data.raster.RasterProfile;
import rv.data.raster.RasterioSourceConfig;
import rv.data.raster.TiledGeoTiffWriter;
import rv.pipeline.ConfigCodec;
import rv.task.gt.GroundTruthBackendConfig;
import rv.task.segmentation.SemanticSegmentationConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Writes a large semantic segmentation scene for the PREDICT memory benchmark (BENCHMARKS.md):
 * {@code image.tif} (3-band uint8) and {@code labels.tif} (class raster: discs of class 1 on class 0),
 * {@code SIZE}² pixels, streamed with our TiledGeoTiffWriter, plus {@code config.json} (ground-truth backend).
 * Usage: {@code java -cp … rv.task.BigScene OUT_DIR [SIZE]}.
 */
public final class BigScene {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        Files.createDirectories(dir);
        GeoTransform gt = new GeoTransform(300000, 0.5, 0, 5000000, 0, -0.5);
        write(dir.resolve("image.tif"), size, 3, gt, (x, y, b) -> (x * 7 + y * 3 + b * 50) & 0xff);
        write(dir.resolve("labels.tif"), size, 1, gt, (x, y, b) -> {
            int cx = (x / 400) * 400 + 200, cy = (y / 400) * 400 + 200;
            long dx = x - cx, dy = y - cy;
            return dx * dx + dy * dy < 150L * 150 ? 1 : 0;
        });
        SceneConfig scene = SceneConfig.builder().id("big")
                .rasterSource(RasterioSourceConfig.builder().uris(dir.resolve("image.tif").toString()).build())
                .labelSource(SemanticSegmentationLabelSourceConfig.builder()
                        .rasterSource(RasterioSourceConfig.builder().uris(dir.resolve("labels.tif").toString()).build()).build())
                .build();
        var cfg = SemanticSegmentationConfig.builder().rootUri(dir.resolve("out").toString())
                .dataset(DatasetConfig.builder().classConfig(ClassConfig.builder().names("background", "disc").build())
                        .trainScenes(scene.toBuilder().id("big_train").build()).validationScenes(scene).build())
                .backend(GroundTruthBackendConfig.builder().build())
                .build();
        Files.writeString(dir.resolve("config.json"), ConfigCodec.create().write(cfg));
        System.out.println("wrote " + dir);
    }

    interface Pixel { int value(int x, int y, int band); }

    static void write(Path path, int size, int bands, GeoTransform gt, Pixel px) {
        RasterProfile p = new RasterProfile(size, size, bands, DataType.UINT8, gt, OptionalInt.of(32633), OptionalDouble.empty());
        try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(path, p, GeoTiffWriteOptions.DEFAULT)) {
            int rows = 256;
            for (int y0 = 0; y0 < size; y0 += rows) {
                int h = Math.min(rows, size - y0);
                Raster r = Raster.zeros(size, h, bands, DataType.UINT8);
                byte[] d = (byte[]) r.data();
                for (int b = 0; b < bands; b++) {
                    for (int y = 0; y < h; y++) {
                        int base = (b * h + y) * size;
                        for (int x = 0; x < size; x++) d[base + x] = (byte) px.value(x, y0 + y, b);
                    }
                }
                w.write(0, y0, r);
            }
        }
    }
}
