#!/usr/bin/env python3
"""Writes the assembly benchmark input: N chat examples (default 1,000,000) in two sources, deterministic.

voice.jsonl: 80% voice-logging examples (system + user command + assistant JSON label, ~560 bytes);
qa.jsonl:    20% coach Q&A examples (~700 bytes) with a "category" column.
Planted: ~1% exact duplicates (case/whitespace variants), ~1% near duplicates (one word added), ~0.2% lines
with an e-mail or phone number, 0.05% broken lines. Usage: gen_data.py OUTDIR [N]
"""
import json, os, random, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(1)
os.makedirs(out, exist_ok=True)
SYS = ("You are a voice command parser for workout logging. Turn the user's spoken set into one JSON object "
       "with exercise_id, exercise_name, weight, weight_unit, reps, sets, rpe, rir and confidence.")
EX = ["bench press", "squat", "deadlift", "romanian deadlift", "overhead press", "barbell row", "db rows",
      "incline db press", "leg press", "pull ups", "hip thrust", "lat pulldown", "hammer curl", "skull crusher"]
WORDS = ("sets reps volume intensity deload protein sleep recovery tempo hypertrophy strength progression fatigue "
         "technique bar path bracing depth grip elbows lats hamstrings glutes quads calves shoulder knee back core "
         "mobility warmup cooldown cardio zone heart rate pace mileage nutrition calories carbs fats hydration").split()
COACH = "You are Spotter, an evidence-based strength and conditioning coach."
CATS = ["programming", "technique", "nutrition", "recovery", "motivation"]

def voice(i):
    e = rng.choice(EX)
    w = rng.randrange(45, 500, 5)
    r = rng.randint(1, 20)
    rpe = rng.choice([6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10])
    user = f"{e} {w} for {r} at RPE {rpe:g} set {i % 7 + 1} session {i}"
    label = json.dumps({"type": "strength", "exercise_id": e.replace(" ", "-"), "exercise_name": e.title(),
                        "weight": w, "weight_unit": "lb", "reps": r, "sets": 1, "rpe": rpe, "rir": None,
                        "confidence": 0.95}, separators=(",", ":"))
    return {"messages": [{"role": "system", "content": SYS}, {"role": "user", "content": user},
                         {"role": "assistant", "content": label}]}

def qa(i):
    q = " ".join(rng.choice(WORDS) for _ in range(14)) + f" question {i}?"
    a = " ".join(rng.choice(WORDS) for _ in range(90)) + "."
    return {"category": CATS[i % len(CATS)], "messages": [{"role": "system", "content": COACH},
            {"role": "user", "content": q}, {"role": "assistant", "content": a}]}

def write(path, count, make, offset):
    prev = []
    with open(path, "w") as f:
        for k in range(count):
            i = offset + k
            x = rng.random()
            if prev and x < 0.01:  # exact duplicate after normalisation
                e = json.loads(json.dumps(rng.choice(prev)))
                e["messages"][1]["content"] = "  " + e["messages"][1]["content"].upper()
            elif prev and x < 0.02:  # near duplicate
                e = json.loads(json.dumps(rng.choice(prev)))
                e["messages"][1]["content"] += " please"
            elif x < 0.0205:
                f.write("{broken json line " + str(i) + "\n")
                continue
            else:
                e = make(i)
                if x < 0.0225:
                    e["messages"][1]["content"] += rng.choice([" mail me at lifter%d@example.com" % i, " call 415-555-%04d" % (i % 10000)])
            if len(prev) < 5000:
                prev.append(e)
            elif rng.random() < 0.01:
                prev[rng.randrange(5000)] = e
            f.write(json.dumps(e, separators=(",", ":")) + "\n")

nv = n * 8 // 10
write(os.path.join(out, "voice.jsonl"), nv, voice, 0)
write(os.path.join(out, "qa.jsonl"), n - nv, qa, nv)
with open(os.path.join(out, "spotter.yaml"), "w") as f:
    f.write(f"""name: bench-{n}
seed: 1
sources:
  - {{id: voice, kind: jsonl, path: voice.jsonl, category: voice_parsing, targets: {{voice_parsing: {nv}}}}}
  - {{id: qa, kind: jsonl, path: qa.jsonl, categoryField: category}}
output: {{formats: [messages, llama3-text], dir: build}}
""")
