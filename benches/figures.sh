#!/usr/bin/env bash
# `briefing figures` on 100,000 key figures, end to end, in one hyperfine session: the
# list sorted by a number, a text and a period column, the comparison by measure, and
# `check` on the same corpus as the reference (loading, parsing and anchoring alone), so
# that what the figures add is the difference of two medians measured side by side.
#
#   bash benches/figures.sh                      # 100,000 figures
#   FIGURES=20000 RUNS=5 bash benches/figures.sh # smaller and quicker
#
# The criterion bench (cargo bench --bench figures) times listing and sorting in memory,
# without the load.
set -euo pipefail
cd "$(dirname "$0")/.."

FIGURES=${FIGURES:-100000}
RUNS=${RUNS:-10}
DIR=${DIR:-target/bench-figures-$FIGURES}

command -v hyperfine >/dev/null 2>&1 || {
  echo "installing hyperfine ..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq hyperfine >/dev/null; fi
}

cargo build --release --quiet --bin briefing --example gen_figures
BIN=target/release/briefing
target/release/examples/gen_figures --figures "$FIGURES" --out "$DIR" >&2
$BIN check --strict --corpus "$DIR" >&2
ROWS=$($BIN figures --corpus "$DIR" --format csv | tail -n +2 | wc -l)
[ "$ROWS" = "$FIGURES" ] || { echo "listed $ROWS figures of $FIGURES" >&2; exit 1; }
OUT=$(mktemp -d)

hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/figures.json" \
  -n check "$BIN check --corpus $DIR" \
  -n csv-amount "$BIN figures --corpus $DIR --sort amount --format csv" \
  -n csv-label "$BIN figures --corpus $DIR --sort label --format csv" \
  -n csv-period "$BIN figures --corpus $DIR --sort period --reverse --format csv" \
  -n text-amount "$BIN figures --corpus $DIR --sort amount --width 120" \
  -n compare "$BIN figures --corpus $DIR --by-measure --format csv" \
  -n json "$BIN figures --corpus $DIR --sort amount --format json" >/dev/null

python3 - "$OUT/figures.json" "$FIGURES" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
med = {r["command"]: r["median"] for r in results}
# CPU time (user + system, means) as well: on a shared machine the wall clock also
# counts the time other programs held the cores.
cpu = {r["command"]: r["user"] + r["system"] for r in results}
print(f"{int(sys.argv[2]):,} figures: wall-clock medians and CPU means, and what each adds to check (the load)")
print(f"{'':<20} {'wall':>10} {'added':>10} {'cpu':>10} {'added':>10}")
for name in ("check", "csv-amount", "csv-label", "csv-period", "text-amount", "compare", "json"):
    wall, c = med[name], cpu[name]
    added = "" if name == "check" else f"{(wall - med['check']) * 1000:8.1f}ms"
    added_cpu = "" if name == "check" else f"{(c - cpu['check']) * 1000:8.1f}ms"
    ok = "" if name == "check" else ("  list and sort <= 1 s: " + ("ok" if c - cpu["check"] <= 1.0 else "MISSED"))
    print(f"{name:<20} {wall * 1000:8.1f}ms {added:>10} {c * 1000:8.1f}ms {added_cpu:>10}{ok}")
PY
rm -rf "$OUT"
