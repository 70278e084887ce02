#!/usr/bin/env bash
# Measures briefing against ripgrep on a synthetic corpus of real Vietnamese and Indonesian
# sentences, in one session, and prints every figure beside its target (medians, ratios).
#
#   bash benches/compare.sh                 # 2,000 documents, 10 quotes each
#   bash benches/compare.sh --docs 20000    # the large corpus (277 MB of documents)
#   DOCS=500 RUNS=5 bash benches/compare.sh # smaller and quicker
set -euo pipefail
cd "$(dirname "$0")/.."

while [ $# -gt 0 ]; do
  case $1 in
    --docs) DOCS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "usage: compare.sh [--docs N] [--runs N]" >&2; exit 2 ;;
  esac
done
DOCS=${DOCS:-2000}
QUOTES=${QUOTES:-10}
RUNS=${RUNS:-15}
DIR=${DIR:-target/bench-corpus-$DOCS}

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 ..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need hyperfine hyperfine
need rg ripgrep
need python3 python3
[ -x /usr/bin/time ] || need time time

cargo build --release --quiet --bin briefing --example gen_corpus
BIN=target/release/briefing
target/release/examples/gen_corpus --docs "$DOCS" --quotes "$QUOTES" --out "$DIR"
# The corpus just written goes to disk before anything is timed, not during.
sync
# The corpus is its two folders: the documents and the briefs over them.
SIZE=$(du -sb "$DIR/seeds" "$DIR/briefs" | awk '{n += $1} END {print n}')
OUT=$(mktemp -d)

# The checks must agree before they are timed.
$BIN check --corpus "$DIR" > "$OUT/check.txt" || { tail -5 "$OUT/check.txt"; echo "check failed on the synthetic corpus" >&2; exit 1; }
OURS=$($BIN search --corpus "$DIR" 'pham minh chinh' | wc -l)
THEIRS=$(rg -i -o --no-filename 'phạm minh chính|pham minh chinh' "$DIR/seeds" | wc -l)

# Each pair in a session of its own, the light ones first: on a shared machine the
# seconds-long rg -F -f runs would otherwise leave what comes after them measured in
# whatever state they put the machine in.
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/search.json" \
  -n search "$BIN search --corpus $DIR 'pham minh chinh'" \
  -n rg-search "rg -i -c 'phạm minh chính|pham minh chinh' $DIR/seeds" >/dev/null
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$OUT/small.json" \
  -n builtin-check "$BIN check" \
  -n builtin-search "$BIN search 'pham minh chinh'" \
  -n builtin-print "$BIN print" \
  -n builtin-json "$BIN print --format json" >/dev/null

hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/big.json" \
  -n check "$BIN check --corpus $DIR" \
  -n rg-quotes "rg -F -c -f $DIR/quotes.txt $DIR/seeds" >/dev/null

/usr/bin/time -v $BIN check --corpus "$DIR" >/dev/null 2> "$OUT/time.txt" || true
FIRST_FRAME=$(python3 benches/first_frame.py "$RUNS" "$BIN" --corpus "$DIR")
PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
READER_KB=$(python3 benches/reader_memory.py "$BIN" --corpus "$DIR")

python3 - "$OUT" "$SIZE" "$PEAK_KB" "$OURS" "$THEIRS" "$DOCS" "$FIRST_FRAME" "$READER_KB" <<'PY'
import json, sys
out, size, peak_kb, ours, theirs, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
first_frame, reader_kb = float(sys.argv[7]), int(sys.argv[8])
med = {}
for name in ("search", "big", "small"):
    for r in json.load(open(f"{out}/{name}.json"))["results"]:
        med[r["command"]] = r["median"]
ms = lambda s: f"{s * 1000:8.1f} ms"
def row(what, value, target, ok):
    print(f"{what:<44} {value:>24}   target {target:<18} {'ok' if ok else 'MISSED'}")
print(f"corpus: {docs} documents; seeds/ and briefs/ hold {size / 1e6:.1f} MB")
r = med["check"] / med["rg-quotes"]
row("check vs rg -F -f quotes (median)", f"{ms(med['check'])} / {ms(med['rg-quotes'])} = {r:.2f}x", "<= 0.5x", r <= 0.5)
r = med["search"] / med["rg-search"]
row("search vs rg -i (median)", f"{ms(med['search'])} / {ms(med['rg-search'])} = {r:.2f}x", "<= 2x", r <= 2)
row("search matches vs rg -o matches", f"{ours} / {theirs}", "equal", ours == theirs)
if docs >= 20000:
    row("check at this size (median)", ms(med["check"]), "<= 0.8 s", med["check"] <= 0.8)
r = peak_kb * 1024 / size
row("check peak memory vs corpus size", f"{peak_kb / 1024:.1f} MB = {r:.2f}x", "<= 1.5x", r <= 1.5)
r = reader_kb * 1024 / size
row("reader peak memory, everything shown", f"{reader_kb / 1024:.1f} MB = {r:.2f}x", "<= 1.5x", r <= 1.5)
target = 50 if docs <= 2000 else 100
row("reader: first frame at 200x60 in a pty (median)", f"{first_frame:8.1f} ms", f"<= {target} ms", first_frame <= target)
for name in ("builtin-check", "builtin-search", "builtin-print", "builtin-json"):
    row(f"{name} on the built-in corpus (median)", ms(med[name]), "<= 10 ms", med[name] <= 0.010)
PY
rm -rf "$OUT"
