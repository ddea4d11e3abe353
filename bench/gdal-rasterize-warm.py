"""Warm peer for BENCHMARKS.md "Rasterize and stats": gdal.Rasterize repeated in one process.

Usage (in the WORKDIR of bench/rasterize-stats.sh, which made grid.tif and demo/):
    /usr/bin/python3 bench/gdal-rasterize-warm.py demo/scene_0_buildings.geojson
Each of 11 runs copies the empty grid, opens it, burns the labels' class_id and closes it (flushing
the tiles); prints the median of the runs after the first.
"""
import shutil
import statistics
import sys
import time

from osgeo import gdal

gdal.UseExceptions()
labels = sys.argv[1]
times = []
for _ in range(11):
    shutil.copy("grid.tif", "gw.tif")
    t0 = time.perf_counter()
    ds = gdal.Open("gw.tif", gdal.GA_Update)
    gdal.Rasterize(ds, labels, attribute="class_id")
    ds = None  # flush and close, as the CLI does
    times.append(time.perf_counter() - t0)
print("gdal.Rasterize in-process median of last 10: %.4f s (first %.4f s)" % (statistics.median(times[1:]), times[0]))
