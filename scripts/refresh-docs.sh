#!/usr/bin/env bash
# Regenerates the figures the docs quote from real runs, instead of hand edits (issue 16 item 8).
# Each generated block sits between "<!-- refresh-docs:NAME -->" and "<!-- /refresh-docs:NAME -->" and is replaced
# whole with the output of the command it shows. Run from anywhere: ./scripts/refresh-docs.sh [--check]
# --check: exit 1 when a doc is out of date (nothing written).
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[[ "${1:-}" == "--check" ]] && check=true

run_block() { # NAME FILE COMMAND...: the command's output as a console transcript
    local name=$1 file=$2
    shift 2
    local out
    out=$(printf '$ %s\n' "$*"; "$@" 2>&1 || true)
    python3 - "$name" "$file" "$out" "$check" <<'PY'
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

./spotter build --project examples/spotter.yaml > /dev/null || true
run_block export-together docs/areas/train.md \
    ./spotter export --target together --project examples/spotter.yaml -o build/sample/export/together
