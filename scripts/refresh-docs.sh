#!/usr/bin/env bash
# Regenerates the figures the docs quote from real runs, instead of hand edits (issue 16 item 8).
# Each generated block sits between "<!-- refresh-docs:NAME -->" and "<!-- /refresh-docs:NAME -->" and is replaced
# whole with the output of the command it shows (a console transcript: "$ command  # exit N", then its stdout and
# stderr; this checkout's path is shown as <checkout>). Run from anywhere: ./scripts/refresh-docs.sh [--check]
# --check: exit 1 when a doc is out of date (nothing written).
# Blocks: README.md build-sample; docs/areas/assemble.md build-sample; docs/areas/train.md export-together;
# docs/areas/foundation.md stats-voice-sample, cost-plan, cost-voice-sample.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[[ "${1:-}" == "--check" ]] && check=true
stale=0

run_block() { # NAME FILE COMMAND...: the command's output as a console transcript
    local name=$1 file=$2
    shift 2
    local out code=0
    out=$("$@" 2>&1) || code=$?
    out=$(printf '$ %s  # exit %d\n%s' "$*" "$code" "$out")
    out=${out//"$PWD/"/"<checkout>/"}
    python3 - "$name" "$file" "$out" "$check" <<'PY' || stale=1
import re, sys
name, path, out, check = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "true"
text = open(path, encoding="utf-8").read()
begin, end = f"<!-- refresh-docs:{name} -->", f"<!-- /refresh-docs:{name} -->"
if begin not in text or end not in text:
    sys.exit(f"{path}: markers for {name} not found")
new = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda m: begin + "\n```\n" + out.rstrip() + "\n```\n" + end,
             text, flags=re.S)
if new != text:
    if check:
        sys.exit(f"{path}: block {name} is out of date (run scripts/refresh-docs.sh)")
    open(path, "w", encoding="utf-8").write(new)
    print(f"updated {path} ({name})")
PY
}

# a fresh build, as a new user's first run shows it (every step "ran")
rm -rf build/sample build/sample.state
./spotter build --project examples/spotter.yaml > /dev/null 2>&1 || true
rm -rf build/sample build/sample.state
run_block build-sample README.md ./spotter build --project examples/spotter.yaml
rm -rf build/sample build/sample.state
run_block build-sample docs/areas/assemble.md ./spotter build --project examples/spotter.yaml
run_block export-together docs/areas/train.md \
    ./spotter export --target together --project examples/spotter.yaml -o build/sample/export/together
run_block stats-voice-sample docs/areas/foundation.md ./spotter stats examples/data/voice_sample.jsonl
run_block cost-plan docs/areas/foundation.md \
    ./spotter cost --examples 6265 --avg-tokens 1200 --epochs 3 --price-per-1k 0.0008
run_block cost-voice-sample docs/areas/foundation.md ./spotter cost examples/data/voice_sample.jsonl
exit $stale
