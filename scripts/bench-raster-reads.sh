#!/usr/bin/env bash
# Raster-read benchmark, rv vs rasterio in the same invocation (see BENCHMARKS.md, "Raster reads").
# Usage: scripts/bench-raster-reads.sh BIGDIR [RUNS] [ROUNDS]
#   BIGDIR: made by ../shared/bench/make_big.sh (big_u16_4b_10000_tiled512_deflate.tif + the COG copy).
#   Local file: ROUNDS (default 2) alternating rounds of rasterio then rv (RUNS runs each, default 5),
#   so both peers see the same machine load; then rv --threads 1; then the COG over HTTP (3 runs each).
# Env: RV (default bin/rv, with its default JVM flags and tile cache), RV_BENCH_ARGS (extra
#   `rv bench read` options, e.g. "--cache-mb 690"), PORT (18765). Each command runs under
#   /usr/bin/time (wall, user+sys CPU, peak RSS of the whole process); load averages are printed.
#   The summary gives each peer's median windows/s (runs after the first, as each prints it) and its
#   best run, and the ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
big=${1:?usage: bench-raster-reads.sh BIGDIR [RUNS] [ROUNDS]}
runs=${2:-5}
rounds=${3:-2}
rv=${RV:-$here/bin/rv}
extra=${RV_BENCH_ARGS:-}
port=${PORT:-18765}
bench=$(cd "$here/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)
tif=$big/big_u16_4b_10000_tiled512_deflate.tif
cog=big_u16_4b_10000_cog512_deflate.tif
out=$(mktemp -d)
trap 'rm -rf "$out"; [[ -n "${srv:-}" ]] && kill "$srv" 2>/dev/null || true' EXIT
timed() { /usr/bin/time -f "  [$1: %e s wall, %U+%S s CPU, peak RSS %M KB]" "${@:2}"; }
load() { echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"; }
# "<median> <best>" windows/s from a log: the median as the peer's RESULT line prints it (runs after
# the first), the best of those runs
stats() {
  local med best
  med=$(grep -E 'RESULT' "$1" | sed -E 's/.*windows\/s=([0-9.]+).*/\1/' | tail -1)
  best=$(grep -E '(rasterio|rv) run[1-9]' "$1" | sed -E 's/.*windows\/s=([0-9.]+).*/\1/' | sort -g | tail -1)
  echo "${med:-0} ${best:-0}"
}
/usr/bin/python3 "$bench/windows.py" 10000 10000 500 300 1 > "$out/wins"
"$rv" info "$tif" > /dev/null   # builds rv if needed, outside the timings
echo "== local tiled deflate: $tif, $rounds rounds x $runs runs of 500 windows per peer $(load)"
for r in $(seq 1 "$rounds"); do
  timed rasterio /usr/bin/python3 "$bench/rasterio_windows.py" "$tif" "$out/wins" "$runs" 2>&1 | tee "$out/rio$r"
  load
  timed "rv default" "$rv" bench read "$tif" --windows "$out/wins" --runs "$runs" $extra 2>&1 | tee "$out/rvround$r"
  load
done
timed "rv --threads 1" "$rv" bench read "$tif" --windows "$out/wins" --runs "$runs" --threads 1 $extra 2>&1 | sed 's/^/threads=1 /' | tee "$out/rvt1"
load
echo "== COG over HTTP (range_server.py on 127.0.0.1:$port), 3 runs each $(load)"
/usr/bin/python3 "$bench/range_server.py" "$big" "$port" & srv=$!
sleep 1; curl -s "http://127.0.0.1:$port/__stats" > /dev/null
timed rasterio /usr/bin/python3 "$bench/rasterio_windows.py" "/vsicurl/http://127.0.0.1:$port/$cog" "$out/wins" 3 2>&1 | tee "$out/rioh"
echo "rasterio server stats (3 runs): $(curl -s "http://127.0.0.1:$port/__stats")"
load
timed "rv default" "$rv" bench read "http://127.0.0.1:$port/$cog" --windows "$out/wins" --runs 3 $extra 2>&1 | tee "$out/rvh"
echo "rv server stats (3 runs + 1 header read): $(curl -s "http://127.0.0.1:$port/__stats")"
load
echo "== summary: windows/s, median of runs 2.. / best run"
for r in $(seq 1 "$rounds"); do
  read -r rm rb <<< "$(stats "$out/rio$r")"; read -r vm vb <<< "$(stats "$out/rvround$r")"
  awk -v r="$r" -v rm="$rm" -v rb="$rb" -v vm="$vm" -v vb="$vb" 'BEGIN {
    printf "local round %s: rasterio %s / %s, rv %s / %s, ratio %.2fx (medians) %.2fx (best runs)\n", r, rm, rb, vm, vb, vm / rm, vb / rb }'
done
sed "s/^threads=1 //" "$out/rvt1" > "$out/rvt1s"; read -r tm tb <<< "$(stats "$out/rvt1s")"
echo "local rv --threads 1: $tm / $tb"
read -r hm hb <<< "$(stats "$out/rioh")"; read -r gm gb <<< "$(stats "$out/rvh")"
awk -v rm="$hm" -v rb="$hb" -v vm="$gm" -v vb="$gb" 'BEGIN {
  printf "HTTP: rasterio %s / %s, rv %s / %s, ratio %.2fx (medians) %.2fx (best runs)\n", rm, rb, vm, vb, vm / rm, vb / rb }'
