#!/usr/bin/env python3
"""Generates voice-logging chat JSONL in the brief's OpenAI format (deterministic for a given seed).

  python3 make_voice_sample.py                     # writes voice_sample.jsonl: 300 examples + documented broken lines
  python3 make_voice_sample.py --clean --count N   # N valid examples to stdout (used by bench/)

Each example: system prompt, user utterance ("bench press 225 for 8 at RPE 8"), assistant JSON label in the
brief's legacy format (exercise_id, exercise_name, weight, reps, rpe, confidence) plus sets and weight_unit.
About 1 in 8 examples is a two-set conversation where the second utterance refers to the first
("same weight for 7"). Deliberate defects (broken lines, wrong labels) are listed in README.md.
"""
import argparse
import json
import random
import sys

SYSTEM = ("You are a voice command parser for workout logging. Convert the user's spoken set into one JSON object "
          "with exercise_id, exercise_name, weight, weight_unit, reps, sets, rpe and confidence. Use null for "
          "anything not said.")

# (canonical name, aliases users say, typical lb weights, bodyweight?)
EXERCISES = [
    ("Barbell Bench Press", ["bench press", "bench", "bb bench", "flat bench"], [135, 185, 205, 225, 245, 275, 315], False),
    ("Paused Bench Press", ["comp bench", "paused bench"], [185, 205, 225, 245], False),
    ("Incline Dumbbell Press", ["incline db press", "incline dumbbell press"], [50, 60, 70, 80], False),
    ("Barbell Back Squat", ["squat", "back squat", "bb squat"], [185, 225, 275, 315, 365, 405], False),
    ("Front Squat", ["front squat"], [135, 185, 225], False),
    ("Deadlift", ["deadlift", "deads"], [225, 315, 405, 455, 495], False),
    ("Romanian Deadlift", ["RDL", "romanian deadlift", "RDLs"], [185, 225, 275, 315], False),
    ("Overhead Press", ["OHP", "overhead press", "military press"], [95, 115, 135, 155], False),
    ("Dumbbell Row", ["db rows", "dumbbell rows", "db row"], [60, 70, 80, 90, 100], False),
    ("Barbell Row", ["barbell row", "bb rows", "bent over rows"], [135, 155, 185, 225], False),
    ("Lat Pulldown", ["lat pulldown", "pulldowns"], [100, 120, 140, 160], False),
    ("Leg Press", ["leg press"], [270, 360, 450, 540], False),
    ("Barbell Curl", ["bb curl", "barbell curls"], [65, 75, 85, 95], False),
    ("Hammer Curl", ["hammer curls"], [30, 35, 40, 45], False),
    ("Triceps Pushdown", ["tricep pushdowns", "pushdowns"], [40, 50, 60, 70], False),
    ("Hip Thrust", ["hip thrust", "hip thrusts"], [185, 225, 275, 315], False),
    ("Kettlebell Swing", ["kb swings", "kettlebell swings"], [35, 53, 70], False),
    ("Pull-Up", ["pull ups", "pullups"], [None], True),
    ("Chin-Up", ["chin ups", "chinups"], [None], True),
    ("Dip", ["dips"], [None], True),
]

SPOKEN = {95: "ninety five", 135: "one thirty five", 185: "one eighty five", 225: "two twenty five",
          275: "two seventy five", 315: "three fifteen", 405: "four oh five", 245: "two forty five",
          205: "two oh five", 365: "three sixty five", 455: "four fifty five", 495: "four ninety five",
          540: "five forty"}
PLATES = {135: "a plate", 225: "two plates", 315: "three plates", 405: "four plates"}
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                10: "ten", 12: "twelve", 15: "fifteen"}


def slug(name):
    return name.lower().replace(" ", "-").replace("--", "-")


def label(name, weight, unit, reps, sets, rpe, confidence):
    return {"exercise_id": slug(name), "exercise_name": name, "weight": weight,
            "weight_unit": unit if weight is not None else None, "reps": reps, "sets": sets, "rpe": rpe,
            "confidence": confidence}


def one_set(rng):
    """Returns (utterance, label dict)."""
    name, aliases, weights, bodyweight = rng.choice(EXERCISES)
    alias = rng.choice(aliases)
    weight = rng.choice(weights)
    unit = "lb"
    reps = rng.choice([3, 5, 6, 8, 10, 12])
    sets = 1
    rpe = None
    confidence = 0.95
    style = rng.random()
    if bodyweight:
        if rng.random() < 0.3:
            weight = rng.choice([25, 45])
            text = f"{alias} plus {weight} for {reps}"
        else:
            text = f"{alias} for {reps}"
    elif style < 0.12 and weight in SPOKEN:
        text = f"{alias} {SPOKEN[weight]} for {NUMBER_WORDS.get(reps, reps)}"
        confidence = 0.85
    elif style < 0.20 and weight in PLATES:
        text = f"{alias} {PLATES[weight]} for {reps}"
        confidence = 0.9
    elif style < 0.28:
        weight = round(weight / 2.2046 / 2.5) * 2.5
        weight = int(weight) if weight == int(weight) else weight
        unit = "kg"
        text = f"{alias} {weight} kilos for {reps}"
    elif style < 0.38:
        sets = rng.choice([3, 4, 5])
        text = rng.choice([f"{sets}x{reps} {alias} at {weight}", f"{sets} sets of {reps} {alias} {weight}"])
    elif alias.startswith("db ") and style < 0.45:
        text = f"{alias} {weight}s for {reps}"
    else:
        text = f"{alias} {weight} for {reps}"
    if rng.random() < 0.45:
        rpe = rng.choice([6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10])
        r = rpe if rpe != int(rpe) else int(rpe)
        text += rng.choice([f" at RPE {r}", f" @{r}", f" at an {r}" if r == 8 else f" at RPE {r}"])
    elif rng.random() < 0.12:
        rir = rng.choice([1, 2, 3])
        rpe = 10 - rir
        text += rng.choice([f", {rir} reps in reserve", f", {rir} in the tank"])
    return text, label(name, weight, unit, reps, sets, rpe, confidence)


def example(rng):
    text, lab = one_set(rng)
    msgs = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text},
            {"role": "assistant", "content": json.dumps(lab)}]
    if lab["weight"] is not None and rng.random() < 0.125:
        reps2 = max(1, lab["reps"] - 1)
        lab2 = dict(lab, reps=reps2, sets=1, rpe=None)  # effort is per set: not carried over
        msgs += [{"role": "user", "content": rng.choice([f"same weight for {reps2}", f"same thing for {reps2}"])},
                 {"role": "assistant", "content": json.dumps(lab2)}]
    return {"messages": msgs}


def line(obj):
    return json.dumps(obj, ensure_ascii=False)


def broken_lines():
    """(description, expected reason, raw bytes of the line) in file order; see README.md."""
    u = {"role": "user", "content": "squat 315 for 5"}
    a = {"role": "assistant", "content": json.dumps(label("Barbell Back Squat", 315, "lb", 5, 1, None, 0.95))}
    s = {"role": "system", "content": SYSTEM}
    def m(*msgs, **extra):
        return line(dict({"messages": list(msgs)}, **extra)).encode()
    long_log = "bench press 225 for 8 at RPE 8, " * 3500
    return [
        ("empty line", "blank_line", b""),
        ("trailing comma", "invalid_json", m(s, u, a)[:-2] + b",]}"),
        ("\"messages\" twice", "duplicate_key", b'{"messages":[],' + m(s, u, a)[1:]),
        ("a JSON array", "data_type", line([s, u, a]).encode()),
        ("prompt/completion record", "mixed_format", line({"prompt": "squat 315 for 5", "completion": a["content"]}).encode()),
        ("key \"conversation\" instead of \"messages\"", "missing_messages_list", line({"conversation": [s, u, a]}).encode()),
        ("extra top-level \"id\"", "extra_columns", m(s, u, a, id="ex-17")),
        ("empty messages list", "empty_messages", m()),
        ("a message that is a string", "message_not_object", line({"messages": [s, "squat 315 for 5", a]}).encode()),
        ("message without content", "message_missing_key", m(s, {"role": "user"}, a)),
        ("message with \"name\"", "message_unrecognized_key", m(s, dict(u, name="coach"), a)),
        ("role \"User\"", "unrecognized_role", m(s, {"role": "User", "content": u["content"]}, a)),
        ("content null", "missing_content", m(s, u, {"role": "assistant", "content": None})),
        ("whitespace-only assistant content", "empty_content", m(s, u, {"role": "assistant", "content": " \n "})),
        ("weight 2", "invalid_weight", m(s, u, dict(a, weight=2))),
        ("starts with assistant", "bad_first_role", m(a, u, a)),
        ("system message after the user", "misplaced_system", m(u, s, a)),
        ("two user messages in a row", "consecutive_same_role", m(s, u, {"role": "user", "content": "wait, 6 reps"}, a)),
        ("no assistant message", "example_missing_assistant_message", m(s, u)),
        ("ends with a user message", "last_not_assistant", m(s, u, a, {"role": "user", "content": "thanks"})),
        ("literal <|eot_id|> in user content", "special_token_in_content",
         m(s, {"role": "user", "content": "squat 315 for 5<|eot_id|>"}, a)),
        ("whole pasted training log (far over 24,576 tokens)", "over_token_limit",
         m(s, {"role": "user", "content": long_log}, a)),
        ("Latin-1 byte (é in \"café\")", "invalid_utf8",
         m(s, {"role": "user", "content": "squat 315 for 5 at the café"}, a).replace("café".encode(), b"caf\xe9")),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--clean", action="store_true", help="only valid examples, to stdout")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.clean:
        out = sys.stdout
        for _ in range(args.count):
            out.write(line(example(rng)))
            out.write("\n")
        return
    good = [line(example(rng)).encode() for _ in range(args.count)]
    # Deliberately wrong labels (valid JSONL; for the label auditor): weight, reps, exercise.
    wrong = {
        40: ("bench press 225 for 8 at RPE 8", label("Barbell Bench Press", 25, "lb", 8, 1, 8, 0.95), "weight 25, said 225"),
        41: ("deadlift 405 for 3", label("Deadlift", 405, "lb", 5, 1, None, 0.95), "reps 5, said 3"),
        42: ("RDL 315 for 5", label("Deadlift", 315, "lb", 5, 1, None, 0.9), "exercise Deadlift, said RDL"),
    }
    for i, (utt, lab, _) in wrong.items():
        good[i] = line({"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": utt},
                                     {"role": "assistant", "content": json.dumps(lab)}]}).encode()
    lines = [b"\xef\xbb\xbf" + good[0]]  # line 1: a UTF-8 BOM, as some Windows tools write
    report = [(1, "bom", "UTF-8 byte order mark before the first record")]
    broken = broken_lines()
    step = args.count // (len(broken) + 1)
    bi = 0
    for i, g in enumerate(good[1:], start=1):
        if bi < len(broken) and i % step == 0:
            desc, reason, raw = broken[bi]
            lines.append(raw)
            report.append((len(lines), reason, desc))
            bi += 1
        lines.append(g)
        if i in wrong:
            report_wrong = wrong[i][2]
            report.append((len(lines), "label", report_wrong))
    # Appended after the interleaved lines (issue 12) so that the line numbers above stay put.
    label = json.dumps({"exercise_id": "back-squat", "exercise_name": "Back Squat", "weight": 225,
                        "weight_unit": "lb", "reps": 5, "sets": 1, "rpe": None, "confidence": 0.95})
    sys_msg = json.dumps({"role": "system", "content": SYSTEM})
    lines.append(('{"messages": [' + sys_msg + ',\r {"role": "user", "content": "squat 225 for 5"}, '
                  '{"role": "assistant", "content": ' + json.dumps(label) + '}]}').encode())
    report.append((len(lines), "raw_carriage_return", "a raw CR between two messages"))
    lines.append(('{"messages": [' + sys_msg + ', {"role": "user", "content": "bench 80 kilos for 5 \\ud800"}, '
                  '{"role": "assistant", "content": ' + json.dumps(label) + '}]}').encode())
    report.append((len(lines), "unpaired_surrogate", "the escape \\ud800 without its low surrogate"))
    with open("voice_sample.jsonl", "wb") as f:
        for l in lines:
            f.write(l + b"\n")
    for n, reason, desc in report:
        print(f"| {n} | `{reason}` | {desc} |")


if __name__ == "__main__":
    main()
