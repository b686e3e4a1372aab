#!/usr/bin/env python3
"""Turns the hand-written compact voice gold files (spotter-core/src/test/resources/dev/spotter/voice/gold-*.txt) into JSONL
test resources: {"text", "context", "expected"}; expected is the contract object without confidence.
Exercise names come from the catalog YAML (flow-style lines). Usage: tools/voice_gold_to_jsonl.py"""
import json, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parent.parent
RES = ROOT / "spotter-core/src/test/resources/dev/spotter/voice"
names = {}
for line in (ROOT / "spotter-core/src/main/resources/dev/spotter/voice/exercises.yaml").read_text().splitlines():
    m = re.match(r"- \{id: ([a-z0-9-]+), name: ([^,]+),", line)
    if m:
        names[m.group(1)] = m.group(2).strip()

def num(s):
    s = s.strip()
    if s == "-":
        return None
    f = float(s)
    return int(f) if f == int(f) else f

def strength(ex, weight, unit, reps, sets, rpe, rir):
    if ex not in names:
        raise SystemExit("unknown exercise id: " + ex)
    return {"type": "strength", "exercise_id": ex, "exercise_name": names[ex], "weight": num(weight),
            "weight_unit": None if unit.strip() == "-" else unit.strip(), "reps": num(reps), "sets": num(sets),
            "rpe": num(rpe), "rir": num(rir)}

for src in sorted(RES.glob("gold-*.txt")):
    out = []
    ctx = None
    for n, line in enumerate(src.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("CTX "):
            ex, w, u, r = line[4:].split(",")
            ctx = strength(ex, w, u, r, "1", "-", "-")
            continue
        parts = [p.strip() for p in line.split("|")]
        kind, text = parts[0], parts[1] if len(parts) > 1 else ""
        if kind == "S":
            exp = strength(*parts[2:9])
        elif kind == "C":
            act, wt, d, du, dur, pace, pu, iv = parts[2:10]
            ivo = None
            if iv != "-":
                r, idist, iu, it = iv.split(",")
                ivo = {"repeats": num(r), "distance": num(idist), "distance_unit": None if iu == "-" else iu,
                       "target_time_s": num(it)}
            exp = {"type": "cardio", "activity": act, "workout_type": None if wt == "-" else wt,
                   "distance": num(d), "distance_unit": None if du == "-" else du, "duration_s": num(dur),
                   "pace_s_per_unit": num(pace), "pace_unit": None if pu == "-" else pu, "intervals": ivo}
        elif kind == "U":
            exp = {"type": "unparsed"}
        else:
            raise SystemExit(f"{src}:{n}: unknown kind {kind!r}")
        out.append({"text": text, "context": ctx, "expected": exp, "source": f"{src.name}:{n}"})
        ctx = None
    dst = src.with_suffix(".jsonl")
    dst.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
    print(dst.relative_to(ROOT), len(out))
