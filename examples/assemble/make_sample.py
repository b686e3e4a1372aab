#!/usr/bin/env python3
"""Writes the assembly sample data (deterministic: fixed seed). Run from this directory: python3 make_sample.py

The files are committed; this script documents how they were made. Deliberate content, counted in the notes:
exact duplicates (case/whitespace variants), near duplicates (one extra word), personal data to scrub
(e-mail, phones, a credential URL, a street address) and workout numbers that must NOT be scrubbed.
"""
import json, random

rng = random.Random(20251107)
SYSTEM = ("You are a voice command parser for workout logging. Turn the user's spoken set into one JSON object "
          "with exercise_id, exercise_name, weight, weight_unit, reps, sets, rpe, rir and confidence.")
EX = [("barbell-bench-press", "Barbell Bench Press", ["bench press", "bench", "comp bench", "bb bench"]),
      ("barbell-back-squat", "Barbell Back Squat", ["squat", "back squat", "bb squat"]),
      ("deadlift", "Deadlift", ["deadlift", "pull", "conventional deadlift"]),
      ("romanian-deadlift", "Romanian Deadlift", ["RDL", "romanian deadlift"]),
      ("overhead-press", "Overhead Press", ["OHP", "overhead press", "strict press"]),
      ("dumbbell-row", "Dumbbell Row", ["db rows", "dumbbell row", "one arm row"]),
      ("barbell-row", "Barbell Row", ["barbell row", "bent over row", "bb row"]),
      ("incline-dumbbell-press", "Incline Dumbbell Press", ["incline db press", "incline dumbbell press"]),
      ("pull-up", "Pull-Up", ["pull ups", "pullups"]),
      ("leg-press", "Leg Press", ["leg press"])]

def label(eid, name, w, reps, sets, rpe, rir, conf):
    return json.dumps({"type": "strength", "exercise_id": eid, "exercise_name": name, "weight": w,
                       "weight_unit": None if w is None else "lb", "reps": reps, "sets": sets, "rpe": rpe,
                       "rir": rir, "confidence": conf}, separators=(",", ":"))

def ex(user, assistant):
    return {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user},
                         {"role": "assistant", "content": assistant}]}

voice, seen = [], set()
while len(voice) < 140:
    eid, name, aliases = rng.choice(EX)
    alias = rng.choice(aliases)
    w = None if eid == "pull-up" else rng.choice([45, 65, 80, 95, 135, 185, 225, 275, 315, 365, 405])
    reps = rng.randint(3, 12)
    style = rng.randrange(4)
    rpe, rir, sets = None, None, 1
    if style == 0:
        rpe = rng.choice([6, 7, 7.5, 8, 8.5, 9])
        user = f"{alias} {w} for {reps} at RPE {rpe:g}" if w else f"{alias} for {reps} at RPE {rpe:g}"
    elif style == 1:
        rir = rng.randint(1, 3)
        rpe = 10 - rir
        user = f"{alias} {w} for {reps}, {rir} reps in reserve" if w else f"{alias} {reps} reps, {rir} in the tank"
    elif style == 2:
        sets = rng.choice([3, 4, 5])
        user = f"{alias} {sets}x{reps} at {w}" if w else f"{alias} {sets} sets of {reps}"
    else:
        user = f"{alias} {w} for {reps}" if w else f"{alias} for {reps}"
    if user in seen:
        continue
    seen.add(user)
    conf = 0.95 if rpe is not None or sets > 1 else 0.9
    voice.append(ex(user, label(eid, name, w, reps, sets, rpe, rir, conf)))

def variant(i, f):
    e = json.loads(json.dumps(voice[i]))
    e["messages"][1]["content"] = f(e["messages"][1]["content"])
    return e

extra = [
    variant(3, lambda u: "  " + u.upper() + "  "),            # exact duplicate after normalisation
    variant(10, lambda u: u.replace(" ", "   ")),              # exact duplicate (whitespace)
    voice[20],                                                 # byte-identical duplicate
    variant(30, lambda u: u + " please"),                      # near duplicate
    variant(40, lambda u: "log " + u),                         # near duplicate
    variant(50, lambda u: u + " today"),                       # near duplicate
    ex("squat 315 for 5 at RPE 8, text my coach at +1 415 555 0123 if I miss the next one",
       label("barbell-back-squat", "Barbell Back Squat", 315, 5, 1, 8, None, 0.95)),
    ex("bench 225 for 8 and send the log to mike.torres@example.com",
       label("barbell-bench-press", "Barbell Bench Press", 225, 8, 1, None, None, 0.9)),
    ex("deadlift 405 for 3 on 2025-11-07, 8:30 in the morning, 3x5 next week",
       label("deadlift", "Deadlift", 405, 3, 1, None, None, 0.9)),
]
voice += extra
rng.shuffle(voice)
with open("data/voice_parsing.jsonl", "w") as f:
    for e in voice:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")

# The knowledge-base sample (examples/assemble/kb/) is hand-written in the layout `spotter kb generate` writes;
# it is not produced by this script.

INJ = ("You are Spotter's injury triage assistant. Reason step by step, give differentials with probabilities, "
       "modify training with specific loads, and name red flags that need a doctor.")
inj = [  # categories are the bundled injury plan's ids (src/main/resources/dev/spotter/generate/plans/injury)
 ("acute", "I felt a sharp pop in my hamstring sprinting and now it's bruising.", "Reasoning: a sudden pop with bruising during sprinting points to a hamstring strain. Differential: grade II strain 70%, grade I 20%, tendon avulsion 10%. Confidence 0.7: the pop and bruising are typical, but grading needs an exam. Plan: no sprinting or heavy hinging for 2 weeks; walk and do isometric bridges at 30% effort from day 3. Checkpoints: day 3 pain walking, day 7 bridge strength, weeks 2-4 return to jogging. See a doctor now if you cannot bear weight or feel a gap in the muscle."),
 ("chronic-overuse", "My elbows ache after every pull day for the last two months.", "Reasoning: a gradual ache tied to pulling volume suggests an overuse tendinopathy at the elbow. Differential: medial elbow tendinopathy 55%, lateral 25%, nerve irritation 20%. Confidence 0.6. Plan: cut pulling volume by 40%, switch to neutral-grip pulls, add slow wrist curls 3x15. Re-check at week 2; see a doctor if numbness or night pain appears."),
 ("doms-false-positive", "My quads are super sore two days after my first squat session in months.", "Reasoning: diffuse soreness peaking 24-72 hours after unaccustomed work is delayed-onset muscle soreness, not injury. Confidence 0.9. Plan: light movement, a lighter squat session at 60% in two days. Warning signs that would change this: dark urine, severe swelling or pain that keeps rising after day 3 - then see a doctor."),
 ("red-flag", "Lower back pain after deadlifts and now numbness in my groin and trouble peeing.", "Reasoning: saddle numbness with bladder changes are red flags for cauda equina syndrome. This is an emergency: go to an emergency department now. Do not train. Confidence in urgency 0.95."),
 ("tendinitis", "Pain just below my kneecap when I jump or squat deep, worse the next morning.", "Reasoning: load-related pain at the lower pole of the kneecap fits patellar tendinopathy. Differential: patellar tendinopathy 70%, fat pad irritation 20%, other 10%. Confidence 0.7. Plan: stop jumping for 3 weeks, squat to a box at 70% load, add Spanish squat isometrics 5x45s daily. Checkpoints at day 7 and week 3."),
 ("impingement", "Pinching at the top of my shoulder when I press overhead.", "Reasoning: pain in the mid-range of overhead pressing fits subacromial pain syndrome. Differential: rotator cuff irritation 60%, AC joint 25%, other 15%. Confidence 0.6. Plan: replace overhead press with landmine press for 3 weeks, add band external rotations 3x15, keep pain at or below 3/10."),
]
# Same layout as `spotter generate` output: the data file carries only "messages" (uploadable as is) and line N
# of the .provenance.jsonl sidecar describes line N (plan, category, ...).
with open("generated/injury_analysis.jsonl", "w") as f, open("generated/injury_analysis.provenance.jsonl", "w") as pf:
    for n, (cat, q, a) in enumerate(inj, 1):
        f.write(json.dumps({"messages": [{"role": "system", "content": INJ},
                {"role": "user", "content": q}, {"role": "assistant", "content": a}]}, ensure_ascii=False) + "\n")
        pf.write(json.dumps({"line": n, "plan": "injury", "category": cat, "slot": 0, "provider": "hand-written",
                             "model": None}) + "\n")
