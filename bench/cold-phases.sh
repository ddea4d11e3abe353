#!/bin/bash
# Where a cold `rv rasterize` spends its time (BENCHMARKS.md, "Rasterize and stats"): for RUNS runs
# with -Xlog:class+load timestamps, prints the median (by JVM exit) of the milliseconds since JVM
# start at which rv.cli.Main is loaded, the command's own work starts (VectorSourceOptions is
# loaded) and the JVM exits, plus the whole process's wall-clock.
# Usage: bench/cold-phases.sh WORKDIR [RUNS] (WORKDIR holds demo/ from `rv demo-data`; RV=launcher)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RV=${RV:-$here/bin/rv}
W=$1
N=${2:-7}
export RV_SKIP_BUILD=1
cd "$W"
[ -f demo/scene_0.tif ] || "$RV" demo-data demo >/dev/null
"$RV" --version >/dev/null
log=$(mktemp)
for i in $(seq "$N"); do
  s=$(date +%s%N)
  RV_JAVA_OPTS="-Xlog:class+load:file=$log:uptimenanos" "$RV" rasterize demo/scene_0_buildings.geojson \
    --like demo/scene_0.tif phases.tif >/dev/null 2>&1
  e=$(date +%s%N)
  awk -F'[][]' -v w=$(( (e - s) / 1000000 )) '/ rv.cli.Main /{m=$2} / rv.data.vector.VectorSourceOptions /{c=$2}
    / java.lang.Shutdown /{x=$2} END {printf "%.0f %.0f %.0f %d\n", m/1e6, c/1e6, x/1e6, w}' "$log"
done | sort -n -k3 | awk '{a[NR]=$0} END {print "ms: Main loaded / command starts / JVM exits / process wall:", a[int((NR+1)/2)]}'
rm -f "$log"
