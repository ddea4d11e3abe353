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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GeoTIFF (classic, BigTIFF or COG; full-resolution image only) read lazily: a window read fetches
 * and decodes only the tiles or strips it touches, decoding several in parallel, and keeps decoded
 * chunks in the shared, size-bounded {@link TileCache}. Thread-safe.
 */
public final class GeoTiffRasterSource implements RasterSource {
    /** Threads that decode the tiles of a window in parallel: {@code -Drv.decodeThreads}, default the number of cores. */
    public static final int DECODE_THREADS = Math.max(1, Integer.getInteger("rv.decodeThreads", Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(DECODE_THREADS, r -> {
                Thread t = new Thread(r, "rv-tiff-decode");
                t.setDaemon(true);
                return t;
            });
    /** One background thread decodes neighbouring chunks; only the newest ring waits in its queue. */
    private static final ThreadPoolExecutor READ_AHEAD = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "rv-tiff-read-ahead");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    /** Fetches byte ranges of remote files ahead of decoding, several at a time. */
    private static final ExecutorService FETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rv-range-fetch");
        t.setDaemon(true);
        return t;
    });
    /** Largest gap between two chunks read through to merge their range requests. */
    static final long MAX_GAP = 64 << 10;
    /** Largest merged range request. */
    static final long MAX_REQUEST = 16L << 20;
    /** Compressed bytes of a remote file fetched ahead at once (per window read). */
    static final long PREFETCH_BYTES = 64L << 20;

    private final RangeReader in;
    private final boolean remote;
    private final TiffImage img;
    private final ChunkDecoder decoder;
    private final TileCache cache;
    private final int sourceId = TileCache.newSourceId();
    private final long chunkBytes;
    private final ConcurrentHashMap<Integer, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong aheadGeneration = new AtomicLong();
    private volatile boolean readAhead;
    /** Chunks decoded at least once by this source; read-ahead never re-decodes them. */
    private final java.util.BitSet decodedOnce = new java.util.BitSet();
    private volatile boolean closed;
    private final AtomicLong decodes = new AtomicLong();

    private GeoTiffRasterSource(RangeReader in, TiffImage img, TileCache cache) {
        this.in = in;
        this.img = img;
        this.decoder = new ChunkDecoder(img, in);
        this.cache = cache;
        this.chunkBytes = decoder.chunkBytes() + 64L;
        String ahead = System.getProperty("rv.readAhead", "false");
        this.remote = in.uri().regionMatches(true, 0, "http", 0, 4);
        this.readAhead = ahead.equalsIgnoreCase("true") || (ahead.equalsIgnoreCase("local") && !remote);
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

    /** Chunks (tiles or strips) this source has decoded so far, cache misses and read-ahead included. */
    public long decodedChunks() { return decodes.get(); }

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
        // chunks to copy from: {chunk index, block column, block row, output band (planar) or -1 (all bands)}
        List<int[]> jobs = new ArrayList<>();
        for (int br = r0; br <= r1; br++) {
            for (int bc = c0; bc <= c1; bc++) {
                int base = br * img.blocksAcross + bc;
                if (img.planar) for (int i = 0; i < bands.length; i++) jobs.add(new int[] {bands[i] * img.chunksPerBand() + base, bc, br, i});
                else jobs.add(new int[] {base, bc, br, -1});
            }
        }
        TileCache.Handle[] chunks = fetch(jobs);
        readAhead(c0, c1, r0, r1, bands);
        try {
            int nb = img.bandsPerChunk();
            Object dst = out.data();
            int ow = window.width(), oh = window.height();
            for (int j = 0; j < jobs.size(); j++) {
                int[] job = jobs.get(j);
                int bc = job[1], br = job[2];
                java.nio.Buffer tile = TileRows.view((ByteBuffer) chunks[j].data(), img.dataType);
                int x0 = Math.max(inside.x(), bc * bw), x1 = Math.min(inside.xMax(), (bc + 1) * bw);
                int y0 = Math.max(inside.y(), br * bh), y1 = Math.min(inside.yMax(), (br + 1) * bh);
                int len = x1 - x0;
                if (nb == 1) { // one band per chunk: rows go straight into the output band(s)
                    for (int i = job[3] < 0 ? 0 : job[3]; i < (job[3] < 0 ? bands.length : job[3] + 1); i++) {
                        for (int y = y0; y < y1; y++) {
                            int si = (y - br * bh) * bw + (x0 - bc * bw);
                            int di = (i * oh + (y - window.y())) * ow + (x0 - window.x());
                            TileRows.get(tile, si, dst, di, len);
                        }
                    }
                } else { // interleaved: one bulk copy of the row span, then a strided gather per band
                    Object row = TileRows.scratch(img.dataType, len * nb);
                    for (int y = y0; y < y1; y++) {
                        TileRows.get(tile, ((y - br * bh) * bw + (x0 - bc * bw)) * nb, row, 0, len * nb);
                        for (int i = 0; i < bands.length; i++) {
                            int di = (i * oh + (y - window.y())) * ow + (x0 - window.x());
                            ChunkDecoder.gather(row, bands[i], nb, dst, di, len);
                        }
                    }
                }
            }
        } finally {
            Set<TileCache.Handle> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (TileCache.Handle h : chunks) if (h != null && seen.add(h)) cache.release(h);
        }
        return out;
    }

    /** Pinned chunks for the jobs, from the cache or decoded in parallel; one pin per distinct chunk. */
    private TileCache.Handle[] fetch(List<int[]> jobs) {
        TileCache.Handle[] result = new TileCache.Handle[jobs.size()];
        Map<Integer, TileCache.Handle> got = new HashMap<>();
        List<Integer> missing = new ArrayList<>();
        for (int[] job : jobs) {
            int chunk = job[0];
            if (got.containsKey(chunk)) continue;
            TileCache.Handle h = cache.acquire(TileCache.key(sourceId, chunk));
            got.put(chunk, h);
            if (h == null) missing.add(chunk);
        }
        RuntimeException failure = null;
        for (List<Integer> batch : remote ? batches(missing) : List.of(missing)) {
            if (failure == null && !batch.isEmpty()) failure = decode(batch, got);
        }
        if (failure != null) {
            for (TileCache.Handle h : got.values()) if (h != null) cache.release(h);
            throw failure;
        }
        for (int j = 0; j < jobs.size(); j++) result[j] = got.get(jobs.get(j)[0]);
        return result;
    }

    /**
     * Decodes (or waits for) the chunks, in parallel on {@link #POOL} and the calling thread, putting
     * their pinned handles into {@code got}; returns the first failure, or null.
     */
    private RuntimeException decode(List<Integer> missing, Map<Integer, TileCache.Handle> got) {
        Map<Integer, CompletableFuture<RangeReader>> bytes = remote ? prefetch(missing) : Map.of();
        List<CompletableFuture<TileCache.Handle>> futures = new ArrayList<>();
        for (int k = 0; k < missing.size() - 1 && DECODE_THREADS > 1; k++) {
            int chunk = missing.get(k);
            futures.add(CompletableFuture.supplyAsync(() -> obtain(chunk, bytes.get(chunk)), POOL));
        }
        RuntimeException failure = null;
        // the calling thread decodes the last chunk (all of them with -Drv.decodeThreads=1)
        for (int k = DECODE_THREADS > 1 ? missing.size() - 1 : 0; k < missing.size() && failure == null; k++) {
            int chunk = missing.get(k);
            try {
                got.put(chunk, obtain(chunk, bytes.get(chunk)));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        for (int k = 0; k < futures.size(); k++) {
            try {
                got.put(missing.get(k), futures.get(k).join());
            } catch (CompletionException e) {
                if (failure == null) failure = e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        return failure;
    }

    /**
     * The missing chunks of a remote file in file order, cut into batches of at most
     * {@link #PREFETCH_BYTES} compressed bytes, so a huge window does not hold all its compressed
     * tiles in memory at once.
     */
    private List<List<Integer>> batches(List<Integer> missing) {
        List<Integer> order = new ArrayList<>(missing);
        order.sort((a, b) -> Long.compare(img.offsets[a], img.offsets[b]));
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        long bytes = 0;
        for (int c : order) {
            if (!cur.isEmpty() && bytes + img.byteCounts[c] > PREFETCH_BYTES) {
                out.add(cur);
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(c);
            bytes += img.byteCounts[c];
        }
        out.add(cur);
        return out;
    }

    /**
     * Remote files: the bytes of the missing chunks, fetched concurrently, one range request per run
     * of chunks that lie next to each other in the file (gaps up to {@link #MAX_GAP} bytes are read
     * through; GDAL's COGs put 8 bytes of block leader/trailer between tiles), as GDAL merges
     * consecutive ranges. Chunk → future of a reader holding its bytes.
     */
    private Map<Integer, CompletableFuture<RangeReader>> prefetch(List<Integer> missing) {
        List<Integer> order = new ArrayList<>();
        for (int c : missing) if (img.byteCounts[c] > 0 && img.offsets[c] != 0) order.add(c);
        order.sort((a, b) -> Long.compare(img.offsets[a], img.offsets[b]));
        Map<Integer, CompletableFuture<RangeReader>> out = new HashMap<>();
        for (int i = 0; i < order.size(); ) {
            long start = img.offsets[order.get(i)], end = start + img.byteCounts[order.get(i)];
            int j = i + 1;
            while (j < order.size()) {
                long o = img.offsets[order.get(j)], e = o + img.byteCounts[order.get(j)];
                if (o < end || o - end > MAX_GAP || Math.max(e, end) - start > MAX_REQUEST) break;
                end = Math.max(end, e);
                j++;
            }
            long s = start, t = Math.min(end, in.size());
            CompletableFuture<RangeReader> f = CompletableFuture.supplyAsync(() -> {
                try {
                    return PrefetchedRange.fetch(in, s, t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, FETCH);
            for (int k = i; k < j; k++) out.put(order.get(k), f);
            i = j;
        }
        return out;
    }

    /**
     * A pinned chunk: from the cache, by waiting for a decode already under way (read-ahead or another
     * reader), or by decoding it here.
     */
    private TileCache.Handle obtain(int chunk) { return obtain(chunk, null); }

    /** {@link #obtain(int)}, decoding from the bytes {@code prefetched} holds when given. */
    private TileCache.Handle obtain(int chunk, CompletableFuture<RangeReader> prefetched) {
        long key = TileCache.key(sourceId, chunk);
        for (int attempt = 0; ; attempt++) {
            TileCache.Handle h = cache.acquire(key);
            if (h != null) return h;
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = attempt < 2 ? inFlight.putIfAbsent(chunk, mine) : null;
            if (other != null) {
                other.exceptionally(t -> null).join(); // then look in the cache again
                continue;
            }
            try {
                RangeReader src = in;
                if (prefetched != null) {
                    try {
                        src = prefetched.join();
                    } catch (CompletionException e) {
                        if (e.getCause() instanceof RuntimeException re && !(re instanceof UncheckedIOException)) throw re;
                        src = in; // decode reads it again and reports the problem with the file's name
                    }
                }
                return decodeAndCache(chunk, src);
            } finally {
                inFlight.remove(chunk, mine);
                mine.complete(null);
            }
        }
    }

    private TileCache.Handle decodeAndCache(int chunk, RangeReader src) {
        try {
            ByteBuffer target = (ByteBuffer) cache.recycled(ByteBuffer.class, decoder.chunkBytes());
            if (target == null) target = TileRows.allocate(decoder.chunkBytes());
            decoder.decodeInto(chunk, target, src);
            decodes.incrementAndGet();
            synchronized (decodedOnce) {
                decodedOnce.set(chunk);
            }
            return cache.insert(TileCache.key(sourceId, chunk), target, chunkBytes);
        } catch (IOException e) {
            throw new RvException("cannot read " + img.name + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RvException("cannot read " + img.name + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Read-ahead: queues the ring of chunks around a window just read (right and below first, the
     * usual direction of sliding windows) for one background thread, replacing the previous ring.
     * Chunks already cached, being decoded or ever decoded by this source are skipped (re-decoding
     * evicted chunks speculatively wasted more than it saved); it stops when the source closes.
     */
    private void readAhead(int c0, int c1, int r0, int r1, int[] bands) {
        if (!readAhead || closed) return;
        List<Integer> ring = new ArrayList<>();
        int[][] order = {{c1 + 1, r0, c1 + 1, r1}, {c0, r1 + 1, c1 + 1, r1 + 1}, {c0 - 1, r0 - 1, c1 + 1, r0 - 1}, {c0 - 1, r0, c0 - 1, r1 + 1}};
        for (int[] o : order) {
            for (int br = o[1]; br <= o[3]; br++) {
                for (int bc = o[0]; bc <= o[2]; bc++) {
                    if (bc < 0 || br < 0 || bc >= img.blocksAcross || br >= img.blocksDown) continue;
                    int base = br * img.blocksAcross + bc;
                    if (img.planar) for (int b : bands) ring.add(b * img.chunksPerBand() + base);
                    else if (!ring.contains(base)) ring.add(base);
                }
            }
        }
        long generation = aheadGeneration.incrementAndGet();
        READ_AHEAD.execute(() -> {
            for (int chunk : ring) {
                if (closed || aheadGeneration.get() != generation) return;
                long key = TileCache.key(sourceId, chunk);
                boolean seen;
                synchronized (decodedOnce) {
                    seen = decodedOnce.get(chunk);
                }
                if (seen || cache.contains(key) || inFlight.containsKey(chunk)) continue;
                try {
                    TileCache.Handle h = obtain(chunk);
                    cache.release(h);
                    if (closed) cache.removeSource(sourceId); // closed while decoding: leave nothing behind
                } catch (RuntimeException e) {
                    return; // the foreground read of that chunk will report the problem
                }
            }
        });
    }

    /**
     * Turns read-ahead of neighbouring chunks on or off for this source. Default from
     * {@code -Drv.readAhead=false|true|local} ({@code local}: not over HTTP, where a window should fetch
     * only its own tiles). Off by default: on random windows it decoded ~35% more tiles than it saved;
     * it suits sliding-window reads (predict) with a spare core.
     */
    public void setReadAhead(boolean on) { this.readAhead = on; }

    @Override
    public void close() {
        closed = true;
        aheadGeneration.incrementAndGet();
        cache.removeSource(sourceId);
        in.close();
    }

    @Override public String toString() { return "GeoTiffRasterSource[" + img.name + "]"; }
}
