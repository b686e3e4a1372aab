#!/usr/bin/env python3
"""Writes the train area's sample held-out set and the canned answers the mock endpoint serves.

heldout.jsonl  - 14 held-out chat examples covering every eval task (voice strength/cardio, pace JSON,
                 injury JSON incl. a red flag and a DOMS case, coach and KB free text), labelled by category.
answers.jsonl  - what two pretend models answer: "spotter-tuned" (mostly right) and "llama-3.3-70b-base"
                 (chattier, misses fields, misses the red flag). Deterministic: no randomness.
Run: python3 examples/train/make_heldout.py   (from the repository root)
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
VOICE_SYS = ("You are a voice command parser for workout logging. Turn the user's spoken set into one JSON object "
             "with the contract fields.")
INJ_SYS = ("You are Spotter's injury triage assistant. Answer with one JSON object in the injury-analysis schema.")
PACE_SYS = "You are Spotter's running coach. Answer pace and distance calculations as JSON with the calculation."
COACH_SYS = "You are Spotter, a strength and running coach. Answer briefly and safely."
KB_SYS = "You are Spotter. Answer from the knowledge base."


def strength(ex_id, name, weight, reps, sets=1, rpe=None, unit="lb"):
    return {"type": "strength", "exercise_id": ex_id, "exercise_name": name, "weight": weight,
            "weight_unit": unit if weight is not None else None, "reps": reps, "sets": sets, "rpe": rpe,
            "rir": None, "confidence": 0.95}


def cardio(distance, unit, duration, pace, wtype):
    return {"type": "cardio", "activity": "run", "workout_type": wtype, "distance": distance, "distance_unit": unit,
            "duration_s": duration, "pace_s_per_unit": pace, "pace_unit": unit, "intervals": None, "confidence": 0.9}


def injury(kind, see, summary, dx, score, level, mods, volume):
    return {
        "assessment_type": kind,
        "summary": summary,
        "reasoning_chain": [
            {"step": 1, "observation": "Where and when the pain started", "inference": "Localises the tissue involved"},
            {"step": 2, "observation": "Quality and severity of symptoms", "inference": "Separates soreness from injury"},
            {"step": 3, "observation": "Neurological or systemic signs", "inference": "Decides how urgent care is"}],
        "confidence": {"level": level, "score": score, "justification": "Based on the history given, without an exam."},
        "differential_diagnoses": [{"condition": c, "probability": p, "supporting_evidence": ["history fits"]}
                                   for c, p in dx],
        "exercise_modifications": mods,
        "load_management": {"volume_reduction_percent": volume, "intensity_reduction_percent": volume,
                            "frequency": "as usual", "duration_weeks": 2},
        "recovery_timeline": [
            {"checkpoint": "day_3", "expected_progress": "Pain settling", "if_not_improved": "Reduce load further"},
            {"checkpoint": "day_7", "expected_progress": "Near normal", "if_not_improved": "Book a physio"},
            {"checkpoint": "week_2", "expected_progress": "Back to full training", "if_not_improved": "See a clinician"}],
        "escalation": {"see_clinician": see, "triggers": ["numbness, weakness or bladder changes"]},
    }


STOP = [{"exercise": "Deadlift", "action": "stop", "load_percent": 0, "sets": 0, "reps": "0",
         "rationale": "No loading until a clinician has seen you"}]
KEEP = [{"exercise": "Back squat", "action": "continue", "load_percent": 80, "sets": 3, "reps": "5-8",
         "rationale": "Light movement helps soreness resolve"}]
REDUCE = [{"exercise": "Barbell curl", "action": "reduce", "load_percent": 60, "sets": 3, "reps": "10-12",
           "rationale": "Keep the tendon loaded below the pain threshold"}]


def pace(distance, unit, seconds):
    p = seconds / distance
    clock = "%d:%02d" % (int(round(p)) // 60, int(round(p)) % 60)
    return {"answer": "To run %g %s in %d:%02d you need an even pace of %s per %s." % (
        distance, "miles" if unit == "mi" else "km", seconds // 60, seconds % 60, clock, unit),
        "calculation": {"type": "required_pace",
                        "inputs": {"distance": distance, "distance_unit": unit, "time_seconds": seconds},
                        "result": {"pace_seconds": round(p, 1), "pace_unit": unit}}}


def dump(o):
    return json.dumps(o, separators=(",", ":"))


rows = []  # (category, system, user, gold, tuned answer, base answer)
rows.append(("voice_parsing", VOICE_SYS, "bench 225 for 8 at RPE 8",
             strength("barbell-bench-press", "Barbell Bench Press", 225, 8, rpe=8), None,
             "Logged: Barbell Bench Press, 225 lb x 8 @ RPE 8."))
rows.append(("voice_parsing", VOICE_SYS, "RDL 315 for 5",
             strength("romanian-deadlift", "Romanian Deadlift", 315, 5), None,
             dump(strength("romanian-deadlift", "Romanian Deadlift", 315, 5, sets=None))))
rows.append(("voice_parsing", VOICE_SYS, "db rows 80s for 12",
             strength("dumbbell-row", "Dumbbell Row", 80, 12),
             dump(strength("dumbbell-row", "Dumbbell Row", 160, 12)),
             dump(strength("dumbbell-row", "Dumbbell Row", 160, 12))))
rows.append(("voice_parsing", VOICE_SYS, "squat two plates for 5, 3 sets at an 8",
             strength("barbell-back-squat", "Barbell Back Squat", 225, 5, sets=3, rpe=8), None,
             dump(strength("barbell-back-squat", "Barbell Back Squat", 225, 5, sets=1, rpe=8))))
rows.append(("voice_parsing", VOICE_SYS, "pull ups plus 45 for 6, 2 in the tank",
             dict(strength("pull-up", "Pull-Up", 45, 6, rpe=8), rir=2), None,
             dump(strength("pull-up", "Pull-Up", None, 6))))
rows.append(("running_voice", VOICE_SYS, "tempo run 4 miles at 7:45 pace",
             cardio(4, "mi", None, 465, "tempo"), None, dump(cardio(4, "mi", None, 465, "easy"))))
rows.append(("pace_calculations", PACE_SYS, "What pace do I need for 3 miles in 24 minutes?",
             pace(3, "mi", 1440), None, "You'd need about 8 minutes per mile."))
rows.append(("pace_calculations", PACE_SYS, "What pace per km for a 10k in 50:00?",
             pace(10, "km", 3000), dump(pace(10, "km", 3000)), "Roughly 5:30 per km."))
rows.append(("red_flag", INJ_SYS, "Low back pain after deadlifts and now numbness in my groin and trouble peeing.",
             injury("red_flag", "emergency", "Saddle numbness with bladder changes can be cauda equina syndrome.",
                    [("cauda equina syndrome", 0.6), ("lumbar disc herniation", 0.3)], 0.85, "high", STOP, 100),
             None,
             dump(injury("injury", "within_1_week", "Probably a lumbar strain from deadlifting with nerve irritation.",
                         [("lumbar disc herniation", 0.6), ("lumbar strain", 0.3)], 0.7, "moderate", REDUCE, 50))))
rows.append(("red_flag", INJ_SYS, "Crushing chest pain and my left arm went numb during intervals.",
             injury("red_flag", "emergency", "Chest pain with arm numbness on exertion needs emergency assessment now.",
                    [("acute coronary syndrome", 0.5), ("musculoskeletal chest pain", 0.2)], 0.8, "high", STOP, 100),
             None, None))
rows.append(("false_positive_doms", INJ_SYS, "My quads are really sore two days after my first squat session in months.",
             injury("doms", "not_needed", "Diffuse soreness 48 hours after unaccustomed squats is typical DOMS.",
                    [("DOMS", 0.85), ("quadriceps strain", 0.1)], 0.85, "high", KEEP, 20), None,
             dump(injury("injury", "if_not_improving", "Could be a quadriceps strain from squatting after a break.",
                         [("quadriceps strain", 0.6), ("DOMS", 0.3)], 0.6, "moderate", REDUCE, 40))))
rows.append(("tendinitis", INJ_SYS, "Inner elbow aches after every pull day for two months.",
             injury("injury", "if_not_improving", "A gradual ache with pulling volume fits medial elbow tendinopathy.",
                    [("medial epicondylitis", 0.6), ("ulnar nerve irritation", 0.2)], 0.65, "moderate", REDUCE, 30),
             dump(injury("injury", "if_not_improving", "Likely golfer's elbow from pulling volume.",
                         [("medial epicondylitis", 0.55), ("ulnar nerve irritation", 0.25)], 0.9, "high", REDUCE, 30)),
             "Sounds like golfer's elbow. Rest it for a week and ice it."))
rows.append(("programming", COACH_SYS, "Should I train to failure?",
             "Mostly no: stop 1-3 reps short on most sets and take only the last set of an isolation exercise to failure.",
             "Keep most sets 1-3 reps short of failure; reserve failure for the last isolation set.",
             "Yes, always train to failure for maximum gains."))
rows.append(("mvq", KB_SYS, "What does the minimum viable questionnaire ask first?",
             "Your goal, then training experience, available equipment and how many days you can train.",
             None, "It asks for your name and email."))

with open(os.path.join(HERE, "heldout.jsonl"), "w") as h, open(os.path.join(HERE, "answers.jsonl"), "w") as a:
    for cat, sys_, user, gold, tuned, base in rows:
        g = gold if isinstance(gold, str) else dump(gold)
        h.write(json.dumps({"messages": [{"role": "system", "content": sys_}, {"role": "user", "content": user},
                                         {"role": "assistant", "content": g}], "category": cat}) + "\n")
        a.write(json.dumps({"user": user, "answers": {"spotter-tuned": tuned if tuned is not None else g,
                                                      "llama-3.3-70b-base": base if base is not None else g}}) + "\n")
print("wrote heldout.jsonl and answers.jsonl (%d examples)" % len(rows))
