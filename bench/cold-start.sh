#!/bin/bash
# Cold-process start-up of short rv commands next to gdal_rasterize (BENCHMARKS.md, "Rasterize and stats").
# Usage: bench/cold-start.sh [WORKDIR] [RUNS]
#   RV=launcher (default: this checkout's bin/rv); RV_BASE=another checkout's bin/rv to compare (optional).
# Each command runs RUNS times (default 9), interleaved round by round so that load changes hit all
# alike; prints the median wall-clock and, in brackets, the median CPU (user + sys) in seconds, and the
# load average before and after. Run it under `flock /tmp/rv-heavy.lock` on the shared machine.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RV=${RV:-$here/bin/rv}
W=${1:-/tmp/rv-bench-cold}
N=${2:-9}
export RV_SKIP_BUILD=1
mkdir -p "$W" && cd "$W"
[ -f demo/scene_0.tif ] || "$RV" demo-data demo >/dev/null
gdal_create -q -if demo/scene_0.tif -bands 1 -ot Byte -burn 0 -co TILED=YES -co COMPRESS=DEFLATE grid.tif
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' > Hello.java
javac -d . Hello.java
V=demo/scene_0_buildings.geojson
"$RV" --version >/dev/null                # trains the start-up archive if needed
[ -z "${RV_BASE:-}" ] || "$RV_BASE" --version >/dev/null

declare -A cmds=(
  [gdal_rasterize]="cp grid.tif g.tif && gdal_rasterize -q -a class_id $V g.tif"
  [rv_rasterize]="'$RV' rasterize $V --like demo/scene_0.tif o.tif"
  [rv_help]="'$RV' --help"
  [rv_info]="'$RV' info demo/scene_0.tif"
  [java_hello]="java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp . Hello"
)
order=(gdal_rasterize rv_rasterize rv_help rv_info java_hello)
if [ -n "${RV_BASE:-}" ]; then
  cmds[base_rasterize]="'$RV_BASE' rasterize $V --like demo/scene_0.tif ob.tif"
  cmds[base_help]="'$RV_BASE' --help"
  cmds[base_info]="'$RV_BASE' info demo/scene_0.tif"
  order+=(base_rasterize base_help base_info)
fi
rm -f times.txt
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$N"); do
  for k in "${order[@]}"; do
    /usr/bin/time -f "$k %e %U %S" bash -c "${cmds[$k]}" 2>>times.txt >/dev/null
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for k in "${order[@]}"; do
  w=$(awk -v k="$k" '$1 == k {print $2}' times.txt | med)
  c=$(awk -v k="$k" '$1 == k {print $3 + $4}' times.txt | med)
  printf '%-16s %s s [cpu %s s]\n' "$k" "$w" "$c"
done
