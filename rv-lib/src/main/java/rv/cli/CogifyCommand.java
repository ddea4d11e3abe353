package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.RvException;
import rv.data.raster.CogOptions;
import rv.data.raster.CogWriter;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.Resampling;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rv cogify SRC DST}: rewrite a raster as a Cloud Optimized GeoTIFF with internal overviews
 * (Raster Vision's COGIFY aux command), laid out like GDAL's COG driver.
 */
@Command(name = "cogify", mixinStandardHelpOptions = true,
        description = "Convert a raster into a Cloud Optimized GeoTIFF with internal overviews (passes GDAL's COG validator).")
final class CogifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "Input raster: path, file://, http(s):// or zip:// URI.")
    String src;

    @Parameters(index = "1", paramLabel = "DST", description = "Output COG path (written atomically).")
    Path dst;

    @Option(names = "--block-size", defaultValue = "512", description = "Tile size of every level (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--compression", defaultValue = "deflate", description = "deflate or none (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--resample", defaultValue = "average", description = "Overview resampling: near, average or bilinear (default: ${DEFAULT-VALUE}).")
    String resample;

    @Option(names = "--overviews", split = ",", paramLabel = "F",
            description = "Overview reduction factors, e.g. 2,4,8,16 (default: halve until the image fits one block).")
    List<Integer> overviews;

    @Option(names = "--predictor", defaultValue = "auto",
            description = "auto (2 for integers, 3 for floats when compressing) or none (default: ${DEFAULT-VALUE}).")
    String predictor;

    @Override
    public Integer call() {
        CogOptions options;
        try {
            options = CogOptions.DEFAULT.withBlockSize(blockSize)
                    .withCompression(GeoTiffWriteOptions.Compression.parse(compression))
                    .withResampling(Resampling.parse(resample))
                    .withOverviews(overviews == null ? List.of() : overviews)
                    .withPredictor(switch (predictor.toLowerCase(java.util.Locale.ROOT)) {
                        case "auto", "yes" -> GeoTiffWriteOptions.Predictor.AUTO;
                        case "none", "no" -> GeoTiffWriteOptions.Predictor.NONE;
                        default -> throw new IllegalArgumentException("unknown predictor '" + predictor + "' (use auto or none)");
                    });
        } catch (IllegalArgumentException e) {
            throw new RvException("cogify: " + e.getMessage());
        }
        // each source tile is read once, in order: a small decoded-tile cache is enough
        if (System.getProperty("rv.tileCacheMb") == null) rv.data.raster.TileCache.global().setCapacityMb(64);
        try (RasterSource in = RasterSources.open(src)) {
            List<Integer> factors = options.factorsFor(in.width(), in.height());
            CogWriter.write(in, dst, options);
            System.out.printf("wrote %s: %dx%d, %d band(s), %s, overviews %s%n", dst, in.width(), in.height(), in.bandCount(),
                    in.dataType().numpyName(), factors);
        }
        return 0;
    }
}
