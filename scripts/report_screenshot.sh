#!/usr/bin/env bash
# Regenerates docs/report-seeds.png, the README's picture of the HTML report: the seeds'
# report rendered by headless Chromium (`chromium`, or $CLAIMCHECK_BROWSER).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BROWSER="${CLAIMCHECK_BROWSER:-chromium}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cargo run -q -- check seeds/ --format html --exit-zero -o "$TMP/report.html"
"$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$TMP/profile" --window-size=1000,1700 \
  --screenshot="$ROOT/docs/report-seeds.png" "file://$TMP/report.html" 2>/dev/null
echo "wrote docs/report-seeds.png"
