#!/usr/bin/env bash
# Throughput of claimcheck and of every peer extractor on the same bytes, side by side.
#
# One run: builds a sample corpus, builds claimcheck in release mode, then for each peer
# cuts the corpus to that peer's byte budget (slow peers get less text), writes exactly
# those bytes to one file, times the peer on it (`peers.py bench`: pure extraction, model
# load excluded, median of REPEAT runs) and times `claimcheck extract --format json` on the
# same file (whole process: start-up, reading, extraction, JSON to /dev/null; median of
# REPEAT runs). Prints a Markdown table of bytes/s and claimcheck's speed-up over each
# peer, and writes it to $OUT/compare.md.
#
# Usage: scripts/peers_compare.sh
# Environment:
#   PEERS_DIR     the peers harness (default: ../shared/peers beside the repository)
#   PEERS_VENV    its virtualenv (default /opt/peers-venv; made by $PEERS_DIR/setup.sh)
#   OUT           work and result folder (default /tmp/claimcheck-peers)
#   CORPUS        seeds (default: the seed articles repeated, $PEERS_DIR/make_corpus.sh)
#                 or generated (the benchmark generator, `cargo bench --bench extract --
#                 --write-corpus`)
#   CORPUS_MB     corpus size for CORPUS=generated (default 5)
#   SCALE         multiplies every peer's byte budget (default 1; 0.2 for a quick run)
#   REPEAT        timed runs per tool (default 3)
#   PEERS         space-separated peer names (default: all of bench_all.sh's)
#   CLAIMCHECK_BIN  a claimcheck binary to time instead of building one
#   REUSE_PEERS=1 keep peer results already in $OUT/peers.jsonl, time only the missing
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
PEERS_VENV="${PEERS_VENV:-/opt/peers-venv}"
OUT="${OUT:-/tmp/claimcheck-peers}"
CORPUS="${CORPUS:-seeds}"
CORPUS_MB="${CORPUS_MB:-5}"
SCALE="${SCALE:-1}"
REPEAT="${REPEAT:-3}"
# peer:byte budget (from bench_all.sh: about 2 minutes for 3 repeats on 2 cores)
DEFAULT_PEERS="price_parser:6000000 dateparser:6000000 duckling:3000000 spacy:1500000
  spacy_full:1000000 quantulum3:1500000 cqe:400000 recognizers:200000"

die() { echo "peers_compare: $*" >&2; exit 1; }

[ -d "$PEERS_DIR" ] || die "no peers harness at $PEERS_DIR (set PEERS_DIR)"
[ -x "$PEERS_VENV/bin/python" ] || die "no peers virtualenv at $PEERS_VENV: run $PEERS_DIR/setup.sh"
export PEERS_VENV OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

mkdir -p "$OUT"
PEER_JSON="$OUT/peers.jsonl"
CC_JSON="$OUT/claimcheck.jsonl"
[ "${REUSE_PEERS:-0}" = 1 ] || : > "$PEER_JSON"
touch "$PEER_JSON"
: > "$CC_JSON"

echo "== corpus ($CORPUS)"
CORPUS_DIR="$OUT/corpus-$CORPUS"
case "$CORPUS" in
  seeds) "$PEERS_DIR/make_corpus.sh" "$CORPUS_DIR" ;;
  generated)
    rm -rf "$CORPUS_DIR"
    (cd "$ROOT" && CLAIMCHECK_BENCH_MB="$CORPUS_MB" cargo bench --bench extract -- --write-corpus "$CORPUS_DIR")
    ;;
  *) die "CORPUS must be seeds or generated" ;;
esac

if [ -n "${CLAIMCHECK_BIN:-}" ]; then
  BIN="$CLAIMCHECK_BIN"
else
  echo "== building claimcheck (release)"
  (cd "$ROOT" && cargo build --release --quiet)
  BIN="$ROOT/target/release/claimcheck"
fi
[ -x "$BIN" ] || die "no claimcheck binary at $BIN"

# The exact bytes peers.py bench reads with --max-bytes B (non-blank lines, cut at a line
# boundary), written to one file so claimcheck reads the very same text.
cut_corpus() {  # cut_corpus BUDGET FILE
  python3 - "$CORPUS_DIR" "$1" "$2" <<'EOF'
import os, sys
src, budget, out = sys.argv[1], int(float(sys.argv[2])), sys.argv[3]
files = []
for root, _, names in os.walk(src):
    files += [os.path.join(root, n) for n in names if n.endswith((".txt", ".md"))]
lines, n = [], 0
for p in sorted(files):
    for line in open(p, encoding="utf-8").read().split("\n"):
        if not line.strip():
            continue
        b = len(line.encode("utf-8")) + 1
        if n + b > budget and lines:
            break
        lines.append(line); n += b
    else:
        continue
    break
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(l + "\n" for l in lines))
EOF
}

# Times the claimcheck binary on FILE, REPEAT runs after one warm-up; appends a JSON line.
time_claimcheck() {  # time_claimcheck LABEL FILE
  python3 - "$BIN" "$1" "$2" "$REPEAT" "$CC_JSON" <<'EOF'
import json, os, resource, statistics, subprocess, sys, time
bin_, label, path, repeat, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
# Files are named one by one, so any loader reads them the same way.
files = [path] if os.path.isfile(path) else sorted(
    os.path.join(r, f) for r, _, fs in os.walk(path) for f in fs if f.endswith((".txt", ".md")))
size = sum(os.path.getsize(f) for f in files)
cmd = [bin_, "extract", "--format", "json", *files]
def run():
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    w = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if p.returncode not in (0, 1):
        sys.exit(f"claimcheck failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return w, cpu, p.stdout
stdout = run()[2]
claims = len(json.loads(stdout).get("claims", []))
times = [run()[:2] for _ in range(repeat)]
walls = sorted(w for w, _ in times)
cpus = sorted(c for _, c in times)
med = statistics.median(walls)
res = {"label": label, "bytes": size, "wall_s": [round(w, 4) for w in walls],
       "cpu_s": [round(c, 4) for c in cpus], "median_wall_s": med,
       "median_cpu_s": statistics.median(cpus), "bytes_per_s": size / med,
       "bytes_per_cpu_s": size / max(statistics.median(cpus), 1e-6), "claims": claims}
open(out, "a").write(json.dumps(res) + "\n")
print(f"claimcheck on {label}: {size:,} B in {med:.3f} s -> {size/med:,.0f} B/s, {claims} claims",
      file=sys.stderr)
EOF
}

echo "== claimcheck on the whole corpus"
time_claimcheck corpus "$CORPUS_DIR"

for pb in ${PEERS:-$DEFAULT_PEERS}; do
  p="${pb%%:*}"
  budget="${pb##*:}"
  [ "$budget" = "$p" ] && budget=1000000
  budget="$(python3 -c "print(int($budget * $SCALE))")"
  sub="$OUT/subset-$p.txt"
  cut_corpus "$budget" "$sub"
  echo "== $p on $(stat -c %s "$sub") bytes"
  if [ "${REUSE_PEERS:-0}" = 1 ] && grep -q "\"peer\": \"$p\"" "$PEER_JSON"; then
    echo "(reusing the result in $PEER_JSON)"
  else
    # A failing peer is reported and skipped, not fatal: the table says it is missing.
    "$PEERS_VENV/bin/python" "$PEERS_DIR/peers.py" bench --peer "$p" --input "$sub" \
        --repeat "$REPEAT" --json "$PEER_JSON" >/dev/null 2> >(grep -v '^cqe error' >&2) \
      || echo "peers_compare: $p failed, left out of the table" >&2
  fi
  time_claimcheck "$p" "$sub"
done

python3 - "$PEER_JSON" "$CC_JSON" "$BIN" > "$OUT/compare.md" <<'EOF'
import json, statistics, sys
peers = {}
for l in open(sys.argv[1]):
    if l.strip():
        r = json.loads(l); peers[r["peer"]] = r
cc = {}
for l in open(sys.argv[2]):
    if l.strip():
        r = json.loads(l); cc[r["label"]] = r
whole = cc.get("corpus")
if whole:
    print(f"claimcheck on the whole corpus: {whole['bytes']:,} bytes, median "
          f"{whole['median_wall_s']:.3f} s, **{whole['bytes_per_s']/1e6:,.1f} MB/s**, "
          f"{whole['claims']:,} claims (whole process: start-up, reading, JSON output).\n")
print("| tool | bytes (same for both) | peer items | peer bytes/s (wall) | peer bytes/CPU-s | peer CPU/wall "
      "| claimcheck claims | claimcheck bytes/s (wall) | claimcheck bytes/CPU-s | claimcheck / peer (wall) "
      "| claimcheck / peer (CPU) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
rows = []
for name, c in cc.items():
    if name == "corpus":
        continue
    p = peers.get(name)
    if not p:
        rows.append((0, f"| {name} | {c['bytes']:,} | (failed) | | | | {c['claims']:,} | "
                        f"{c['bytes_per_s']:,.0f} | {c['bytes_per_cpu_s']:,.0f} | | |"))
        continue
    p_cpu = p["bytes"] / statistics.median(p["cpu_s"])
    cw = sum(p["cpu_s"]) / sum(p["wall_s"])
    rows.append((p["bytes_per_s"],
                 f"| {name} | {p['bytes']:,} | {p['records'] or 0:,} | {p['bytes_per_s']:,.0f} | "
                 f"{p_cpu:,.0f} | {cw:.2f} | {c['claims']:,} | {c['bytes_per_s']:,.0f} | "
                 f"{c['bytes_per_cpu_s']:,.0f} | {c['bytes_per_s'] / p['bytes_per_s']:,.0f}× | "
                 f"{c['bytes_per_cpu_s'] / p_cpu:,.0f}× |"))
for _, r in sorted(rows, key=lambda t: -t[0]):
    print(r)
print("\nPeers: pure extraction calls, model load excluded (`peers.py bench`), median of the runs. "
      "claimcheck: the whole `extract --format json` process on the same file (start-up, reading, "
      "JSON output included), median of the runs. CPU columns divide by CPU time instead of wall "
      "time, which is steadier when other work shares the machine (CPU/wall well below 1).")
EOF
echo
cat "$OUT/compare.md"
