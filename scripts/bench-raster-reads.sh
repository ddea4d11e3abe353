#!/usr/bin/env bash
# Raster-read benchmark, rv vs rasterio in the same run (see BENCHMARKS.md, "Raster reads").
# Usage: scripts/bench-raster-reads.sh BIGDIR [RUNS]
#   BIGDIR: made by ../shared/bench/make_big.sh (big_u16_4b_10000_tiled512_deflate.tif + the COG copy).
# Env: RV (default bin/rv, with its default JVM flags and tile cache), RV_BENCH_ARGS (extra
#   `rv bench read` options, e.g. "--cache-mb 690"), PORT (18765). Each side runs under
#   /usr/bin/time (wall, user+sys CPU, peak RSS of the whole process); load averages are printed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
big=${1:?usage: bench-raster-reads.sh BIGDIR [RUNS]}
runs=${2:-5}
rv=${RV:-$here/bin/rv}
extra=${RV_BENCH_ARGS:-}
port=${PORT:-18765}
bench=$(cd "$here/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)
tif=$big/big_u16_4b_10000_tiled512_deflate.tif
cog=big_u16_4b_10000_cog512_deflate.tif
timed() { /usr/bin/time -f "  [$1: %e s wall, %U+%S s CPU, peak RSS %M KB]" "${@:2}"; }
load() { echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"; }
wins=$(mktemp); trap 'rm -f "$wins"; [[ -n "${srv:-}" ]] && kill "$srv" 2>/dev/null || true' EXIT
/usr/bin/python3 "$bench/windows.py" 10000 10000 500 300 1 > "$wins"
"$rv" info "$tif" > /dev/null   # builds rv if needed, outside the timings
echo "== local tiled deflate: $tif, $runs runs of 500 windows $(load)"
timed rasterio /usr/bin/python3 "$bench/rasterio_windows.py" "$tif" "$wins" "$runs"
load
timed "rv default" "$rv" bench read "$tif" --windows "$wins" --runs "$runs" $extra
load
timed "rv --threads 1" "$rv" bench read "$tif" --windows "$wins" --runs "$runs" --threads 1 $extra | sed 's/^/threads=1 /'
load
echo "== COG over HTTP (range_server.py on 127.0.0.1:$port), 3 runs $(load)"
/usr/bin/python3 "$bench/range_server.py" "$big" "$port" & srv=$!
sleep 1; curl -s "http://127.0.0.1:$port/__stats" > /dev/null
timed rasterio /usr/bin/python3 "$bench/rasterio_windows.py" "/vsicurl/http://127.0.0.1:$port/$cog" "$wins" 3
echo "rasterio server stats (3 runs): $(curl -s "http://127.0.0.1:$port/__stats")"
load
timed "rv default" "$rv" bench read "http://127.0.0.1:$port/$cog" --windows "$wins" --runs 3 $extra
echo "rv server stats (3 runs + 1 header read): $(curl -s "http://127.0.0.1:$port/__stats")"
load
