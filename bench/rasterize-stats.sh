#!/bin/bash
# rv rasterize / rv stats against gdal_rasterize / numpy on the demo scene (BENCHMARKS.md, "Rasterize and stats").
# Usage: bench/rasterize-stats.sh [WORKDIR]   (RV=command overrides the rv launcher, default bin/rv)
# Needs Debian gdal-bin, python3-gdal, python3-numpy. Run it under `flock /tmp/rv-heavy.lock` on the shared machine. Prints medians in seconds: wall-clock, and in
# brackets CPU (user+sys), which a busy shared machine distorts less.
set -euo pipefail
RV=${RV:-$(cd "$(dirname "$0")/.." && pwd)/bin/rv}
W=${1:-/tmp/rv-bench-rasterize}
mkdir -p "$W" && cd "$W"
[ -f demo/scene_0.tif ] || $RV demo-data demo >/dev/null
gdal_create -q -if demo/scene_0.tif -bands 1 -ot Byte -burn 0 -co TILED=YES -co COMPRESS=DEFLATE grid.tif
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1; }
medc() { local d; d=$(cat); echo "$(echo "$d" | awk '{print $1}' | med) [cpu $(echo "$d" | awk '{print $2 + $3}' | med)]"; }
for L in buildings cars; do
  V=demo/scene_0_$L.geojson
  g=$(for i in 1 2 3 4 5 6 7; do cp grid.tif g.tif; t gdal_rasterize -q -a class_id $V g.tif; done | medc)
  r=$(for i in 1 2 3 4 5 6 7; do t $RV rasterize $V --like demo/scene_0.tif o.tif; done | medc)
  w=$($RV rasterize $V --like demo/scene_0.tif o.tif --runs 11 | sed -n 's/^RESULT.*runs: \([0-9.]*\) s \[cpu \([0-9.]*\) s\].*/\1 [cpu \2]/p')
  # bin/rv runs rasterize with C1 only (start-up first); a notebook or pipeline JVM has C2 as well
  w2=$(RV_JAVA_OPTS=-XX:TieredStopAtLevel=4 $RV rasterize $V --like demo/scene_0.tif o.tif --runs 21 | sed -n 's/^RESULT.*runs: \([0-9.]*\) s \[cpu \([0-9.]*\) s\].*/\1 [cpu \2]/p')
  echo "rasterize $L: gdal_rasterize process $g s, rv process $r s, rv warm (in-JVM median) C1 $w s, C2 $w2 s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(for i in 1 2 3 4 5; do t $RV stats demo/scene_0.tif --out st.json; done | medc)
n=$(for i in 1 2 3 4 5; do t /usr/bin/python3 -c "
from osgeo import gdal; import numpy as np
a = gdal.Open('demo/scene_0.tif').ReadAsArray().astype(np.float64).reshape(4, -1)
print(a.mean(1), a.std(1))"; done | medc)
echo "stats (sliding, every pixel): rv process $s s, numpy+GDAL process $n s"
