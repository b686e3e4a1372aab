#!/usr/bin/env python3
"""Hand-written voice dev set. Each case is written by hand; helpers only build the gold objects
(contract shape, rpe/rir arithmetic, plate arithmetic) so the labels are consistent."""
import json, re, os

CATALOG = """Barbell Bench Press, Incline Barbell Bench Press, Decline Barbell Bench Press, Close-Grip Bench Press,
Paused Bench Press, Spoto Press, Floor Press, Dumbbell Bench Press, Incline Dumbbell Press,
Machine Chest Press, Cable Fly, Pec Deck, Push-Up, Dip, Barbell Back Squat, Front Squat, Box Squat,
Pin Squat, Hack Squat, Smith Machine Squat, Goblet Squat, Bulgarian Split Squat, Leg Press,
Leg Extension, Leg Curl, Nordic Curl, Walking Lunge, Step-Up, Calf Raise, Deadlift, Sumo Deadlift,
Trap Bar Deadlift, Romanian Deadlift, Deficit Deadlift, Rack Pull, Good Morning, Hip Thrust,
Glute Bridge, Overhead Press, Dumbbell Shoulder Press, Arnold Press, Z Press, Landmine Press,
Dumbbell Lateral Raise, Reverse Fly, Upright Row, Face Pull, Barbell Shrug, Dumbbell Shrug,
Barbell Row, Pendlay Row, Dumbbell Row, T-Bar Row, Seated Cable Row, Chest-Supported Row,
Lat Pulldown, Pull-Up, Chin-Up, Barbell Curl, Dumbbell Curl, Hammer Curl, Preacher Curl,
Concentration Curl, Skull Crusher, Triceps Pushdown, Power Clean, Hang Clean, Snatch,
Clean and Jerk, Kettlebell Swing"""
CATALOG = {n.strip() for n in CATALOG.replace("\n", " ").split(",")}
# exercises outside the contract's catalog: canonical name I would expect, id = kebab-case of the name
EXTRA = {"Landmine Row", "Meadows Row", "Seal Row", "JM Press", "Farmer Carry", "Zercher Squat",
         "Larsen Press", "Belt Squat", "Back Extension", "Hanging Leg Raise", "Split Squat",
         "Reverse Lunge"}

def kebab(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

def num(x):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)

def S(name, w, reps, sets=1, rpe=None, rir=None, unit="lb", ps=False, fail=False):
    assert name in CATALOG or name in EXTRA, name
    if fail:
        rpe = 10 if rpe is None else rpe
        rir = 0 if rir is None else rir
    if rir is not None and rpe is None:
        rpe = 10 - rir
    return {"type": "strength", "exercise_id": kebab(name), "exercise_name": name,
            "weight": num(w), "weight_unit": unit if w is not None else None,
            "reps": reps, "sets": sets, "rpe": num(rpe), "rir": rir,
            "per_side": ps, "to_failure": fail}

def lbp(*per_side):   # 45 lb bar + plates listed for ONE side, loaded on both sides
    return 45 + 2 * sum(per_side)

def kgp(*per_side):   # 20 kg bar + plates listed for ONE side (contract: 20 kg plates)
    return 20 + 2 * sum(per_side)

def C(wt=None, dist=None, du=None, dur=None, pace=None, pu=None, iv=None):
    if pace is not None and pu is None:
        pu = du or "mi"
    return {"type": "cardio", "activity": "run", "workout_type": wt, "distance": num(dist),
            "distance_unit": du, "duration_s": dur, "pace_s_per_unit": pace,
            "pace_unit": pu if pace is not None else None, "intervals": iv}

def IV(rep, d, du, t):
    return {"repeats": rep, "distance": num(d), "distance_unit": du, "target_time_s": t}

def t(s):  # "1:52:10" -> seconds
    parts = [int(p) for p in s.split(":")]
    v = 0
    for p in parts:
        v = v * 60 + p
    return v

U = {"type": "unparsed"}
BBP, SQ, DL = "Barbell Bench Press", "Barbell Back Squat", "Deadlift"
OHP, RDL = "Overhead Press", "Romanian Deadlift"

CASES = []
def add(cls, text, gold, ctx=None, ud="lb", note=""):
    CASES.append((cls, text, ctx, ud, gold, note))

CLOCK = "ASR rendered a spoken weight as a clock time; strength context, so it is a load"

# ---------------------------------------------------------------- 1. asr_numbers
A = "asr_numbers"
add(A, "bench 2:25 for 8", S(BBP, 225, 8), note=CLOCK + ": 2:25 = 225")
add(A, "squat 3:15 for 5", S(SQ, 315, 5), note=CLOCK)
add(A, "deadlift 4:05 for 3", S(DL, 405, 3), note=CLOCK + ": four oh five")
add(A, "okay so bench two twenty-five for eight", S(BBP, 225, 8))
add(A, "squat four oh five for one", S(SQ, 405, 1))
add(A, "overhead press one thirty five for 5", S(OHP, 135, 5))
add(A, "uh bench a hundred and thirty five for 12", S(BBP, 135, 12))
add(A, "squat two twenty five four eight", S(SQ, 225, 8), note="'four' is the homophone of 'for'; 225 for 8")
add(A, "D B rows 80 for 10", S("Dumbbell Row", 80, 10), note="spelled letters D B = db; no per-side qualifier")
add(A, "R D L 2:25 for 8", S(RDL, 225, 8), note="spelled R D L + clock-time weight")
add(A, "O H P 1:15 for 6", S(OHP, 115, 6), note="spelled O H P; 1:15 = one fifteen = 115")
add(A, "B B curls 95 for 10", S("Barbell Curl", 95, 10))
add(A, "225 for eight on bench", S(BBP, 225, 8))
add(A, "squat 102.5 kilos for 5", S(SQ, 102.5, 5, unit="kg"))
add(A, "uh ran 3 miles in 27:30", C(dist=3, du="mi", dur=t("27:30")), note="cardio context: 27:30 stays a time (1650 s); no pace spoken so pace null")
add(A, "bench too twenty five for ate", S(BBP, 225, 8), note="too=two, ate=eight; only plausible reading 225 for 8")
add(A, "deadlift 500 for won", S(DL, 500, 1), note="won = one")
add(A, "Squat 315 four 5.", S(SQ, 315, 5), note="four = for")
add(A, "incline bench 1:55 for 10", S("Incline Barbell Bench Press", 155, 10), note=CLOCK)
add(A, "bench 3:05 for two", S(BBP, 305, 2), note=CLOCK)
add(A, "barbell rows one eighty five for eight", S("Barbell Row", 185, 8))
add(A, "front squat 2:45 for 3", S("Front Squat", 245, 3), note=CLOCK)
add(A, "leg press twelve hundred for 10", S("Leg Press", 1200, 10))
add(A, "deadlift six oh five for one", S(DL, 605, 1))
add(A, "hip thrust 4:25 for 8", S("Hip Thrust", 425, 8), note=CLOCK)
add(A, "db bench ninety fives for 8", S("Dumbbell Bench Press", 95, 8), note="'ninety fives' = the 95 lb dumbbells")
add(A, "Bench press. 100 kilograms for 5.", S(BBP, 100, 5, unit="kg"))
add(A, "squat 142.5 kg for 3", S(SQ, 142.5, 3, unit="kg"))
add(A, "OHP 62 point 5 kilos for 5", S(OHP, 62.5, 5, unit="kg"))
add(A, "db curls twenty two and a half kilos for 8", S("Dumbbell Curl", 22.5, 8, unit="kg"))
add(A, "bench 225 x 8", S(BBP, 225, 8))
add(A, "squat 315 times 5", S(SQ, 315, 5), note="'times 5' = 5 reps")
add(A, "deadlift 4 25 for 2", S(DL, 425, 2), note="ASR split 'four twenty five' into 4 25")
add(A, "bench 3 by 5 at 205", S(BBP, 205, 5, sets=3))
add(A, "squat five by five two seventy five", S(SQ, 275, 5, sets=5))
add(A, "did to sets of 10 on lat pulldown at 140", S("Lat Pulldown", 140, 10, sets=2), note="'to sets' = two sets")
add(A, "bench 225 for 8, no 9", S(BBP, 225, 9), note="self-correction at the end wins")
add(A, "squat 315 sorry 325 for 3", S(SQ, 325, 3), note="self-correction of the weight")
add(A, "deadlift 405 for 5 wait no 4", S(DL, 405, 4), note="self-correction of the reps")
add(A, "ran a five k in twenty four thirty", C(dist=5, du="km", dur=t("24:30")), note="cardio: twenty four thirty = 24:30 = 1470 s; no type said")
add(A, "easy run eight thirty pace 5 miles", C("easy", 5, "mi", pace=510), note="cardio: eight thirty pace = 8:30/mi")
add(A, "ran 10 k in 52:40", C(dist=10, du="km", dur=t("52:40")), note="cardio: 52:40 stays a time")
add(A, "bench 2 25 for 6", S(BBP, 225, 6))
add(A, "incline bench 185 lbs 8 reps", S("Incline Barbell Bench Press", 185, 8))
add(A, "squat three hundred for 5", S(SQ, 300, 5))
add(A, "deadlift three hundred and fifteen for 8", S(DL, 315, 8))
add(A, "bench one hundred eighty five for 6", S(BBP, 185, 6))
add(A, "db incline seventy fives for 8", S("Incline Dumbbell Press", 75, 8))
add(A, "bench 2:15 for eight at eight", S(BBP, 215, 8, rpe=8), note="clock weight; bare 'at eight' after reps = RPE 8")
add(A, "Squat 3:35 for 2", S(SQ, 335, 2), note=CLOCK)
add(A, "ohp 1:45 for 3", S(OHP, 145, 3), note=CLOCK)
add(A, "rdl 3:15 for 6", S(RDL, 315, 6), note=CLOCK)
add(A, "deadlift 4:55 for 1", S(DL, 455, 1), note=CLOCK)
add(A, "bench 1:35 for twenty", S(BBP, 135, 20), note=CLOCK)
add(A, "t bar rows 1:40 for 10", S("T-Bar Row", 140, 10), note=CLOCK + ": one forty")
add(A, "leg press 5:40 for 15", S("Leg Press", 540, 15), note=CLOCK + ": five forty")
add(A, "bench 2:05 for 5", S(BBP, 205, 5), note=CLOCK)
add(A, "um squat 2:55 for 8", S(SQ, 255, 8), note=CLOCK)
add(A, "pull ups plus forty five for 5", S("Pull-Up", 45, 5), note="added load on a bodyweight move = 45")
add(A, "chin ups with a twenty five for eight", S("Chin-Up", 25, 8), note="added load 25")
add(A, "bench sixty kilos for 10", S(BBP, 60, 10, unit="kg"))
add(A, "squat one hundred and forty kilos for three", S(SQ, 140, 3, unit="kg"))
add(A, "deadlift two twenty kilos for a single", S(DL, 220, 1, unit="kg"))
add(A, "squat 3:45 one rep", S(SQ, 345, 1), note=CLOCK)
add(A, "bench two twenty five four four", S(BBP, 225, 4), note="first 'four' = for; 225 for 4")
add(A, "incline db 60s for ate reps", S("Incline Dumbbell Press", 60, 8), note="ate = eight")
add(A, "db rows won hundred for 10", S("Dumbbell Row", 100, 10), note="won hundred = one hundred")
add(A, "deadlift 495 for to", S(DL, 495, 2), note="'for to' = for two")
add(A, "bench 1 85 for 10", S(BBP, 185, 10))
add(A, "bench 4 sets of 6 at 2:35", S(BBP, 235, 6, sets=4), note=CLOCK)
add(A, "ohp 95 pounds for 15", S(OHP, 95, 15))
add(A, "bench one thirty five eleven reps", S(BBP, 135, 11))
add(A, "bench two hundred and five for six", S(BBP, 205, 6))
add(A, "deadlift a hundred eighty kilos for 5", S(DL, 180, 5, unit="kg"))
add(A, "good mornings 1:35 for 8", S("Good Morning", 135, 8), note=CLOCK)
add(A, "cool down jog 10:00", C("cooldown", dur=600), note="cardio: 10:00 is ten minutes")
add(A, "warm up mile in 9:30", C("warmup", 1, "mi", dur=t("9:30")), note="cardio: time stays a time")
add(A, "ran 2 miles 17:45", C(dist=2, du="mi", dur=t("17:45")))
add(A, "easy 5 miles in 45 minutes and 20 seconds", C("easy", 5, "mi", dur=2720))
add(A, "10 k tempo 47:30", C("tempo", 10, "km", dur=t("47:30")))
add(A, "K B swings 24 kilos for 20", S("Kettlebell Swing", 24, 20, unit="kg"))
add(A, "C G bench two oh five for 8", S("Close-Grip Bench Press", 205, 8), note="C G = close grip")
add(A, "J M press 1:15 for 10", S("JM Press", 115, 10), note="spelled J M; clock weight 115; non-catalog exercise")
add(A, "so uh squat 2 hundred 25 for 10", S(SQ, 225, 10), note="ASR mixed digits and words for two twenty five... rendered 2 hundred 25")
add(A, "deadlift 4:15 for four", S(DL, 415, 4), note=CLOCK)

# ---------------------------------------------------------------- 2. plates
P = "plates"
PN = "plates: bar + per-side plates x 2 (lb: 45 bar, 45 plates)"
PK = "plates in kg per contract: 20 kg bar + 20 kg plates per side x 2"
add(P, "squat two plates for 5", S(SQ, lbp(45, 45), 5), note=PN + " = 225")
add(P, "bench a plate for 12", S(BBP, lbp(45), 12), note=PN + " = 135")
add(P, "deadlift 4 plates for 3", S(DL, lbp(45, 45, 45, 45), 3), note=PN + " = 405")
add(P, "uh squat three plates for a triple", S(SQ, lbp(45, 45, 45), 3), note=PN + " = 315")
add(P, "bench a plate and a quarter for 10", S(BBP, lbp(45, 25), 10), note=PN + "; quarter = 25 lb plate: 45 + 2*(45+25) = 185")
add(P, "squat two plates and a ten for 5", S(SQ, lbp(45, 45, 10), 5), note=PN + ": 45 + 2*(90+10) = 245")
add(P, "bench plate and a 25 for 8", S(BBP, lbp(45, 25), 8), note=PN + " = 185")
add(P, "ohp a plate for 5", S(OHP, lbp(45), 5), note=PN)
add(P, "deadlift 5 plates for a single", S(DL, lbp(45, 45, 45, 45, 45), 1), note=PN + " = 495")
add(P, "barbell row a plate and a 10 for 8", S("Barbell Row", lbp(45, 10), 8), note=PN + " = 155")
add(P, "front squat 2 plates a side for 3", S("Front Squat", lbp(45, 45), 3), note=PN + "; 'a side' describes loading, not per-side reps: per_side false")
add(P, "bench two plates and a quarter for 3", S(BBP, lbp(45, 45, 25), 3), note=PN + " = 275")
add(P, "squatted 3 plates and a 25 for a double", S(SQ, lbp(45, 45, 45, 25), 2), note=PN + " = 365")
add(P, "pulled 6 plates for a single", S(DL, lbp(*[45] * 6), 1), note=PN + " = 585; 'pulled' = deadlift")
add(P, "rdl two plates for 8", S(RDL, lbp(45, 45), 8), note=PN)
add(P, "hip thrusts 4 plates for 10", S("Hip Thrust", lbp(45, 45, 45, 45), 10), note=PN + " (barbell hip thrust)")
add(P, "incline bench two plates for 6", S("Incline Barbell Bench Press", lbp(45, 45), 6), note=PN)
add(P, "paused bench plate and a 35 for 5", S("Paused Bench Press", lbp(45, 35), 5), note=PN + " = 205")
add(P, "squat 2 plates, 5 reps", S(SQ, kgp(20, 20), 5, unit="kg"), ud="kg", note=PK + " = 100 kg (unit default kg)")
add(P, "deadlift 4 plates for 2", S(DL, kgp(20, 20, 20, 20), 2, unit="kg"), ud="kg", note=PK + " = 180 kg")
add(P, "bench a plate and a 10 for 8", S(BBP, kgp(20, 10), 8, unit="kg"), ud="kg", note=PK + ": 20 + 2*(20+10) = 80 kg")
add(P, "three plates for 3 on squat", S(SQ, kgp(20, 20, 20), 3, unit="kg"), ud="kg", note=PK + " = 140 kg")
add(P, "OHP a plate for 6", S(OHP, kgp(20), 6, unit="kg"), ud="kg", note=PK + " = 60 kg")
add(P, "squat two plates and a five for 3", S(SQ, kgp(20, 20, 5), 3, unit="kg"), ud="kg", note=PK + ": 20 + 2*(40+5) = 110 kg")
add(P, "bench 3 plates for a single", S(BBP, lbp(45, 45, 45), 1), note=PN + " = 315")
add(P, "squat four plates and a dime for 2", S(SQ, lbp(45, 45, 45, 45, 10), 2), note=PN + "; dime = 10 lb plate: 425")
add(P, "deadlift 3 plates and a quarter for 5", S(DL, lbp(45, 45, 45, 25), 5), note=PN + " = 365")
add(P, "good mornings a plate for 8", S("Good Morning", lbp(45), 8), note=PN)
add(P, "bench 2 plates and a 5 for 4", S(BBP, lbp(45, 45, 5), 4), note=PN + " = 235")
add(P, "warm up squat a plate for 10", S(SQ, lbp(45), 10), note=PN + "; warm-up is still a set")
add(P, "bench with a 45 on each side for 10", S(BBP, lbp(45), 10), note=PN + "; 'on each side' = loading, per_side false")
add(P, "squat 45s and 25s on each side for 5", S(SQ, lbp(45, 25), 5), note=PN + " = 185; per_side false")
add(P, "pendlay rows a plate and a quarter for 5", S("Pendlay Row", lbp(45, 25), 5), note=PN)
add(P, "rack pulls 5 plates for 5", S("Rack Pull", lbp(*[45] * 5), 5), note=PN + " = 495")
add(P, "bench two 20 kilo plates a side for 3", S(BBP, kgp(20, 20), 3, unit="kg"), note=PK + "; explicit kilo plates = 100 kg")
add(P, "close grip a plate and a 10 for 8", S("Close-Grip Bench Press", lbp(45, 10), 8), note=PN + " = 155")
add(P, "sumo 4 plates for 2", S("Sumo Deadlift", lbp(45, 45, 45, 45), 2), note=PN)
add(P, "box squats 2 plates 5 sets of 3", S("Box Squat", lbp(45, 45), 3, sets=5), note=PN)
add(P, "bench two plates 3 by 8", S(BBP, lbp(45, 45), 8, sets=3), note=PN)
add(P, "squat 3 plates for 5 at rpe 8", S(SQ, lbp(45, 45, 45), 5, rpe=8), note=PN)
add(P, "bench two wheels for 5", S(BBP, lbp(45, 45), 5), note=PN + "; 'wheels' = 45 lb plates")
add(P, "okay squat a plate and two tens a side for 8", S(SQ, lbp(45, 10, 10), 8), note=PN + ": 45 + 2*(45+10+10) = 175")

# ---------------------------------------------------------------- 3. per_side
D = "per_side"
PS = "per-side qualifier: weight = one implement, reps = per side, per_side true"
add(D, "db rows 90 for 10 each arm", S("Dumbbell Row", 90, 10, ps=True), note=PS)
add(D, "bulgarian split squats 40s for 8 per leg", S("Bulgarian Split Squat", 40, 8, ps=True), note=PS)
add(D, "walking lunges with the fifties 12 a side", S("Walking Lunge", 50, 12, ps=True), note=PS)
add(D, "hammer curls 35s ten each hand", S("Hammer Curl", 35, 10, ps=True), note=PS)
add(D, "curls 35s 12 each", S("Dumbbell Curl", 35, 12, ps=True), note=PS + "; plural 35s = dumbbells")
add(D, "single arm row hundred pound dumbbell 8 each side", S("Dumbbell Row", 100, 8, ps=True), note=PS)
add(D, "step ups 40s 10 each leg", S("Step-Up", 40, 10, ps=True), note=PS)
add(D, "concentration curls 30 for 12 each arm", S("Concentration Curl", 30, 12, ps=True), note=PS)
add(D, "bulgarians bodyweight 15 per leg", S("Bulgarian Split Squat", None, 15, ps=True), note=PS + "; bodyweight = weight null")
add(D, "db rows 40 kilos 10 each arm", S("Dumbbell Row", 40, 10, unit="kg", ps=True), note=PS)
add(D, "db curls 3 by 10 each arm with 30s", S("Dumbbell Curl", 30, 10, sets=3, ps=True), note=PS)
add(D, "single arm lateral raise 25 12 each side", S("Dumbbell Lateral Raise", 25, 12, ps=True), note=PS)
add(D, "uh split squats 50s 10 per leg", S("Split Squat", 50, 10, ps=True), note=PS + "; plain split squat is not the Bulgarian (no rear-foot elevation): non-catalog")
add(D, "hammer curls 40 pound dumbbells 8 per arm rpe 8", S("Hammer Curl", 40, 8, rpe=8, ps=True), note=PS)
add(D, "step ups 25 kilo dumbbells 8 each leg", S("Step-Up", 25, 8, unit="kg", ps=True), note=PS)
add(D, "db row 120s 6 each side went to failure", S("Dumbbell Row", 120, 6, ps=True, fail=True), note=PS + "; failure convention")
add(D, "walking lunges 20s in each hand 10 per leg", S("Walking Lunge", 20, 10, ps=True), note=PS + "; 'in each hand' describes the implements, weight 20")
add(D, "reverse lunges 35s 8 each leg", S("Reverse Lunge", 35, 8, ps=True), note=PS + "; non-catalog")
add(D, "one arm db shoulder press 60 for 8 each arm", S("Dumbbell Shoulder Press", 60, 8, ps=True), note=PS)
add(D, "single arm pushdowns 30 for 12 each arm", S("Triceps Pushdown", 30, 12, ps=True), note=PS)
add(D, "one arm kb swings 24 kilo 10 each hand", S("Kettlebell Swing", 24, 10, unit="kg", ps=True), note=PS)
add(D, "db curls 25s 10 a arm", S("Dumbbell Curl", 25, 10, ps=True), note=PS + "; ASR 'a arm'")
add(D, "bulgarian split squats 2 sets of 8 a leg with 45s", S("Bulgarian Split Squat", 45, 8, sets=2, ps=True), note=PS)
add(D, "step ups bodyweight 12 each leg", S("Step-Up", None, 12, ps=True), note=PS)
add(D, "rows 80s 12 per side", S("Dumbbell Row", 80, 12, ps=True), note=PS + "; plural 80s = dumbbells")
add(D, "single leg extensions 50 for 12 each leg", S("Leg Extension", 50, 12, ps=True), note=PS)
add(D, "single leg calf raises holding a 45 15 each", S("Calf Raise", 45, 15, ps=True), note=PS)
add(D, "leg curls one leg at a time 40 for 10 each", S("Leg Curl", 40, 10, ps=True), note=PS)
add(D, "db bench 80s for 10", S("Dumbbell Bench Press", 80, 10), note="no per-side qualifier: per_side false; weight per implement 80")
add(D, "db shoulder press 55s for 10", S("Dumbbell Shoulder Press", 55, 10), note="no qualifier: per_side false")
add(D, "hammer curls 30s for 12", S("Hammer Curl", 30, 12), note="no qualifier: per_side false")
add(D, "meadows rows 70 for 10 each side", S("Meadows Row", 70, 10, ps=True), note=PS + "; non-catalog")
add(D, "bss 30s 10 each leg at rpe 9", S("Bulgarian Split Squat", 30, 10, rpe=9, ps=True), note=PS + "; BSS = Bulgarian split squat")
add(D, "concentration curls 12 per arm with the 25", S("Concentration Curl", 25, 12, ps=True), note=PS)
add(D, "db rows 75 for 3 sets of 12 each side", S("Dumbbell Row", 75, 12, sets=3, ps=True), note=PS)

# ---------------------------------------------------------------- 4. verbs_slang
V = "verbs_slang"
NC = "non-catalog exercise: canonical name + kebab-case id"
add(V, "pulled 500 for a double", S(DL, 500, 2), note="'pulled' = deadlift; double = 2")
add(V, "benched 185 for a triple", S(BBP, 185, 3), note="triple = 3")
add(V, "squatted 3 plates for 5", S(SQ, lbp(45, 45, 45), 5), note="315 by plate convention")
add(V, "repped 225 on bench for 10", S(BBP, 225, 10))
add(V, "hit a single at 405 on deadlift", S(DL, 405, 1))
add(V, "skull crushers 95 for 12", S("Skull Crusher", 95, 12))
add(V, "skulls 75 for 10", S("Skull Crusher", 75, 10), note="skulls = skull crushers")
add(V, "chins bodyweight for 12", S("Chin-Up", None, 12), note="bodyweight: weight and unit null")
add(V, "pull-ups 3 sets of 8", S("Pull-Up", None, 8, sets=3))
add(V, "lat pulldowns 150 for 12", S("Lat Pulldown", 150, 12))
add(V, "face pulls 50 for 15", S("Face Pull", 50, 15))
add(V, "hammer curls 40s for 10", S("Hammer Curl", 40, 10))
add(V, "hip thrusts 405 for 8", S("Hip Thrust", 405, 8))
add(V, "RDLs 275 for 8", S(RDL, 275, 8))
add(V, "landmine rows 90 for 10", S("Landmine Row", 90, 10), note=NC)
add(V, "seal rows 135 for 10", S("Seal Row", 135, 10), note=NC)
add(V, "pendlays 225 for 5", S("Pendlay Row", 225, 5), note="pendlays = Pendlay rows")
add(V, "JM press 135 for 8", S("JM Press", 135, 8), note=NC)
add(V, "hack squats 270 for 10", S("Hack Squat", 270, 10))
add(V, "leg press a thousand for 12", S("Leg Press", 1000, 12))
add(V, "farmer carries with the hundreds, 50 yards", S("Farmer Carry", 100, None), note=NC + "; distance is not a contract field, reps null")
add(V, "pulled sumo 455 for 3", S("Sumo Deadlift", 455, 3))
add(V, "hex bar 405 for 5", S("Trap Bar Deadlift", 405, 5), note="hex bar = trap bar deadlift")
add(V, "close grip 205 for 8", S("Close-Grip Bench Press", 205, 8))
add(V, "comp bench 275 for a single", S("Paused Bench Press", 275, 1), note="comp bench = competition-style paused bench")
add(V, "spoto press 225 for 5", S("Spoto Press", 225, 5))
add(V, "floor pressed 225 for 6", S("Floor Press", 225, 6))
add(V, "tbar 115 for 12", S("T-Bar Row", 115, 12))
add(V, "chest supported rows 60s for 12", S("Chest-Supported Row", 60, 12))
add(V, "cable rows 180 for 10", S("Seated Cable Row", 180, 10))
add(V, "rope pushdowns 60 for 15", S("Triceps Pushdown", 60, 15), note="rope attachment is still a triceps pushdown")
add(V, "pec dec 140 for 12", S("Pec Deck", 140, 12), note="ASR spelling 'dec'")
add(V, "cable flyes 30 for 15", S("Cable Fly", 30, 15))
add(V, "side raises 20s for 15", S("Dumbbell Lateral Raise", 20, 15))
add(V, "db shrugs 100s for 12", S("Dumbbell Shrug", 100, 12))
add(V, "bb shrugs 315 for 10", S("Barbell Shrug", 315, 10))
add(V, "rack pulls 545 for 3", S("Rack Pull", 545, 3))
add(V, "deficit deads 405 for 3", S("Deficit Deadlift", 405, 3), note="deads = deadlifts")
add(V, "box squats 275 for 3", S("Box Squat", 275, 3))
add(V, "front squatted 225 for a triple", S("Front Squat", 225, 3))
add(V, "goblets with the 70 for 10", S("Goblet Squat", 70, 10))
add(V, "nordics 3 by 5", S("Nordic Curl", None, 5, sets=3))
add(V, "dips plus 45 for 8", S("Dip", 45, 8), note="added load on a bodyweight move")
add(V, "weighted chins plus 25 for 6", S("Chin-Up", 25, 6))
add(V, "knocked out 30 push ups", S("Push-Up", None, 30))
add(V, "leg ext 120 for 15", S("Leg Extension", 120, 15))
add(V, "ham curls 90 for 12", S("Leg Curl", 90, 12), note="ham(string) curls = leg curl")
add(V, "preachers 65 for 10", S("Preacher Curl", 65, 10))
add(V, "arnolds 45s for 10", S("Arnold Press", 45, 10))
add(V, "z press 115 for 5", S("Z Press", 115, 5))
add(V, "upright rows 95 for 12", S("Upright Row", 95, 12))
add(V, "rear delt flys 20s for 15", S("Reverse Fly", 20, 15))
add(V, "power cleans 185 for 3", S("Power Clean", 185, 3))
add(V, "hang cleans 155 three triples", S("Hang Clean", 155, 3, sets=3), note="three triples = 3 sets of 3")
add(V, "snatched 135 for a single", S("Snatch", 135, 1))
add(V, "clean and jerk 100 kilos single", S("Clean and Jerk", 100, 1, unit="kg"))
add(V, "kb swings 32 kilos for 20", S("Kettlebell Swing", 32, 20, unit="kg"))
add(V, "bent over rows 185 for 8", S("Barbell Row", 185, 8))
add(V, "zercher squats 225 for 5", S("Zercher Squat", 225, 5), note=NC)
add(V, "larsen press 225 for 6", S("Larsen Press", 225, 6), note=NC)
add(V, "belt squats 180 for 12", S("Belt Squat", 180, 12), note=NC)
add(V, "back extensions with a 45 for 12", S("Back Extension", 45, 12), note=NC + "; holding a 45 plate = added load 45")
add(V, "hanging leg raises 15", S("Hanging Leg Raise", None, 15), note=NC)
add(V, "incline bench a buck thirty five for 10", S("Incline Barbell Bench Press", 135, 10), note="'a buck' = 100 lb: a buck thirty five = 135")
add(V, "repped 225 for 10", U, note="no exercise recoverable, no context: unparsed")
add(V, "hit 315 for 5 felt good", U, note="no exercise, no context: unparsed")
add(V, "pressed 135 overhead for 5", S(OHP, 135, 5))
add(V, "cranked out 12 dips", S("Dip", None, 12))
add(V, "smith squats 185 for 10", S("Smith Machine Squat", 185, 10))
add(V, "pin squats 275 for 3", S("Pin Squat", 275, 3))
add(V, "chest press machine 160 for 12", S("Machine Chest Press", 160, 12))
add(V, "military press 135 for 5", S(OHP, 135, 5), note="military press = overhead press")
add(V, "did a double at 315 on bench", S(BBP, 315, 2))
add(V, "deadlifted 405 for 4", S(DL, 405, 4))
add(V, "squatted 140 kilos for a triple", S(SQ, 140, 3, unit="kg"))
add(V, "seated calf raises 135 for 20", S("Calf Raise", 135, 20), note="seated variant still Calf Raise in the catalog")

# ---------------------------------------------------------------- 5. rpe_rir
R = "rpe_rir"
RIRN = "only RIR said: rpe = 10 - rir"
FAIL = "failure convention: rpe 10, rir 0, to_failure true"
add(R, "bench 225 for 8 that was a 9", S(BBP, 225, 8, rpe=9))
add(R, "squat 315 for 5 felt like an 8 and a half", S(SQ, 315, 5, rpe=8.5))
add(R, "deadlift 405 for 3 rpe nine point five", S(DL, 405, 3, rpe=9.5))
add(R, "ohp 135 for 6 one left in the tank", S(OHP, 135, 6, rir=1), note=RIRN)
add(R, "barbell rows 185 for 8 two in reserve", S("Barbell Row", 185, 8, rir=2), note=RIRN)
add(R, "incline bench 185 for 8 had maybe 3 more", S("Incline Barbell Bench Press", 185, 8, rir=3), note=RIRN + "; 'had 3 more' = 3 in reserve")
add(R, "pull ups bodyweight to failure got 14", S("Pull-Up", None, 14, fail=True), note=FAIL)
add(R, "leg press 450 went to failure at 22", S("Leg Press", 450, 22, fail=True), note=FAIL)
add(R, "curls 30s until failure 15 reps", S("Dumbbell Curl", 30, 15, fail=True), note=FAIL)
add(R, "bench 205 for 5 at an eight", S(BBP, 205, 5, rpe=8))
add(R, "squat 275 x 8 @8", S(SQ, 275, 8, rpe=8))
add(R, "RDL 225 for 10 RPE 7 to 8", S(RDL, 225, 10, rpe=7.5), note="RPE range: midpoint 7.5")
add(R, "easy set, bench 135 for 10", S(BBP, 135, 10), note="'easy' is not an RPE: rpe null")
add(R, "front squat 225 for 3 r p e eight", S("Front Squat", 225, 3, rpe=8))
add(R, "bench 225 for 5 at 9", S(BBP, 225, 5, rpe=9), note="bare 'at 9' after the reps = RPE")
add(R, "deadlift 455 for 2 rpe 10", S(DL, 455, 2, rpe=10), note="RPE 10 said, no failure said: rir null, to_failure false")
add(R, "squat 335 for 3, zero in the tank", S(SQ, 335, 3, rir=0), note=RIRN + "; RIR 0 is not a failed rep: to_failure false")
add(R, "ohp 115 for 8 three reps in reserve", S(OHP, 115, 8, rir=3), note=RIRN)
add(R, "lat pulldown 140 for 12 could've done two more", S("Lat Pulldown", 140, 12, rir=2), note=RIRN)
add(R, "hip thrust 315 for 10 rpe 6", S("Hip Thrust", 315, 10, rpe=6))
add(R, "bench 245 for 3 at rpe 8.5", S(BBP, 245, 3, rpe=8.5))
add(R, "squat 365 single @9.5", S(SQ, 365, 1, rpe=9.5))
add(R, "db bench 80s for 8, rpe 8 two in the tank", S("Dumbbell Bench Press", 80, 8, rpe=8, rir=2), note="both said and consistent")
add(R, "bench 225 for 8 rpe 8 no actually more like a 9", S(BBP, 225, 8, rpe=9), note="self-correction: last value wins")
add(R, "skull crushers 80 for 12 to failure", S("Skull Crusher", 80, 12, fail=True), note=FAIL)
add(R, "dips till failure 21 reps", S("Dip", None, 21, fail=True), note=FAIL)
add(R, "leg extensions 100 for 15 felt like a 7", S("Leg Extension", 100, 15, rpe=7))
add(R, "squat 3x5 at 275 rpe 7", S(SQ, 275, 5, sets=3, rpe=7))
add(R, "deadlift 405 for 5, last rep was a grind, call it a nine and a half", S(DL, 405, 5, rpe=9.5))
add(R, "bench 185 for 10 super easy like a 6", S(BBP, 185, 10, rpe=6))
add(R, "hammer curls 35s for 12 left one in the tank", S("Hammer Curl", 35, 12, rir=1), note=RIRN)
add(R, "ohp 135 for 5 at like a seven", S(OHP, 135, 5, rpe=7))
add(R, "pendlay rows 185 for 5, 2 RIR", S("Pendlay Row", 185, 5, rir=2), note=RIRN)
add(R, "bench 225 got 8 failed the 9th", S(BBP, 225, 8, fail=True), note="8 completed, 9th failed: " + FAIL)
add(R, "squat 315 for 5 at our PE 8", S(SQ, 315, 5, rpe=8), note="ASR 'our PE' = RPE")
add(R, "bench 4 sets of 6 at 185 all at rpe 7", S(BBP, 185, 6, sets=4, rpe=7))
add(R, "rdl 275 for 8, felt like an 8", S(RDL, 275, 8, rpe=8))
add(R, "squat 405 for 1 that was a 10", S(SQ, 405, 1, rpe=10), note="RPE 10 but no failure said")
add(R, "trap bar 405 for 6 maybe one more in me", S("Trap Bar Deadlift", 405, 6, rir=1), note=RIRN)
add(R, "bench 225 for 6 rpe 7.5", S(BBP, 225, 6, rpe=7.5))
add(R, "lateral raises 20s for 20 to failure", S("Dumbbell Lateral Raise", 20, 20, fail=True), note=FAIL)
add(R, "chin ups plus 45 for 5, 2 in the tank", S("Chin-Up", 45, 5, rir=2), note=RIRN)
add(R, "bench 275 for 2 rpe 8 to 9", S(BBP, 275, 2, rpe=8.5), note="RPE range: midpoint 8.5")
add(R, "squat 225 for 8 warm up easy", S(SQ, 225, 8), note="no RPE said")
add(R, "goblet squat 70 for 15 had like 4 more", S("Goblet Squat", 70, 15, rir=4), note=RIRN)
add(R, "bench 205 for 8 at rpe 9 one in the tank", S(BBP, 205, 8, rpe=9, rir=1))
add(R, "deadlift 500 for 1, rpe 9", S(DL, 500, 1, rpe=9))
add(R, "push ups to failure 42", S("Push-Up", None, 42, fail=True), note=FAIL)
add(R, "squat 315 for 8 until failure", S(SQ, 315, 8, fail=True), note=FAIL)
add(R, "machine chest press 200 for 10 rir 2", S("Machine Chest Press", 200, 10, rir=2), note=RIRN)
add(R, "uh okay front squat 185 for 5 r.p.e. six and a half", S("Front Squat", 185, 5, rpe=6.5))
add(R, "face pulls 40 for 20 like 5 reps left honestly", S("Face Pull", 40, 20, rir=5), note=RIRN)

# ---------------------------------------------------------------- 6. relative_context
X = "relative_context"
CTX_SQ = S(SQ, 315, 5, rpe=8)
CTX_BP = S(BBP, 225, 8, rpe=8)
CTX_DL = S(DL, 405, 3, rpe=9)
CTX_SQKG = S(SQ, 140, 5, rpe=7, unit="kg")
CTX_BPKG = S(BBP, 100, 5, unit="kg")
CTX_PU = S("Pull-Up", None, 10)
CTX_WPU = S("Pull-Up", 25, 6)
CTX_OHP = S(OHP, 135, 5, rpe=7)
CTX_LP = S("Leg Press", 450, 12)
CTX_ROW = S("Dumbbell Row", 90, 10, ps=True)
CTX_CURL = S("Dumbbell Curl", 30, 12)
CTX_RDL = S(RDL, 225, 8, rpe=7)
CTX_INC = S("Incline Dumbbell Press", 70, 10)
CTX_HT = S("Hip Thrust", 315, 10)
CTX_LPD = S("Lat Pulldown", 150, 12)
CAR = "exercise, unit, weight carry from context; rpe not carried"
add(X, "added ten pounds, 5 reps", S(SQ, 325, 5), CTX_SQ, note=CAR + "; 315 + 10")
add(X, "drop twenty, got 8", S(SQ, 295, 8), CTX_SQ, note=CAR + "; 315 - 20")
add(X, "five kilos less for 6", S(SQ, 135, 6, unit="kg"), CTX_SQKG, note=CAR + "; 140 - 5 kg")
add(X, "same weight two more reps", S(BBP, 225, 10), CTX_BP, note=CAR + "; reps = 8 + 2")
add(X, "same thing for 6", S(BBP, 225, 6), CTX_BP, note=CAR)
add(X, "another set of 8", S(BBP, 225, 8), CTX_BP, note=CAR + "; sets 1 (this utterance logs one set)")
add(X, "went up to 335 for 3", S(SQ, 335, 3), CTX_SQ, note="exercise carries; new absolute weight")
add(X, "back down to 275 for 10", S(SQ, 275, 10), CTX_SQ, note="exercise carries")
add(X, "one more set", S(SQ, 315, 5), CTX_SQ, note="plain repeat: weight and reps carry, rpe not")
add(X, "same again that one was a 9", S(BBP, 225, 8, rpe=9), CTX_BP, note="repeat with a newly said RPE")
add(X, "same, only got 8 though", S("Pull-Up", None, 8), CTX_PU, note="bodyweight carries: weight null")
add(X, "added ten, got 5", S("Pull-Up", 35, 5), CTX_WPU, note="added load 25 + 10")
add(X, "four twenty five for a double", S(DL, 425, 2), CTX_DL, note="exercise carries")
add(X, "up five same reps", S(OHP, 140, 5), CTX_OHP, note=CAR + "; 'same reps' carries reps")
add(X, "threw a ten on each side same reps", S(SQ, 335, 5), CTX_SQ, note="a 10 per side = +20")
add(X, "went up 5 kilos for 3", S(BBP, 105, 3, unit="kg"), CTX_BPKG, note=CAR)
add(X, "same for 10 then", S("Dumbbell Curl", 30, 10), CTX_CURL, note=CAR)
add(X, "same weight 12 each arm", S("Dumbbell Row", 90, 12, ps=True), CTX_ROW, note=CAR + "; per side said")
add(X, "same thing for 8", S("Dumbbell Row", 90, 8, ps=True), CTX_ROW, note="per_side carries with the exercise on 'same thing'")
add(X, "now bench 225 for 8", S(BBP, 225, 8), CTX_SQ, note="new exercise and weight said: nothing carries")
add(X, "same weight for 5 at rpe 9", S(SQ, 315, 5, rpe=9), CTX_SQ, note=CAR)
add(X, "315 again for 4", S(SQ, 315, 4), CTX_SQ, note="exercise carries")
add(X, "dropped to 185 got 12", S(BBP, 185, 12), CTX_BP, note="exercise carries")
add(X, "same weight for a triple felt like a 9", S(DL, 405, 3, rpe=9), CTX_DL, note=CAR)
add(X, "another 8", S(RDL, 225, 8), CTX_RDL, note="another set of 8: weight carries, rpe not")
add(X, "same weight till failure got 11", S(BBP, 225, 11, fail=True), CTX_BP, note=CAR + "; " + FAIL)
add(X, "did 3 more sets like that", S(SQ, 315, 5, sets=3), CTX_SQ, note="repeat x3: sets 3")
add(X, "twenty pounds lighter ten reps", S(BBP, 205, 10), CTX_BP, note=CAR)
add(X, "minus ten kilos for 8", S(SQ, 130, 8, unit="kg"), CTX_SQKG, note=CAR)
add(X, "same weight 3 sets of 5", S(OHP, 135, 5, sets=3), CTX_OHP, note=CAR)
add(X, "same for 7", S(BBP, 225, 7), CTX_BP, note=CAR)
add(X, "add ninety for 10", S("Leg Press", 540, 10), CTX_LP, note=CAR)
add(X, "same weight one less rep", S(BBP, 225, 7), CTX_BP, note=CAR + "; reps = 8 - 1")
add(X, "up to 365, 8 reps", S("Hip Thrust", 365, 8), CTX_HT, note="exercise carries")
add(X, "plus 25 for 6", S("Pull-Up", 25, 6), CTX_PU, note="added load on the carried bodyweight move")
add(X, "bodyweight only for 12", S("Pull-Up", None, 12), CTX_WPU, note="load removed: weight null")
add(X, "uh same weight, one in the tank, 8 reps", S(BBP, 225, 8, rir=1), CTX_BP, note=CAR + "; " + RIRN)
add(X, "same thing", S(SQ, 315, 5), CTX_SQ, note="plain repeat")
add(X, "then 315 for 8 back off", S(DL, 315, 8), CTX_DL, note="exercise carries")
add(X, "went to the 75s for 8", S("Incline Dumbbell Press", 75, 8), CTX_INC, note="exercise carries")
add(X, "two more sets same", S(SQ, 315, 5, sets=2), CTX_SQ, note="repeat x2")
add(X, "knock off 10 pounds same reps", S(BBP, 215, 8), CTX_BP, note=CAR)
add(X, "225 for 8", S(SQ, 225, 8), CTX_SQ, note="no exercise said: exercise carries")
add(X, "same weight to failure 15", S("Lat Pulldown", 150, 15, fail=True), CTX_LPD, note=FAIL)
add(X, "again", S(DL, 405, 3), CTX_DL, note="plain repeat: rpe not carried")
add(X, "same weight 4 sets of 5 at rpe 8", S(BBP, 100, 5, sets=4, rpe=8, unit="kg"), CTX_BPKG, note=CAR)
add(X, "now squat two plates for 5", S(SQ, 225, 5), CTX_BP, note="new exercise; plate convention 225")
add(X, "same thing but 3 reps", S(OHP, 135, 3), CTX_OHP, note=CAR)
add(X, "went heavier with the 35s for 8", S("Dumbbell Curl", 35, 8), CTX_CURL, note="exercise carries")
add(X, "another set, 4 reps", S(SQ, 315, 4), CTX_SQ, note=CAR)
add(X, "added 10 for a triple", S(SQ, 325, 3), CTX_SQ, note=CAR + "; unit of the delta = context unit")
add(X, "same weight 2 more reps", S(SQ, 140, 7, unit="kg"), CTX_SQKG, note=CAR)

# ---------------------------------------------------------------- 7. cardio
K = "cardio"
add(K, "5 mile run at 8:30 pace", C(None, 5, "mi", pace=510))
add(K, "easy 30 minutes", C("easy", dur=1800))
add(K, "tempo 4 miles at seven forty five", C("tempo", 4, "mi", pace=465), note="'at seven forty five' after a distance = pace 7:45/mi")
add(K, "6 by 400 at 1:30", C("intervals", iv=IV(6, 400, "m", 90)), note="400 = meters on the track")
add(K, "long run 13.1 in 1:52:10", C("long", 13.1, "mi", dur=t("1:52:10")))
add(K, "raced a 5k, 22:47", C("race", 5, "km", dur=t("22:47")))
add(K, "hill repeats 8 times 90 seconds", C("hills", iv=IV(8, None, None, 90)))
add(K, "recovery jog 3 miles", C("recovery", 3, "mi"))
add(K, "8 by 800 at 3:10", C("intervals", iv=IV(8, 800, "m", 190)))
add(K, "6 times 1k at 4:00", C("intervals", iv=IV(6, 1, "km", 240)))
add(K, "half marathon race 1:45:30", C("race", 21.0975, "km", dur=6330))
add(K, "ran 10k at 5:15 per k", C(None, 10, "km", pace=315, pu="km"))
add(K, "fartlek 40 minutes", C("fartlek", dur=2400))
add(K, "warm up mile", C("warmup", 1, "mi"))
add(K, "cooldown 10 minutes easy", C("cooldown", dur=600), note="it is the cooldown; 'easy' describes the effort")
add(K, "10k race 48:12", C("race", 10, "km", dur=t("48:12")))
add(K, "finished the marathon, chip time 3:58:47", C("race", 42.195, "km", dur=t("3:58:47")), note="chip time = an official race")
add(K, "easy 6 miles nine forty five pace", C("easy", 6, "mi", pace=585))
add(K, "treadmill 2.5 miles in 22 minutes", C(None, 2.5, "mi", dur=1320))
add(K, "4 by mile at 6:50", C("intervals", iv=IV(4, 1, "mi", 410)))
add(K, "12 by 200 meters at 40 seconds", C("intervals", iv=IV(12, 200, "m", 40)))
add(K, "tempo run twenty minutes at seven oh five pace", C("tempo", dur=1200, pace=425, pu="mi"), note="no distance: pace unit defaults to miles")
add(K, "long run 18 miles 9 minute pace", C("long", 18, "mi", pace=540))
add(K, "ran 8 k in 40 minutes", C(None, 8, "km", dur=2400))
add(K, "recovery run 25 minutes", C("recovery", dur=1500))
add(K, "5 times 1000 meters at 3:45", C("intervals", iv=IV(5, 1000, "m", 225)))
add(K, "hills 10 by 60 seconds", C("hills", iv=IV(10, None, None, 60)))
add(K, "easy five k", C("easy", 5, "km"))
add(K, "ran 3.1 miles in 25 flat", C(None, 3.1, "mi", dur=1500))
add(K, "mile race 5:48", C("race", 1, "mi", dur=t("5:48")))
add(K, "10 mile long run in 1:25:00", C("long", 10, "mi", dur=t("1:25:00")))
add(K, "intervals 6 by 800 3 minutes each", C("intervals", iv=IV(6, 800, "m", 180)))
add(K, "ran 45 minutes at 8:15 pace", C(None, dur=2700, pace=495, pu="mi"))
add(K, "warmup 2k", C("warmup", 2, "km"))
add(K, "300 meter repeats 10 times at 58 seconds", C("intervals", iv=IV(10, 300, "m", 58)))
add(K, "easy run 4 miles thirty eight minutes", C("easy", 4, "mi", dur=2280))
add(K, "tempo 5k at 4:30 per k", C("tempo", 5, "km", pace=270, pu="km"))
add(K, "recovery 2 miles at 10 minute pace", C("recovery", 2, "mi", pace=600))
add(K, "long run 20k", C("long", 20, "km"))
add(K, "uh okay so long run a half marathon 1:58", C("long", 21.0975, "km", dur=t("1:58:00")), note="1:58 for a half marathon can only be 1 h 58 min")
add(K, "ran 6 miles at eight thirty pace", C(None, 6, "mi", pace=510))
add(K, "track 4 by 1600 at 6:20", C("intervals", iv=IV(4, 1600, "m", 380)))
add(K, "easy 10 k fifty five minutes", C("easy", 10, "km", dur=3300))

# ---------------------------------------------------------------- 8. unparsed
N = "unparsed"
add(N, "uh what was I doing", U)
add(N, "log that", U, note="nothing to log, no context")
add(N, "same", U, note="'same' with no context")
add(N, "225 for 8", U, note="no exercise and no context")
add(N, "my knee hurts", U)
add(N, "set a timer for two minutes", U, note="a command, not a set; 'two minutes' is not a run")
add(N, "okay um", U)
add(N, "same thing for 6", U, note="relative with no context")
add(N, "added ten pounds five reps", U, note="relative with no context")
add(N, "how much did I squat last week", U, note="a question, not a set")
add(N, "delete that last set", U)
add(N, "three plates for 5", U, note="no exercise, no context")
add(N, "for 8 at rpe 9", U)
add(N, "next exercise", U)
add(N, "rest 90 seconds", U, note="rest period, not a run")
add(N, "play my lifting playlist", U)
add(N, "I'm gonna do bench next", U, note="intention, nothing done")
add(N, "what's my one rep max on deadlift", U, note="a question")
add(N, "one more set", U, note="repeat with no context")
add(N, "eight", U)
add(N, "uh sorry wrong button", U)
add(N, "did 8 sets of to", U, note="no exercise; 'to' not a plausible number")

# ---------------------------------------------------------------- write
keys = [(c[1].lower(), json.dumps(c[2], sort_keys=True)) for c in CASES]
dups = {x for x in keys if keys.count(x) > 1}
assert not dups, dups
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "utterances.jsonl")
with open(out, "w") as f:
    for i, (cls, text, ctx, ud, gold, note) in enumerate(CASES, 1):
        rec = {"id": "d%03d" % i, "class": cls, "text": text, "context": ctx, "unit_default": ud, "gold": gold}
        if note:
            rec["note"] = note
        f.write(json.dumps(rec) + "\n")
from collections import Counter
print(len(CASES), Counter(c[0] for c in CASES))
