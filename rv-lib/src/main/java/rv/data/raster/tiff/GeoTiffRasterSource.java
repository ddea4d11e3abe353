package rv.data.raster.tiff;

import rv.core.Box;
import rv.core.GeoTransform;
import rv.core.RvException;
import rv.data.raster.DataType;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.data.raster.TileCache;
import rv.io.FileSystems;
import rv.io.IoStats;
import rv.io.RangeReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A GeoTIFF (classic, BigTIFF or COG; full-resolution image only) read lazily: a window read fetches
 * and decodes only the tiles or strips it touches, decoding several in parallel, and keeps decoded
 * chunks in the shared, size-bounded {@link TileCache}. Thread-safe.
 */
public final class GeoTiffRasterSource implements RasterSource {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "rv-tiff-decode");
                t.setDaemon(true);
                return t;
            });

    private final RangeReader in;
    private final TiffImage img;
    private final ChunkDecoder decoder;
    private final TileCache cache;
    private final int sourceId = TileCache.newSourceId();
    private final long chunkBytes;

    private GeoTiffRasterSource(RangeReader in, TiffImage img, TileCache cache) {
        this.in = in;
        this.img = img;
        this.decoder = new ChunkDecoder(img, in);
        this.cache = cache;
        this.chunkBytes = (long) decoder.chunkLength() * img.dataType.bytes() + 64;
    }

    /** Opens a GeoTIFF at a local path or URI ({@code file:}, {@code http(s):}, {@code zip:}). */
    public static GeoTiffRasterSource open(String uri) {
        return open(FileSystems.open(uri), TileCache.global());
    }

    /** Opens a GeoTIFF from a reader (closed with the source) using the given chunk cache. */
    public static GeoTiffRasterSource open(RangeReader in, TileCache cache) {
        try {
            return new GeoTiffRasterSource(in, TiffImage.read(in), cache);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Layout and codec details of the file. */
    public TiffImage image() { return img; }

    /** Request/byte counters of the underlying reader. */
    public IoStats ioStats() { return in.stats(); }

    public String uri() { return in.uri(); }

    @Override public int width() { return img.width; }
    @Override public int height() { return img.height; }
    @Override public int bandCount() { return img.samplesPerPixel; }
    @Override public DataType dataType() { return img.dataType; }
    @Override public GeoTransform geoTransform() { return img.geoTransform == null ? GeoTransform.IDENTITY : img.geoTransform; }
    @Override public OptionalInt epsg() { return img.epsg; }
    @Override public OptionalDouble nodata() { return img.nodata; }

    @Override
    public Raster read(Box window, int[] bands) {
        for (int b : bands) {
            if (b < 0 || b >= img.samplesPerPixel) {
                throw new RvException("band index " + b + " out of range 0.." + (img.samplesPerPixel - 1) + " for " + img.name);
            }
        }
        Raster out = Raster.zeros(window.width(), window.height(), bands.length, img.dataType);
        Box inside = window.intersection(extent());
        if (!extent().contains(window)) {
            double fill = img.nodata.orElse(0);
            if (fill != 0) out.fill(fill);
        }
        if (inside.isEmpty() || bands.length == 0) return out;
        decoder.checkSupported();
        int bw = img.blockWidth, bh = img.blockHeight;
        int c0 = inside.x() / bw, c1 = (inside.xMax() - 1) / bw;
        int r0 = inside.y() / bh, r1 = (inside.yMax() - 1) / bh;
        // chunks to copy from: (chunk index, band inside chunk, output band)
        List<int[]> jobs = new ArrayList<>();
        for (int br = r0; br <= r1; br++) {
            for (int bc = c0; bc <= c1; bc++) {
                int base = br * img.blocksAcross + bc;
                for (int i = 0; i < bands.length; i++) {
                    if (img.planar) jobs.add(new int[] {bands[i] * img.chunksPerBand() + base, 0, i, bc, br});
                    else jobs.add(new int[] {base, bands[i], i, bc, br});
                }
            }
        }
        Object[] chunks = fetch(jobs);
        int plane = bw * bh;
        Object dst = out.data();
        int ow = window.width(), oh = window.height();
        for (int j = 0; j < jobs.size(); j++) {
            int[] job = jobs.get(j);
            int bc = job[3], br = job[4];
            int x0 = Math.max(inside.x(), bc * bw), x1 = Math.min(inside.xMax(), (bc + 1) * bw);
            int y0 = Math.max(inside.y(), br * bh), y1 = Math.min(inside.yMax(), (br + 1) * bh);
            int len = x1 - x0;
            for (int y = y0; y < y1; y++) {
                int si = job[1] * plane + (y - br * bh) * bw + (x0 - bc * bw);
                int di = (job[2] * oh + (y - window.y())) * ow + (x0 - window.x());
                System.arraycopy(chunks[j], si, dst, di, len);
            }
        }
        return out;
    }

    /** Decoded chunks for the jobs, from the cache or decoded in parallel. */
    private Object[] fetch(List<int[]> jobs) {
        Object[] result = new Object[jobs.size()];
        List<Integer> missing = new ArrayList<>();
        java.util.Map<Integer, Object> got = new java.util.HashMap<>();
        for (int j = 0; j < jobs.size(); j++) {
            int chunk = jobs.get(j)[0];
            Object c = got.get(chunk);
            if (c == null && !got.containsKey(chunk)) {
                c = cache.get(TileCache.key(sourceId, chunk));
                got.put(chunk, c);
                if (c == null) missing.add(chunk);
            }
            result[j] = c;
        }
        if (!missing.isEmpty()) {
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int k = 0; k < missing.size() - 1; k++) {
                int chunk = missing.get(k);
                futures.add(CompletableFuture.supplyAsync(() -> decodeAndCache(chunk), POOL));
            }
            int lastChunk = missing.get(missing.size() - 1);
            Object last = decodeAndCache(lastChunk);
            got.put(lastChunk, last);
            try {
                for (int k = 0; k < futures.size(); k++) got.put(missing.get(k), futures.get(k).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw e;
            }
            for (int j = 0; j < jobs.size(); j++) if (result[j] == null) result[j] = got.get(jobs.get(j)[0]);
        }
        return result;
    }

    private Object decodeAndCache(int chunk) {
        try {
            Object data = decoder.decode(chunk);
            cache.put(TileCache.key(sourceId, chunk), data, chunkBytes);
            return data;
        } catch (IOException e) {
            throw new RvException("cannot read " + img.name + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RvException("cannot read " + img.name + ": " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        cache.removeSource(sourceId);
        in.close();
    }

    @Override public String toString() { return "GeoTiffRasterSource[" + img.name + "]"; }
}
