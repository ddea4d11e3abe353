package rv.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.Box;
import rv.core.RvException;
import rv.data.raster.GeoTiffWriteOptions;
import rv.data.raster.RasterProfile;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.TiledGeoTiffWriter;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rv crop SRC DST --window X Y W H [--bands 1,2,3]}: a georeferenced window of a raster as a
 * tiled GeoTIFF, like {@code gdal_translate -srcwin}. Streams one tile row at a time.
 */
@Command(name = "crop", mixinStandardHelpOptions = true,
        description = "Cut a pixel window (and optionally some bands) out of a raster into a georeferenced, tiled GeoTIFF (like gdal_translate -srcwin).")
final class CropCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CropCommand.class);

    @Parameters(index = "0", paramLabel = "SRC", description = "Input raster: path, file://, http(s):// or zip:// URI.")
    String src;

    @Parameters(index = "1", paramLabel = "DST", description = "Output GeoTIFF path (written atomically).")
    Path dst;

    @Option(names = "--window", arity = "4", required = true, paramLabel = "N",
            description = "X Y W H: column and row offsets of the upper-left pixel, width and height in pixels.")
    int[] window;

    @Option(names = "--bands", split = ",", paramLabel = "B", description = "1-based band numbers to keep, in order (default: all).")
    List<Integer> bands;

    @Option(names = "--block-size", defaultValue = "256", description = "Tile size of the output (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--compression", defaultValue = "deflate", description = "deflate or none (default: ${DEFAULT-VALUE}).")
    String compression;

    @Override
    public Integer call() {
        Box box = new Box(window[0], window[1], checkSize(window[2], "width"), checkSize(window[3], "height"));
        GeoTiffWriteOptions options = GeoTiffWriteOptions.DEFAULT.withTileSize(blockSize).withCompression(GeoTiffWriteOptions.Compression.parse(compression));
        // each source tile is read once, in order: a small decoded-tile cache is enough
        if (System.getProperty("rv.tileCacheMb") == null) rv.data.raster.TileCache.global().setCapacityMb(64);
        try (RasterSource in = RasterSources.open(src)) {
            int[] selected = bandIndexes(in.bandCount());
            Box inside = box.intersection(in.extent());
            if (inside.isEmpty()) {
                throw new RvException("--window " + box.x() + " " + box.y() + " " + box.width() + " " + box.height()
                        + " lies outside " + src + " (" + in.width() + "x" + in.height() + " pixels)");
            }
            if (!inside.equals(box)) LOG.warn("--window extends past the edges of {}; the outside is filled with {}", src,
                    in.nodata().isPresent() ? "nodata" : "0");
            RasterProfile profile = new RasterProfile(box.width(), box.height(), selected.length, in.dataType(),
                    in.geoTransform().forWindow(box.x(), box.y()), in.epsg(), in.nodata());
            crop(in, box, selected, dst, profile, options);
            System.out.printf("wrote %s: %dx%d, %d band(s), %s%n", dst, box.width(), box.height(), selected.length, in.dataType().numpyName());
        }
        return 0;
    }

    /** Streams {@code box} of {@code in} (bands {@code selected}) into {@code dst}, one tile row at a time. */
    static void crop(RasterSource in, Box box, int[] selected, Path dst, RasterProfile profile, GeoTiffWriteOptions options) {
        try (TiledGeoTiffWriter w = TiledGeoTiffWriter.create(dst, profile, options)) {
            for (int y = 0; y < box.height(); y += options.tileSize()) {
                int h = Math.min(options.tileSize(), box.height() - y);
                w.writeWindow(new Box(0, y, box.width(), h), in.read(new Box(box.x(), box.y() + y, box.width(), h), selected));
            }
        }
    }

    private int[] bandIndexes(int count) {
        if (bands == null || bands.isEmpty()) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) all[i] = i;
            return all;
        }
        int[] out = new int[bands.size()];
        for (int i = 0; i < out.length; i++) {
            int b = bands.get(i);
            if (b < 1 || b > count) throw new RvException("--bands: band " + b + " does not exist in " + src + " (bands are 1.." + count + ")");
            out[i] = b - 1;
        }
        return out;
    }

    private static int checkSize(int v, String what) {
        if (v <= 0) throw new RvException("--window " + what + " must be positive, got " + v);
        return v;
    }
}
