#!/usr/bin/env bash
# Scores claimcheck and every peer extractor on the shared conformance suites
# (../shared/eval/*.jsonl) the same way, and prints a per-suite table of value-F1.
#
# Every tool is run as `TOOL extract --format json FILES…` on the cases written one per
# .txt file (exactly the case text, no newline added), so every loader reads the same
# bytes. Claims are turned into score.py's prediction lines as tests/eval.rs does for the
# library: byte offsets become character offsets, `value.point` becomes `value` (none for
# a date), `low`/`high` are kept for ranges, bounds and exact figures, a date's or year's
# ISO form (`date`, or a peer's `timex`) becomes `timex`. score.py then runs with the same
# options for every tool, following each suite's conventions (eval/README.md):
# count=number; Dollar=USD, Pound=GBP, Bitcoin=BTC, age=year; in the Number and
# NumberRange suites every numeric kind counts as a number; quantulum3 reads years as
# numbers, the other suites as dates.
#
# Usage: scripts/eval_all.sh
# Environment:
#   EVAL_DIR        the suites (default: $CLAIMCHECK_EVAL_DIR, else ../shared/eval)
#   PEERS_DIR       the peers harness (default ../shared/peers); peers are skipped when
#                   its virtualenv ($PEERS_VENV, default /opt/peers-venv) is missing
#   PEERS           peer names (default: cqe duckling quantulum3 recognizers spacy)
#   CLAIMCHECK_BIN  a claimcheck binary to score instead of building one
#   OUT             work and result folder (default /tmp/claimcheck-eval)
#   DIFF=N          also print score.py's first N misses per suite and tool
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVAL_DIR="${EVAL_DIR:-${CLAIMCHECK_EVAL_DIR:-$ROOT/../shared/eval}}"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
PEERS_VENV="${PEERS_VENV:-/opt/peers-venv}"
PEERS="${PEERS-cqe duckling quantulum3 recognizers spacy}"
OUT="${OUT:-/tmp/claimcheck-eval}"
DIFF="${DIFF:-0}"

die() { echo "eval_all: $*" >&2; exit 1; }
[ -f "$EVAL_DIR/score.py" ] || die "no conformance suites at $EVAL_DIR (set EVAL_DIR)"

if [ -n "${CLAIMCHECK_BIN:-}" ]; then
  BIN="$CLAIMCHECK_BIN"
else
  echo "== building claimcheck (release)" >&2
  (cd "$ROOT" && cargo build --release --quiet)
  BIN="$ROOT/target/release/claimcheck"
fi
[ -x "$BIN" ] || die "no claimcheck binary at $BIN"

TOOLS=("claimcheck=$BIN")
if [ -x "$PEERS_VENV/bin/python" ]; then
  for p in $PEERS; do
    if [ -x "$PEERS_DIR/bin/$p" ]; then TOOLS+=("$p=$PEERS_DIR/bin/$p"); else echo "eval_all: no wrapper for $p, skipped" >&2; fi
  done
else
  echo "eval_all: no peers virtualenv at $PEERS_VENV: scoring claimcheck only" >&2
fi
export PEERS_VENV PYTHONHASHSEED=0

rm -rf "$OUT"
mkdir -p "$OUT"
python3 - "$EVAL_DIR" "$OUT" "$DIFF" "${TOOLS[@]}" <<'EOF'
import glob, json, os, re, subprocess, sys, time

eval_dir, out, diff, tools = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
tools = [t.split("=", 1) for t in tools]
BOUNDED = {"range", "more_than", "at_least", "less_than", "at_most"}


def score_opts(name):
    """score.py options for suite `name`, the same for every tool."""
    opts = ["--kind-alias", "count=number", "--unit-alias", "Dollar=USD",
            "--unit-alias", "Pound=GBP", "--unit-alias", "Bitcoin=BTC",
            "--unit-alias", "age=year"]
    if name.startswith("recognizers-text") and name.rsplit("_", 1)[-1] in ("Number", "NumberRange"):
        for k in ("money", "percent", "age", "duration"):
            opts += ["--kind-alias", f"{k}=number"]
    opts += ["--kind-alias", "year=number" if name.startswith("quantulum3") else "year=date"]
    return opts


def to_item(c, text):
    """A claim of the JSON contract as a score.py item with character offsets."""
    b = text.encode("utf-8")
    s, e = c["span"]["start"], c["span"]["end"]
    if not (0 <= s <= e <= len(b)):
        return None
    start = len(b[:s].decode("utf-8", "ignore"))
    end = start + len(b[s:e].decode("utf-8", "ignore"))
    v = c.get("value") or {}
    q = c.get("qualifier") or "none"
    kind = c.get("kind")
    dated = kind in ("date", "year")
    exact = q == "none" and v.get("low") == v.get("high")
    keep_bounds = (q in BOUNDED or exact) and not dated
    return {"text": text[start:end], "start": start, "end": end, "kind": kind,
            "value": None if kind == "date" else v.get("point"),
            "unit": None if dated else c.get("unit"),
            "low": v.get("low") if keep_bounds else None,
            "high": v.get("high") if keep_bounds else None,
            "timex": (c.get("date") or c.get("timex")) if dated else None}


suites = sorted(glob.glob(os.path.join(eval_dir, "*.jsonl")))
table = {}
for suite in suites:
    name = os.path.basename(suite)[:-len(".jsonl")]
    cases = [json.loads(l) for l in open(suite, encoding="utf-8") if l.strip()]
    cdir = os.path.join(out, "cases", name)
    os.makedirs(cdir)
    files, by_path = [], {}
    for i, case in enumerate(cases):
        p = os.path.join(cdir, f"{i:04d}.txt")
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(case["text"])
        files.append(p)
        by_path[p] = case
    for tool, exe in tools:
        t0 = time.perf_counter()
        r = subprocess.run([exe, "extract", "--format", "json", *files],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        secs = time.perf_counter() - t0
        try:
            claims = json.loads(r.stdout).get("claims", [])
        except ValueError:
            print(f"{tool} on {name}: no JSON output (exit {r.returncode}): "
                  f"{r.stderr.decode()[:300]}", file=sys.stderr)
            table[(name, tool)] = None
            continue
        pred, bad = {}, 0
        for c in claims:
            case = by_path.get(c.get("doc"))
            if case is None:
                bad += 1
                continue
            item = to_item(c, case["text"])
            if item is None:
                bad += 1
                continue
            pred.setdefault(case["id"], []).append(item)
        pfile = os.path.join(out, f"{name}.{tool}.pred.jsonl")
        with open(pfile, "w", encoding="utf-8") as f:
            for case in cases:
                f.write(json.dumps({"id": case["id"], "predicted": pred.get(case["id"], [])},
                                   ensure_ascii=False) + "\n")
        cmd = [sys.executable, os.path.join(eval_dir, "score.py"), suite, pfile,
               *score_opts(name)]
        if diff:
            cmd += ["--diff", str(diff)]
        s = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with open(os.path.join(out, f"{name}.{tool}.score.txt"), "w") as f:
            f.write(s.stdout)
        if diff:
            print(f"--- {tool} on {name}\n{s.stdout}", file=sys.stderr)
        m = re.search(r"overall value-F1: ([0-9.]+)", s.stdout)
        table[(name, tool)] = float(m.group(1)) if m else None
        note = f", {bad} claims not mapped to a case" if bad else ""
        print(f"{tool:12s} {name:40s} value-F1 {table[(name, tool)]}  ({secs:.1f} s{note})",
              file=sys.stderr)

names = [os.path.basename(s)[:-len(".jsonl")] for s in suites]
tool_names = [t for t, _ in tools]
lines = ["| suite | " + " | ".join(tool_names) + " |",
         "|---|" + "---:|" * len(tool_names)]
for n in names:
    vals = [table.get((n, t)) for t in tool_names]
    best = max((v for v in vals if v is not None), default=None)
    cells = []
    for v in vals:
        if v is None:
            cells.append("–")
        elif v == best and best > 0:
            cells.append(f"**{v:.3f}**")
        else:
            cells.append(f"{v:.3f}")
    lines.append(f"| {n} | " + " | ".join(cells) + " |")
md = "\n".join(lines) + ("\n\nValue-F1 (score.py's last line); every tool through its "
                          "`extract --format json` command line, scored with the same options.\n")
open(os.path.join(out, "eval.md"), "w").write(md)
print(md)
EOF
