package rv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.core.Box;
import rv.core.RvException;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSources;
import rv.data.raster.TileCache;
import rv.data.raster.tiff.GeoTiffRasterSource;
import rv.io.IoStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** {@code rv bench …}: measurement commands. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (print throughput and peak memory).",
        subcommands = BenchCommand.Read.class)
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code rv bench read}: random-window read throughput, like ../shared/bench/rasterio_windows.py. */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read windows (all bands) from a raster; each run opens it afresh. Last line: RESULT rv windows/s=<n> MB/s=<n> (median of runs after the first).")
    static final class Read implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "URI", description = "Raster to read (path or URI).")
        String uri;

        @Option(names = "--windows", paramLabel = "FILE", description = "Windows file: one 'x y w h' per line (as windows.py writes).")
        Path windowsFile;

        @Option(names = "--n", description = "Number of random windows when no --windows file (default ${DEFAULT-VALUE}).", defaultValue = "500")
        int n;

        @Option(names = "--size", description = "Random window size in pixels (default ${DEFAULT-VALUE}).", defaultValue = "300")
        int size;

        @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).", defaultValue = "1")
        long seed;

        @Option(names = "--runs", description = "Number of runs (default ${DEFAULT-VALUE}).", defaultValue = "5")
        int runs;

        @Option(names = "--threads", description = "Reader threads sharing the windows (default: -Drv.readThreads, else the number of cores; tiles of a window are also decoded in parallel, on -Drv.decodeThreads threads). --threads 1 reads windows one after another, like the rasterio peer.")
        Integer threads;

        @Option(names = "--read-ahead", description = "Decode the tiles around each window in the background (default: off, or -Drv.readAhead).")
        boolean readAhead;

        @Option(names = "--cache-mb", description = "Decoded tile cache size in MB (default: -Drv.tileCacheMb, else 5% of physical memory within 64..720 MB).")
        Long cacheMb;

        @Override
        public Integer call() {
            if (runs < 1) throw new RvException("--runs must be at least 1");
            if (threads == null) threads = Integer.getInteger("rv.readThreads", Runtime.getRuntime().availableProcessors());
            if (threads < 1) throw new RvException("--threads must be at least 1");
            if (cacheMb != null) TileCache.global().setCapacityMb(cacheMb);
            List<Box> windows;
            if (windowsFile != null) {
                windows = readWindows(windowsFile);
            } else {
                try (RasterSource s = RasterSources.open(uri)) {
                    windows = randomWindows(s.width(), s.height(), n, size, seed);
                }
            }
            System.out.printf(Locale.ROOT, "rv bench read: %d windows, reader_threads=%d decode_threads=%d tile_cache_MB=%d cores=%d max_heap_MB=%d%n",
                    windows.size(), threads, GeoTiffRasterSource.DECODE_THREADS, TileCache.global().capacityBytes() >> 20,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            double[] secs = new double[runs];
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                long bytes = 0;
                long t1;
                long requests = 0, fetched = 0, decoded = 0;
                try (RasterSource src = RasterSources.open(uri)) {
                    if (readAhead && src instanceof GeoTiffRasterSource g) g.setReadAhead(true);
                    t1 = System.nanoTime();
                    bytes = readAll(src, windows, threads);
                    if (src instanceof GeoTiffRasterSource g) {
                        IoStats st = g.ioStats();
                        requests = st.requests();
                        fetched = st.bytes();
                        decoded = g.decodedChunks();
                    }
                }
                long t2 = System.nanoTime();
                double s = (t2 - t0) / 1e9;
                secs[run] = s;
                System.out.printf(Locale.ROOT, "rv run%d open=%.3fs total=%.3fs windows/s=%.1f MB/s=%.1f peak_rss=%dMB cpu=%.2fs requests=%d fetched_MB=%.1f tiles_decoded=%d%n",
                        run, (t1 - t0) / 1e9, s, windows.size() / s, bytes / 1e6 / s, peakRssMb(), (processCpuNanos() - cpu0) / 1e9, requests, fetched / 1e6, decoded);
                System.out.flush();
            }
            double[] later = runs > 1 ? Arrays.copyOfRange(secs, 1, runs) : secs.clone();
            Arrays.sort(later);
            double med = later[later.length / 2];
            long perRun = 0;
            for (Box w : windows) perRun += w.area();
            try (RasterSource s = RasterSources.open(uri)) {
                perRun *= (long) s.bandCount() * s.dataType().bytes();
            }
            System.out.printf(Locale.ROOT, "RESULT rv windows/s=%.1f MB/s=%.1f%n", windows.size() / med, perRun / 1e6 / med);
            return 0;
        }
    }

    /** Reads every window (all bands) with {@code threads} readers; returns the bytes read. */
    static long readAll(RasterSource src, List<Box> windows, int threads) {
        if (threads == 1) {
            long bytes = 0;
            for (Box w : windows) bytes += src.read(w).byteSize();
            return bytes;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> ts = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i; (i = next.getAndIncrement()) < windows.size(); ) bytes.addAndGet(src.read(windows.get(i)).byteSize());
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "rv-bench-" + t);
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RvException("interrupted");
            }
        }
        if (failure.get() != null) throw failure.get();
        return bytes.get();
    }

    /** CPU time of the whole process so far (all threads), or 0 where the JVM cannot tell. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    /** Parses a windows file: 'x y w h' per line; blank lines and '#' comments are skipped. */
    static List<Box> readWindows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new RvException("windows file not found: " + file);
        } catch (IOException e) {
            throw new RvException("cannot read windows file " + file + ": " + e.getMessage(), e);
        }
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] f = l.split("\\s+");
            String where = file + " line " + (i + 1);
            if (f.length != 4) throw new RvException(where + ": expected 'x y w h', got '" + l + "'");
            int[] v = new int[4];
            for (int k = 0; k < 4; k++) {
                try {
                    v[k] = Integer.parseInt(f[k]);
                } catch (NumberFormatException e) {
                    throw new RvException(where + ": '" + f[k] + "' is not an integer");
                }
            }
            if (v[2] < 0 || v[3] < 0) throw new RvException(where + ": window of negative size " + v[2] + "x" + v[3]);
            out.add(new Box(v[0], v[1], v[2], v[3]));
        }
        if (out.isEmpty()) throw new RvException("windows file " + file + " has no windows");
        return out;
    }

    /** {@code n} random size×size windows inside the image (java.util.Random, not windows.py's sequence). */
    static List<Box> randomWindows(int width, int height, int n, int size, long seed) {
        if (size > width || size > height) throw new RvException("window size " + size + " is larger than the image (" + width + "x" + height + ")");
        Random r = new Random(seed);
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Box(r.nextInt(width - size + 1), r.nextInt(height - size + 1), size, size));
        return out;
    }

    /** Peak resident set size (VmHWM) in MB, or -1 where /proc is missing. */
    static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
