#!/usr/bin/env bash
# Raster-read benchmark, rv vs rasterio in the same run (see BENCHMARKS.md, "Raster reads").
# Usage: scripts/bench-raster-reads.sh BIGDIR [RUNS]
#   BIGDIR: made by ../shared/bench/make_big.sh (big_u16_4b_10000_tiled512_deflate.tif + the COG copy).
# Env: RV (default bin/rv), RV_JAVA_OPTS (default "-Xmx820m -Xmn48m"), CACHE_MB (default 690), PORT (18765).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
big=${1:?usage: bench-raster-reads.sh BIGDIR [RUNS]}
runs=${2:-5}
rv=${RV:-$here/bin/rv}
export RV_JAVA_OPTS=${RV_JAVA_OPTS:--Xmx820m -Xmn48m}
cache=${CACHE_MB:-690}
port=${PORT:-18765}
bench=$(cd "$here/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)
tif=$big/big_u16_4b_10000_tiled512_deflate.tif
cog=big_u16_4b_10000_cog512_deflate.tif
wins=$(mktemp); trap 'rm -f "$wins"; [[ -n "${srv:-}" ]] && kill "$srv" 2>/dev/null || true' EXIT
/usr/bin/python3 "$bench/windows.py" 10000 10000 500 300 1 > "$wins"
echo "== local tiled deflate: $tif (load: $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/python3 "$bench/rasterio_windows.py" "$tif" "$wins" "$runs"
"$rv" bench read "$tif" --windows "$wins" --runs "$runs" --cache-mb "$cache"
"$rv" bench read "$tif" --windows "$wins" --runs "$runs" --cache-mb "$cache" --threads 2 | sed 's/^/threads=2 /'
echo "== COG over HTTP (range_server.py on 127.0.0.1:$port) (load: $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/python3 "$bench/range_server.py" "$big" "$port" & srv=$!
sleep 1; curl -s "http://127.0.0.1:$port/__stats" > /dev/null
/usr/bin/python3 "$bench/rasterio_windows.py" "/vsicurl/http://127.0.0.1:$port/$cog" "$wins" 3
echo "rasterio server stats: $(curl -s "http://127.0.0.1:$port/__stats")"
"$rv" bench read "http://127.0.0.1:$port/$cog" --windows "$wins" --runs 3 --cache-mb "$cache"
echo "rv server stats: $(curl -s "http://127.0.0.1:$port/__stats")"
echo "(load: $(cut -d' ' -f1-3 /proc/loadavg))"
