#!/usr/bin/env bash
# The cost cases of docs/robustness.md ("Costs"): each hostile corpus is made by
# examples/gen_hostile.rs, each command timed RUNS times; prints the medians (wall, user
# and system CPU, peak RSS) beside the corpus size and the target.
#
#   bash benches/costs.sh                  # every case at full scale
#   CASES="repetitive not-found" RUNS=5 bash benches/costs.sh
#   LINES=100000 bash benches/costs.sh     # many-quotes at a tenth of the scale
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
LINES=${LINES:-1000000}
CASES=${CASES:-"many-quotes many-not-found repetitive not-found problems"}
DIR=${DIR:-target/hostile}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release --quiet --bin briefing --example gen_hostile
BIN=${BIN:-target/release/briefing}
GEN=target/release/examples/gen_hostile

# measure LABEL TARGET CORPUS: `check` on CORPUS, RUNS times; one line of medians.
measure() {
  local label=$1 target=$2 corpus=$3 out
  out=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -a -o "$out" "$BIN" check --corpus "$corpus" >/dev/null 2>&1 || true
  done
  local size
  size=$(du -sb "$corpus/seeds" "$corpus/briefs" | awk '{n += $1} END {print n}')
  grep -v '^Command' "$out" | sort -n | awk -v label="$label" -v target="$target" -v size="$size" '
    { wall[NR] = $1; user[NR] = $2; sys[NR] = $3; rss[NR] = $4 }
    END {
      m = int((NR + 1) / 2)
      printf "%-44s %8.2f s wall %7.2f s user %6.2f s sys %8.0f MB RSS (corpus %.0f MB)   target %s\n",
        label, wall[m], user[m], sys[m], rss[m] / 1024, size / 1e6, target
    }'
  rm -f "$out"
}

for case in $CASES; do
  case $case in
    many-quotes)
      $GEN many-quotes --lines "$LINES" --out "$DIR/many-quotes" 2>/dev/null
      measure "check: $LINES quotes, one $LINES-line doc" "<= 20 s, RSS <= 2x corpus" "$DIR/many-quotes" ;;
    many-not-found)
      # The million quotes with one word changed in each: none is found, and each one's
      # nearest text would scan the 41.5 MB document once per word.
      [ -d "$DIR/many-quotes" ] || $GEN many-quotes --lines "$LINES" --out "$DIR/many-quotes" 2>/dev/null
      mkdir -p "$DIR/many-not-found/briefs"
      rm -rf "$DIR/many-not-found/seeds"
      cp -r "$DIR/many-quotes/seeds" "$DIR/many-not-found/"
      sed 's/ số / sx /' "$DIR/many-quotes/briefs/hostile.yaml" > "$DIR/many-not-found/briefs/hostile.yaml"
      measure "check: $LINES quotes not found, one doc" "bounded (the nearest texts within a budget)" "$DIR/many-not-found" ;;
    repetitive)
      # Linear means: twice the text and twice the quote cost twice, not four times.
      for scale in 1 2 4; do
        $GEN repetitive --doc-bytes $((400000 * scale)) --quote-bytes $((4000 * scale)) \
          --out "$DIR/repetitive-$scale" 2>/dev/null
        measure "check: $((4 * scale)) KB quotes, $((400 * scale)) KB 'a a a…'" "<= 1 s at 16 KB/1.6 MB, linear" "$DIR/repetitive-$scale"
      done ;;
    not-found)
      $GEN not-found --docs 400 --quotes 4000 --out "$DIR/not-found" 2>/dev/null
      measure "check: 4,000 quotes not found" "<= 1 s, every core" "$DIR/not-found" ;;
    problems)
      $GEN problems --count 100000 --out "$DIR/problems" 2>/dev/null
      measure "check: 100,000 findings" "(the reader lists them all)" "$DIR/problems" ;;
    *) echo "unknown case $case" >&2; exit 2 ;;
  esac
done
