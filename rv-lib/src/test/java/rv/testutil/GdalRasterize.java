package rv.testutil;

import rv.core.GeoTransform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs GDAL's rasterizer (Debian python3-gdal: {@code gdal.Rasterize}) as the oracle for many jobs at once. */
public final class GdalRasterize {
    private GdalRasterize() {}

    /** One rasterization: vector file onto a grid; burn the attribute, or 1 when {@code attribute} is null. */
    public record Job(Path vector, int width, int height, GeoTransform gt, int epsg, String attribute, boolean allTouched) {}

    private static final String SCRIPT = """
            import sys
            from osgeo import gdal, osr
            gdal.UseExceptions()
            for line in open(sys.argv[1]):
                vec, w, h, gt, epsg, attr, touched, out = line.rstrip('\\n').split('|')
                ds = gdal.GetDriverByName('MEM').Create('', int(w), int(h), 1, gdal.GDT_Byte)
                ds.SetGeoTransform([float(v) for v in gt.split(',')])
                srs = osr.SpatialReference(); srs.ImportFromEPSG(int(epsg))
                ds.SetProjection(srs.ExportToWkt())
                opts = dict(allTouched=(touched == '1'))
                if attr: opts['attribute'] = attr
                else: opts['burnValues'] = [1]
                gdal.Rasterize(ds, vec, **opts)
                open(out, 'wb').write(ds.GetRasterBand(1).ReadRaster())
            """;

    /** Returns the burned uint8 rasters, row-major, one per job. */
    public static List<byte[]> run(List<Job> jobs) {
        try {
            Path dir = Files.createTempDirectory("rv-gdal-rasterize");
            StringBuilder sb = new StringBuilder();
            List<Path> outs = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                Path out = dir.resolve("out" + i + ".bin");
                outs.add(out);
                double[] g = j.gt().toGdal();
                sb.append(String.format(Locale.ROOT, "%s|%d|%d|%s,%s,%s,%s,%s,%s|%d|%s|%s|%s%n", j.vector(), j.width(), j.height(),
                        Double.toString(g[0]), Double.toString(g[1]), Double.toString(g[2]), Double.toString(g[3]), Double.toString(g[4]), Double.toString(g[5]),
                        j.epsg(), j.attribute() == null ? "" : j.attribute(), j.allTouched() ? "1" : "0", out));
            }
            Path jobsFile = dir.resolve("jobs.txt");
            Files.writeString(jobsFile, sb);
            PythonOracle.run(SCRIPT, jobsFile.toString());
            List<byte[]> result = new ArrayList<>();
            for (Path p : outs) result.add(Files.readAllBytes(p));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
