-- Spotter sample knowledge base: 23 chunks in the brief's six categories.
-- Same shape as the Supabase table: knowledge_base(id uuid, category text, title text, content text,
-- metadata jsonb, created_at timestamptz). Loadable into SQLite (as `spotter kb export` does with no --db-url)
-- and into PostgreSQL (psql -f). General training guidance written for the sample project; not medical advice.
-- Statements are separated by ';' at the end of a line; strings use '' for an apostrophe.

CREATE TABLE knowledge_base (
  id uuid PRIMARY KEY NOT NULL,
  category text NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  metadata jsonb,
  created_at timestamptz
);

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010001-0000-4000-8000-100000000001', 'mvq', 'MVQ overview: the onboarding flow',
  'The Minimum Viable Questionnaire (MVQ) is the smallest set of onboarding questions a coach needs before writing a safe, useful first program. It has six core questions, asked in this order: (1) primary goal, (2) training experience, (3) equipment access, (4) training frequency and session length, (5) injuries and health screening, and (6) lifestyle and preferences (sleep, stress, exercises the person enjoys or dislikes). Each answer changes the program; anything that would not change the program is left out of onboarding and learned later from training logs.

Why keep it minimal: every extra question lowers the share of people who finish onboarding, and most details (exact rep maxes, mobility limits, favourite exercises) are measured more accurately in the first two weeks of logged training than from self-report. The whole questionnaire should take about 2 to 3 minutes.

Rules for asking:
- Ask one question at a time, in plain language, and offer example answers ("for example: build muscle, get stronger, lose fat").
- Safety first: if the health screen raises a red flag (chest pain, fainting, a recent surgery, a diagnosed heart condition), stop programming and advise the person to get medical clearance before training.
- When an answer is vague, ask one short follow-up instead of guessing. "I have some weights" becomes "Which weights: dumbbells, a barbell, machines? What is the heaviest dumbbell you have?"
- When the person skips a question, use a conservative default and say so: beginner experience, 3 full-body sessions per week of about 45 minutes, bodyweight and dumbbell exercises.

After onboarding, summarise the answers back in two or three sentences and confirm them before generating the plan. Re-run the questionnaire every 8 to 12 weeks, or sooner when the goal, schedule, equipment or injury status changes, because the program should follow the person, not the other way round.',
  '{"order":1,"source":"spotter-sample","tags":["onboarding","questionnaire"],"version":1}', '2025-11-07T09:00:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010002-0000-4000-8000-100000000002', 'mvq', 'MVQ question 1: primary goal',
  'Question: "What is your main goal for the next 12 weeks?" Offer five answers: build muscle (hypertrophy), get stronger (strength or powerlifting), lose fat (body recomposition), general fitness and health, or performance for a sport.

Why it matters: the goal decides the rep ranges, the loads, the amount of weekly volume and the exercise selection.
- Strength: most work on the main lifts in the 1 to 6 rep range with heavy loads (roughly 80 to 90 percent of a one-rep max), long rests of 3 to 5 minutes, and lots of practice of the lifts that will be tested.
- Hypertrophy: most work in the 6 to 12 rep range, taken close to failure (about 1 to 3 reps in reserve); rests of 1.5 to 3 minutes. Muscle also grows with sets of 5 to 30 reps when they are taken close to failure, so the range is a preference, not a law.
- Fat loss: keep lifting with moderate-to-heavy loads so muscle is kept while eating in a calorie deficit; the deficit, not the exercise choice, drives fat loss. Add cardio and daily steps for extra energy expenditure and health.
- General fitness: two or three full-body strength sessions per week plus cardio covers the health guidelines (muscle-strengthening activity on at least 2 days and 150 to 300 minutes of moderate cardio per week).
- Sport performance: strength work supports the sport and is scheduled around its practices and competitions.

Follow-ups: ask for one secondary goal, because many people want two things (for example, lose fat and get stronger); the primary goal sets the program structure and the secondary goal adjusts it. Ask whether there is a date that matters (a meet, a wedding, a season start) because a date changes the plan into a periodised countdown.

Pitfall: people often name an outcome ("tone up"). Translate it and confirm: "tone up" usually means build some muscle and lose some fat, which is a hypertrophy program with a modest calorie deficit.',
  '{"order":2,"source":"spotter-sample","tags":["goal","questionnaire"],"version":1}', '2025-11-07T09:01:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010003-0000-4000-8000-100000000003', 'mvq', 'MVQ question 2: training experience',
  'Question: "How long have you been lifting weights consistently, meaning at least twice a week without long breaks?" Follow-ups: "Which exercises do you already do with good technique?" and "In the last few months, how fast have your lifts gone up?"

Why it matters: experience sets the starting volume, the exercise complexity and the progression model. A beginner makes progress from session to session and needs little volume; an advanced lifter needs more volume, more variation and planned blocks to keep progressing.

How to read the answers:
- Count consistent training time, not calendar time since the first gym visit. Two years of on-and-off training with long breaks is often closer to six months of real training age.
- Subtract long breaks: after a layoff of several months, start one level lower for the first 2 to 4 weeks; strength returns faster than it was first built, so move back up quickly.
- Progression rate is the best single marker. If the person can still add weight to the main lifts every session or every week, they are a beginner or early intermediate whatever the calendar says.
- Technique: a person who cannot yet squat, hinge and press with consistent form should be programmed as a beginner, with simpler exercises first (goblet squat before back squat, for example).

Mapping to levels (see the experience classification chunks): under 1 year of consistent training is beginner, 1 to 3 years is intermediate, more than 3 years is advanced, and 5 or more years with competitive-level strength is elite. When the signals disagree (many years but slow, inconsistent training), trust progression rate and technique over years.

Pitfall: self-rating. People who say "I''m advanced" after one year usually mean motivated; ask about their numbers and progress instead of accepting the label. When in doubt, start lower: it is easy to add volume in week 2 and hard to undo a bad first week of soreness or a tweak.',
  '{"order":3,"source":"spotter-sample","tags":["experience","questionnaire"],"version":1}', '2025-11-07T09:02:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010004-0000-4000-8000-100000000004', 'mvq', 'MVQ question 3: equipment access',
  'Question: "Where will you train, and what equipment do you have?" Offer four answers: full commercial gym; home gym with a barbell and rack; dumbbells only; bands and bodyweight only.

Why it matters: every exercise in the program must be doable with what the person has. A program full of barbell squats is useless for someone with a pair of dumbbells, and choosing exercises the person cannot load heavily enough changes how progression has to work.

Follow-ups by answer:
- Dumbbells only: "Are they adjustable, and what is the heaviest weight per hand?" The heaviest dumbbell sets the ceiling for lower-body loading; when a goblet squat gets easy, progression moves to single-leg exercises (split squats, step-ups), slower tempos, pauses and higher reps.
- Home gym: "Do you have a rack with safety arms, a bench, a pull-up bar, and how much plate weight?" Safety arms or spotter bars decide whether heavy bench presses and squats to failure are safe when training alone.
- Bands and bodyweight: "Do you have a pull-up bar or a sturdy table for rows?" Pulling is the pattern most often missing at home.
- Commercial gym: ask about busy hours and any machines the person likes, and note whether they train alone (no spotter).

Also ask about space (room to lunge, ceiling height for overhead presses) and flooring for deadlifts.

Use the answer to choose exercises by movement pattern (squat, hinge, push, pull, single-leg, core) and pick the best available option for each; the equipment substitution chunks list alternatives for the squat, bench/push and hinge patterns. If the equipment changes later, for example when travelling, swap exercises within the same pattern and keep the rest of the plan.',
  '{"order":4,"source":"spotter-sample","tags":["equipment","questionnaire"],"version":1}', '2025-11-07T09:03:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010005-0000-4000-8000-100000000005', 'mvq', 'MVQ question 4: training frequency and session length',
  'Question: "How many days per week can you realistically train, and how long can each session be?" Ask for the number the person can keep up on a busy week, not on their best week.

Why it matters: frequency and session length decide the split and how the weekly volume is distributed. The research-backed target for most goals is to train each muscle about twice a week; the split is simply the way to fit that into the available days.

Split by days per week:
- 2 days: two full-body sessions. Works well for beginners and busy people; each session covers a squat or lunge, a hinge, a push, a pull and optional core.
- 3 days: full body three times a week (for example Monday, Wednesday, Friday). The default for beginners.
- 4 days: upper/lower split, each muscle trained twice a week. The default for intermediates.
- 5 to 6 days: push/pull/legs or an upper/lower/full-body hybrid. Only for people who can recover from that schedule and enjoy training often.

Session length: 45 to 75 minutes is enough for almost everyone. With 30 to 45 minutes, use supersets of non-competing exercises (for example a row paired with a press) and fewer exercises with the same number of hard sets.

Also ask which days are fixed and which vary. Leave at least one rest day between two hard sessions for the same muscles when possible; back-to-back days are fine when the split alternates muscle groups.

Pitfall: people overestimate their availability. A plan of 3 sessions done every week beats a plan of 5 sessions done half the time, so plan for the realistic number and add a day later if the person wants one.',
  '{"order":5,"source":"spotter-sample","tags":["frequency","schedule","questionnaire"],"version":1}', '2025-11-07T09:04:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010006-0000-4000-8000-100000000006', 'mvq', 'MVQ question 5: injuries and health screening',
  'Question: "Do you have any current pain or injuries, past surgeries, or medical conditions I should know about?" Follow-up for each pain: "Where is it, what movements make it worse, and how bad is it from 0 to 10?"

Why it matters: safety first, then exercise choice. Pain changes which exercises and ranges of motion are used, and some answers mean the person should see a doctor before starting.

Stop and refer to a doctor before training when the person reports: chest pain or pressure with exertion, fainting or dizziness during activity, unexplained shortness of breath, a diagnosed heart condition, uncontrolled high blood pressure, pregnancy complications, or surgery in the last few months without clearance from the surgeon. This follows standard pre-participation screening (such as the PAR-Q+).

For musculoskeletal pain without red flags, use the pain-monitoring approach: an exercise is acceptable if pain during it stays at or below 3 out of 10 and is back to its usual level by the next morning. If pain goes above 3 out of 10 or is worse the next day, reduce the load, the range of motion or the volume, or swap to a variation that does not hurt. Complete rest is rarely needed; keep training everything that does not hurt.

The coach does not diagnose. Say clearly that the advice is general, and recommend a physiotherapist or doctor for pain that lasts more than 2 to 3 weeks, gets steadily worse, wakes the person at night, or came from a sudden injury with swelling, a pop, or inability to bear weight. The injury modification chunks give the region-by-region adjustments (shoulder, lower back, knee) and their red flags.

Record every answer: the program must not include movements that the person said hurt, and the check-ins should ask about the same pain again.',
  '{"order":6,"source":"spotter-sample","tags":["injury","screening","safety","questionnaire"],"version":1}', '2025-11-07T09:05:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b010007-0000-4000-8000-100000000007', 'mvq', 'MVQ question 6: lifestyle, recovery and preferences',
  'Question: "How many hours do you usually sleep, how stressful is your life right now, and are there exercises you love or hate?" Optionally ask age and daily activity (desk job or on your feet all day).

Why it matters: adherence is the strongest predictor of results, and recovery decides how much training a person can benefit from. Two people with the same goal and experience can need different volumes because one sleeps 8 hours with low stress and the other sleeps 5 hours while working long shifts.

How to use the answers:
- Sleep: adults need 7 to 9 hours. With consistently less than 7 hours, start at the low end of the volume range for the person''s level and progress more slowly; suggest sleep improvements before adding training.
- Stress: high work or life stress reduces recovery in the same way as poor sleep. Keep the plan flexible, with a shorter "minimum session" for hard days.
- Physical job: people on their feet all day, or lifting at work, may need less lower-body volume and should avoid heavy leg sessions right before a long shift.
- Age: older lifters (for example over 50) usually do well with the same principles, slightly longer warm-ups, a bit more recovery between hard sessions and a gradual ramp-up in the first weeks; strength training is especially valuable with age.
- Preferences: include exercises the person enjoys whenever they fit the movement pattern, and replace disliked ones with an equivalent. Someone who hates running can do cycling or brisk walking for cardio.

Close the questionnaire by stating the plan assumptions ("3 days, 60 minutes, dumbbells, no current pain, about 7 hours of sleep") so the person can correct anything before the first session.',
  '{"order":7,"source":"spotter-sample","tags":["lifestyle","recovery","adherence","questionnaire"],"version":1}', '2025-11-07T09:06:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b020001-0000-4000-8000-200000000001', 'experience_classification', 'Beginner classification (0-1 year)',
  'Definition: a beginner has less than 1 year of consistent resistance training (at least twice a week), or more time but without structured progression, or does not yet perform the main movement patterns with consistent technique.

Markers:
- Progress is fast: the main lifts go up from one session to the next, or at least every week, on a simple program.
- Technique is still being learned; form changes from set to set and under fatigue.
- Strength is usually below these rough standards for men (women are typically lower, especially for upper-body lifts): back squat under about 1.25 times bodyweight, bench press under about 1.0 times bodyweight, deadlift under about 1.5 times bodyweight. Strength standards are secondary markers; progression rate and technique come first.
- Soreness after new exercises is strong in the first 2 to 3 weeks and then fades.

Programming for beginners:
- Frequency: 2 to 3 full-body sessions per week, each muscle trained 2 to 3 times a week.
- Volume: about 6 to 10 hard sets per muscle group per week is enough; more mostly adds soreness.
- Intensity: sets of 6 to 12 reps (5 to 8 on the main strength lifts) stopped 2 to 3 reps before failure, so technique stays good.
- Progression: linear progression. Add load every session while all sets are completed with good form: about 2.5 to 5 kg on lower-body lifts and 1 to 2.5 kg on upper-body lifts. When the jump is too large, add reps first (double progression).
- Exercise selection: a few stable, easy-to-learn variations per movement pattern (goblet squat, leg press, dumbbell bench press, lat pulldown, Romanian deadlift with light loads) and practice of the main lifts with lighter weights.

When a beginner stops being a beginner: when session-to-session progress stops on two or more main lifts for about 2 to 3 weeks despite good sleep, eating enough and a correct deload or reset, move to intermediate programming.',
  '{"order":1,"source":"spotter-sample","tags":["beginner","classification"],"version":1}', '2025-11-07T09:07:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b020002-0000-4000-8000-200000000002', 'experience_classification', 'Intermediate classification (1-3 years)',
  'Definition: an intermediate has about 1 to 3 years of consistent training, can perform the main lifts with stable technique, and can no longer add load every session; progress now comes week to week or over a few weeks.

Markers:
- Linear session-to-session progression has stalled on most main lifts even after resets.
- Technique is consistent on squat, hinge, press and row patterns, and the person can rate effort reasonably well (RPE or reps in reserve within about 1 rep).
- Rough strength standards for men (women typically lower, especially upper body): back squat about 1.25 to 1.75 times bodyweight, bench press about 1.0 to 1.25 times bodyweight, deadlift about 1.5 to 2.0 times bodyweight. Use these only as a cross-check.

Programming for intermediates:
- Frequency: 3 to 5 sessions per week; the default is a 4-day upper/lower split, training each muscle twice a week.
- Volume: about 10 to 16 hard sets per muscle group per week, starting at the low end and adding sets only while performance and recovery keep up.
- Intensity: main lifts in the 3 to 8 rep range at roughly 70 to 85 percent of one-rep max for strength goals; accessories in the 8 to 15 rep range at 1 to 3 reps in reserve.
- Progression: weekly progression models. Examples: double progression on accessories (work up to the top of a rep range on all sets, then add load), weekly undulating periodisation with a heavy and a light day for each main lift, or RPE-based autoregulation with a top set and back-off sets.
- Deloads: plan a lighter week every 4 to 8 weeks, or when performance drops in two consecutive sessions, cutting sets by about half while keeping some load.

Typical mistakes at this level: program-hopping every few weeks, adding volume without tracking whether it helps, and training every set to failure. Intermediates make steady progress by running one well-structured program for 8 to 12 weeks and adjusting it based on logged results.',
  '{"order":2,"source":"spotter-sample","tags":["intermediate","classification"],"version":1}', '2025-11-07T09:08:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b020003-0000-4000-8000-200000000003', 'experience_classification', 'Advanced classification (3+ years)',
  'Definition: an advanced lifter has more than 3 years of consistent, structured training, is well past the fast early gains, and progresses over a training block or several months rather than week to week.

Markers:
- Weekly progression no longer works reliably; improvements show up at the end of a 4 to 12 week block, often only after a planned taper or deload.
- Technique is refined and repeatable under heavy loads; the lifter knows their weak points (for example a slow lockout or losing position out of the hole).
- Rough strength standards for men (women typically lower, especially upper body): back squat about 1.75 to 2.25 times bodyweight, bench press about 1.25 to 1.5 times bodyweight, deadlift about 2.0 to 2.5 times bodyweight.
- Recovery becomes a limiting factor: a small increase in volume or intensity can push the lifter from productive training into accumulated fatigue.

Programming for advanced lifters:
- Frequency: 4 to 6 sessions per week, often training the main lifts 2 to 3 times a week with different variations.
- Volume: about 12 to 20 or more hard sets per muscle per week, individualised from training logs; the right number is found by adjusting and watching performance, not by a formula.
- Structure: block periodisation, with accumulation blocks (higher volume, moderate loads), intensification blocks (lower volume, heavier loads) and realisation blocks (peaking, low volume, very heavy singles or doubles), each usually 3 to 6 weeks.
- Exercise selection: targeted variations for weak points (pause squats, deficit deadlifts, close-grip or board presses) and accessories chosen for the muscles that limit the main lifts.
- Fatigue management: planned deloads, tracking bar speed or RPE drift, and attention to sleep, nutrition and stress outside training.

For advanced lifters the value of a coach is in small, well-justified adjustments; large changes in volume or frequency should be tested over a full block, not a single week.',
  '{"order":3,"source":"spotter-sample","tags":["advanced","classification"],"version":1}', '2025-11-07T09:09:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b020004-0000-4000-8000-200000000004', 'experience_classification', 'Elite classification (5+ years)',
  'Definition: an elite lifter has 5 or more years of dedicated training and strength or physique at a competitive level, typically placing at national or international competitions. Elite is defined by performance, not by training age alone: many people train for 10 years without reaching it.

Markers:
- Competitive results, for example a powerlifting total that places at national level in the lifter''s weight class, or an equivalent standard in weightlifting or bodybuilding.
- Rough strength standards for men (women typically lower, especially upper body): back squat about 2.5 times bodyweight or more, bench press about 1.75 to 2.0 times bodyweight or more, deadlift about 3.0 times bodyweight or more.
- Progress is slow and measured over a year or a competition season; a 1 to 2 percent gain in a competition lift can be a very good year.
- Small details matter: attempt selection, weight-class management, competition-specific technique, and peaking on the right day.

Programming for elite lifters:
- Training is planned around a competition calendar with macrocycles and clear peaks, usually one to three peaks per year.
- Volume and intensity are highly individual and based on years of logged data; blanket recommendations are of little use at this level.
- Monitoring is close: session RPE, bar velocity, body weight, sleep, and signs of overreaching, with coach and athlete adjusting each week.
- Injury risk management is a priority because a small injury close to a meet can cost a season; warm-ups, load management and early reporting of niggles are non-negotiable.

How a coaching assistant should handle elite users: do not give generic beginner or intermediate templates. Ask about the competition date, current maxes, recent training blocks and what worked before; suggest options and trade-offs rather than a single fixed plan; and defer to the athlete''s coach and medical team on injuries and weight cuts. An elite label should never be given on self-report alone; it requires competition-level numbers.',
  '{"order":4,"source":"spotter-sample","tags":["elite","classification"],"version":1}', '2025-11-07T09:10:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b030001-0000-4000-8000-300000000001', 'decision_trees', 'Decision tree: program selection',
  'Purpose: choose the program template from three MVQ answers: experience level, primary goal and days per week. Walk the tree in order; the first matching branch wins, then adjust for equipment and injuries.

Step 1: safety gate. If the health screen raised a red flag (chest pain with exertion, fainting, recent surgery without clearance), do not select a program: advise medical clearance first.

Step 2: experience level.
- Beginner (under 1 year):
  - 2 days per week: full-body A/B, each session 1 squat or lunge, 1 hinge, 1 push, 1 pull, 1 core exercise.
  - 3 days per week: full-body A/B alternated (A-B-A, then B-A-B the next week) with linear progression.
  - 4 or more days: still full-body on 3 days plus optional light cardio or mobility on the other days; beginners do not need more lifting days to progress.
- Intermediate (1 to 3 years):
  - 3 days: full body with a heavy, medium and light day (daily undulating).
  - 4 days: upper/lower split, twice a week each.
  - 5 to 6 days: push/pull/legs, or upper/lower plus a fifth session for weak points.
- Advanced (3 or more years): 4 to 6 days with block periodisation (accumulation, intensification, realisation); split chosen by the lifter''s recovery and preference.

Step 3: goal adjustment.
- Strength or powerlifting: the main lifts (squat, bench press, deadlift) 2 to 3 times a week, heavy work in the 1 to 6 rep range, accessories for weak points.
- Hypertrophy: more exercise variety, 6 to 12 reps on most sets, each muscle 2 times a week, weekly sets in the range for the level.
- Fat loss: keep the strength template for the level (do not switch to light "toning" work), add 2 to 3 cardio sessions or a daily step target, and let the calorie deficit drive fat loss.
- General fitness: full body 2 to 3 days plus 150 to 300 minutes of moderate cardio per week.

Step 4: constraints. Session time under 45 minutes: use supersets and keep only the highest-value exercises. Dumbbells or bodyweight only: keep the template and swap exercises within each movement pattern. Pain in a region: apply the injury modification rules for that region.

Output: the template name, the weekly schedule, and one sentence on why it fits ("3 days and beginner, so full-body A/B with linear progression").',
  '{"order":1,"source":"spotter-sample","tags":["program-selection","split","decision-tree"],"version":1}', '2025-11-07T09:11:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b030002-0000-4000-8000-300000000002', 'decision_trees', 'Decision tree: volume and frequency',
  'Purpose: decide how many hard sets per muscle group per week to program, and how to spread them. A hard set is a set taken within about 1 to 4 reps of failure; warm-up sets do not count.

Step 1: starting volume by experience level.
- Beginner: 6 to 10 hard sets per muscle per week.
- Intermediate: 10 to 16 hard sets per muscle per week.
- Advanced: 12 to 20 hard sets per muscle per week, sometimes more for lagging muscles, individualised from logs.
Start at the low end of the range. Research (for example Schoenfeld and colleagues'' 2017 meta-analysis) shows that muscle growth increases with weekly volume up to at least about 10 sets per muscle, with smaller returns beyond that, and that more is not always better.

Step 2: adjust for recovery. Sleep under 7 hours, high stress, a physical job, a calorie deficit or an age over about 50: use the low end of the range and progress more slowly.

Step 3: frequency. Split the weekly sets over at least 2 sessions per muscle. More than about 6 to 10 hard sets for one muscle in a single session gives diminishing returns: if the weekly target is 16 sets, use 2 sessions of 8 rather than 1 session of 16.

Step 4: weekly progression of volume. Every 1 to 2 weeks, if the check-in shows good recovery (performance stable or rising, soreness gone before the next session for that muscle, no joint pain), add 1 to 2 sets for the muscles that are the priority. If performance drops in two consecutive sessions, or the person reports feeling run down, stop adding and remove 2 to 4 sets, or take a deload.

Step 5: deload. Every 4 to 8 weeks, or when the rules above trigger it, cut the sets by about half for one week and keep loads moderate (about 2 to 4 reps further from failure than usual). Then restart at the volume of about two weeks before the deload.

Output: a table of weekly sets per muscle (chest, back, quads, hamstrings and glutes, shoulders, arms), the sessions they are in, and the rule for the next adjustment.',
  '{"order":2,"source":"spotter-sample","tags":["volume","frequency","decision-tree"],"version":1}', '2025-11-07T09:12:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b030003-0000-4000-8000-300000000003', 'decision_trees', 'Decision tree: exercise selection',
  'Purpose: fill each session with exercises that fit the goal, equipment, skill level and injuries. Choose by movement pattern first, then by the best available variation.

Step 1: list the patterns the session must cover: squat (knee-dominant), hinge (hip-dominant), horizontal push, vertical push, horizontal pull, vertical pull, single-leg work, and core (anti-extension and anti-rotation). A full-body session covers squat, hinge, one push, one pull and optionally core; an upper session covers two pushes and two pulls; a lower session covers squat, hinge, single-leg and calves or core.

Step 2: goal specificity.
- Strength or powerlifting: the competition lifts (back squat, bench press, deadlift) are the main exercises; variations (pause squat, close-grip bench press, Romanian deadlift) come second.
- Hypertrophy: the main lift per pattern can be any variation that lets the muscle be loaded safely through a full range of motion and close to failure; machines and dumbbells are as good as barbells for growth.
- General fitness: simple, low-skill variations (goblet squat, dumbbell row, push-up).

Step 3: skill and stability. Beginners start with stable, easy variations (leg press, goblet squat, machine or dumbbell press, lat pulldown) and learn the barbell lifts with light loads. More complex lifts are added once technique is consistent.

Step 4: equipment. If the first choice is not available, use the substitution lists (squat, bench/push, hinge) and keep the pattern.

Step 5: injuries. Remove variations that cause pain above 3 out of 10; use the region''s modifications (for example neutral-grip pressing for shoulder pain).

Step 6: order and count. Put the most demanding compound lift first while the person is fresh, then secondary compounds, then isolation exercises. Per session, 1 to 2 main compound lifts plus 2 to 4 accessories is enough; 4 to 6 exercises in total fits a 45 to 75 minute session.

Step 7: keep it stable. Keep the main exercises the same for at least 4 to 6 weeks so progress can be measured; rotate accessories at the start of a new block if the person wants variety.',
  '{"order":3,"source":"spotter-sample","tags":["exercise-selection","movement-patterns","decision-tree"],"version":1}', '2025-11-07T09:13:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b030004-0000-4000-8000-300000000004', 'decision_trees', 'Decision tree: progression strategies',
  'Purpose: decide how load, reps or sets increase over time, and what to do when progress stalls.

Step 1: pick the model by experience level.
- Beginner: linear progression. Each session, if all sets were completed with good form, add load next time: about 2.5 to 5 kg for lower-body lifts and 1 to 2.5 kg for upper-body lifts (smaller jumps for women and lighter lifters, using 0.5 to 1 kg plates where available).
- Intermediate: weekly progression. Options: double progression (for example 3 sets of 8 to 12: add reps until all sets reach 12, then add about 2.5 to 5 percent load and start again at 8), weekly undulating loads (a heavy day and a lighter volume day per lift), or RPE-based work (a top set at RPE 8, then back-off sets at about 90 percent of that load).
- Advanced: block periodisation. Accumulation (higher volume, about 65 to 75 percent of one-rep max), then intensification (lower volume, about 75 to 85 percent), then realisation or peaking (singles and doubles at about 87 to 95 percent), each block usually 3 to 6 weeks.

Step 2: check progress at each check-in. Progress means more load, more reps at the same load, or the same work at a lower RPE.

Step 3: when it stalls.
- A missed session or one bad day: repeat the same load next session.
- Stalled for 3 sessions in a row on a linear program: reset the load by about 10 percent and build back up; after two resets on the same lift, switch that lift to the next model (linear to weekly).
- Stalled for 2 to 3 weeks on a weekly model: check sleep, food intake and stress first, then take a deload week (about half the sets, moderate loads) and restart; if it still stalls, change the rep range or the variation for a block.
- Fat-loss phase: expect strength to hold, not rise; maintaining loads in a calorie deficit counts as success.

Step 4: always keep technique standards. A rep with clearly worse form does not count for progression, and load is never added to a lift that causes pain above 3 out of 10.

Output: the model, the exact rule for the next session ("next time 62.5 kg if all 3 sets of 5 are completed") and the stall rule.',
  '{"order":4,"source":"spotter-sample","tags":["progression","periodisation","decision-tree"],"version":1}', '2025-11-07T09:14:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b040001-0000-4000-8000-400000000001', 'equipment_substitutions', 'Squat pattern substitutions',
  'The squat pattern trains the quadriceps and glutes through knee and hip bending with the torso fairly upright. When the barbell back squat is not available or not suitable, choose a substitute that keeps the pattern and can still be loaded close to failure in the planned rep range.

Full gym (no squat rack, or the rack is busy): hack squat machine, leg press, Smith machine squat, or safety-bar squat. The leg press and hack squat allow heavy quad loading with little technique demand and are good choices for hypertrophy.

Barbell but no rack: front squat cleaned from the floor is hard to load heavily; better options are Zercher squats from low blocks, barbell reverse lunges, or a split squat with the bar in the hands of a deadlift grip.

Dumbbells or kettlebells only:
- Goblet squat: easiest to learn and good for beginners; limited by how heavy a dumbbell the person can hold at the chest.
- Dumbbell split squat and Bulgarian split squat (rear foot elevated): the best loaded substitutes at home, because working on one leg doubles the effective load per leg.
- Dumbbell step-ups to a knee-height box, and dumbbell reverse lunges.
When the heaviest dumbbell is no longer enough for the target reps, progress with a slow 3 to 4 second lowering, a 2 second pause at the bottom, 1.5 reps (down, halfway up, down, all the way up), or higher rep targets up to about 20 to 30 taken close to failure.

Bands and bodyweight only: Bulgarian split squat, pistol squat progressions to a box, sissy squats, and banded squats. For beginners, bodyweight squats to a box at knee height are a safe start.

With knee pain: box squat to the depth that stays at or below 3 out of 10 pain, Spanish squat with a band behind the knees, or a wall sit; see the knee modification chunk.

With lower-back discomfort: leg press, belt squat or Bulgarian split squat reduce spinal loading compared with a heavy back squat.

Programming note: a substitute does not need the same load as the back squat. Start at a weight that leaves 2 to 3 reps in reserve for the planned reps and progress from there.',
  '{"order":1,"source":"spotter-sample","tags":["squat","substitution","equipment"],"version":1}', '2025-11-07T09:15:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b040002-0000-4000-8000-400000000002', 'equipment_substitutions', 'Bench and push pattern substitutions',
  'The horizontal push pattern trains the chest, front shoulders and triceps. When the barbell bench press is not available or hurts, choose a substitute that keeps a horizontal pressing path and can be loaded in the planned rep range.

Full gym (bench busy or no spotter): dumbbell bench press, machine chest press, Smith machine bench press, or cable press. When training alone, machines and dumbbells are safer for sets taken close to failure than a barbell without safety arms, because a failed rep does not trap the lifter under the bar.

Dumbbells and a bench: flat or low-incline dumbbell press. Dumbbells allow a slightly deeper stretch and a freer path for the shoulders, which many people with shoulder discomfort prefer. Start at a load that leaves 2 to 3 reps in reserve rather than converting from the barbell number.

Dumbbells but no bench: dumbbell floor press. The floor limits the range of motion at the bottom, which is also useful when the bottom of the press aggravates the shoulder. Add push-ups for a full range of motion.

Barbell but no bench: barbell floor press from the safety arms or from a rack set low.

Bands and bodyweight only:
- Push-ups are a full substitute when made hard enough: progress from incline push-ups (hands on a bench) to floor push-ups, then deficit push-ups (hands on books or handles), weighted push-ups with a backpack or plate, and slow or paused reps.
- Dips between two stable chairs or parallel bars train chest and triceps; skip them with shoulder pain.
- Banded chest press with the band anchored behind the back.

Vertical push (overhead press) substitutes: seated dumbbell press, landmine press (friendlier for shoulders), pike push-ups and handstand push-up progressions.

Programming note: keep the same number of hard sets and the same proximity to failure as planned for the bench press; only the exercise changes. Pair every pressing exercise with a pull (row or pull-up) to keep the shoulders balanced.',
  '{"order":2,"source":"spotter-sample","tags":["bench-press","push","substitution","equipment"],"version":1}', '2025-11-07T09:16:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b040003-0000-4000-8000-400000000003', 'equipment_substitutions', 'Deadlift and hip hinge substitutions',
  'The hip hinge pattern trains the glutes, hamstrings and back extensors by bending at the hips with a neutral spine. When the conventional deadlift is not available or not suitable, choose a substitute that keeps the hinge.

Full gym: trap-bar (hex bar) deadlift, the easiest deadlift to learn and the one with the least lower-back stress for a given load; Romanian deadlift (RDL); rack pulls from knee height; cable pull-throughs; 45-degree back extensions; hip thrusts; and seated or lying leg curls for the hamstrings (knee flexion, which a hinge does not fully train).

Barbell only: Romanian deadlift, good morning with light loads, barbell hip thrust, and deficit or block pulls to adjust the range of motion.

Dumbbells or kettlebells only:
- Dumbbell Romanian deadlift: the main substitute. Because dumbbells are usually lighter than a barbell, use higher reps (8 to 15) and a slow 3-second lowering.
- Single-leg Romanian deadlift: doubles the effective load per leg and also trains balance.
- Kettlebell swing: a fast, powerful hinge for conditioning and hip power, not a replacement for heavy strength work.
- Dumbbell hip thrust or glute bridge, with a pause at the top.

Bands and bodyweight only: banded pull-through, banded good morning, single-leg hip thrusts, sliding leg curls on a towel, and Nordic hamstring curls (very hard; use a partial range or an assisted version at first).

With lower-back discomfort: trap-bar deadlift from blocks, hip thrusts and back extensions done within a pain-free range are usually tolerated better than a conventional deadlift from the floor; see the lower back modification chunk for the rules and red flags.

Programming note: hinges cause a lot of fatigue. Keep heavy hinge work to 2 to 4 hard sets per session and leave 1 to 3 reps in reserve; a grinding last rep with a rounding back is not worth it.',
  '{"order":3,"source":"spotter-sample","tags":["deadlift","hinge","substitution","equipment"],"version":1}', '2025-11-07T09:17:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b050001-0000-4000-8000-500000000001', 'injury_modifications', 'Shoulder injury modifications',
  'This is general training guidance, not a diagnosis. Persistent or severe shoulder pain should be assessed by a physiotherapist or doctor.

See a clinician promptly (red flags): the shoulder dislocated or looks deformed; you cannot lift the arm after a fall or a heavy lift (possible tendon tear); there is significant weakness, or numbness, tingling or pain spreading down the arm; pain wakes you at night and is getting worse; the shoulder is hot, red and swollen, or you have a fever. Chest pain or pressure spreading to the left shoulder, arm or jaw, especially with shortness of breath or sweating, is a medical emergency: call emergency services.

Without red flags, keep training with the pain-monitoring rule: pain during an exercise may be up to 3 out of 10, and it must settle back to its usual level by the next morning. If it does not, reduce the load, the range or the volume.

Common modifications for pressing pain (often at the front or top of the shoulder):
- Use a neutral grip (palms facing each other) with dumbbells instead of a barbell; tuck the elbows to about 30 to 45 degrees from the body instead of flaring them to 90.
- Shorten the range: floor press or board press limit the painful bottom position.
- Replace overhead pressing with a landmine press for a few weeks, then return gradually.
- Avoid behind-the-neck presses and pulldowns, upright rows to high positions, and deep dips while symptoms are present.

Keep and add:
- Pulling exercises (rows, face pulls, band pull-aparts) usually feel fine and help balance a pressing-heavy program.
- Rotator cuff work: side-lying or cable external rotations, 2 to 3 sets of 12 to 20 reps, 2 to 3 times a week, at a load that stays pain-free.
- Scapular control: push-up plus, wall slides, and serratus work.

Return to normal pressing gradually: build up load over 2 to 4 weeks while pain stays at or below 3 out of 10. If pain has not improved after about 2 to 3 weeks of sensible modification, get the shoulder assessed.',
  '{"order":1,"source":"spotter-sample","tags":["shoulder","injury","modification","red-flags"],"version":1}', '2025-11-07T09:18:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b050002-0000-4000-8000-500000000002', 'injury_modifications', 'Lower back injury modifications',
  'This is general training guidance, not a diagnosis. Most episodes of lower back pain in lifters are not dangerous and improve within a few weeks, but some signs need medical attention.

Emergency (go to an emergency department now): new numbness in the groin, buttocks or inner thighs (saddle area); new trouble controlling the bladder or bowels; or rapidly worsening weakness in both legs. These can be signs of cauda equina syndrome.

See a doctor promptly: back pain after a significant fall or accident; pain with fever or unexplained weight loss; a history of cancer; pain that is constant and not eased by any position or by rest, or that is worse at night; pain spreading below the knee with numbness or weakness in the leg or foot.

Without red flags, staying active helps more than bed rest. Use the pain-monitoring rule: pain during exercise up to 3 out of 10, back to its usual level by the next morning.

Modifications while symptoms settle:
- Reduce the load on hinges and squats by about 30 to 50 percent, or swap to variations with less spinal loading: trap-bar deadlift from blocks instead of conventional deadlift, leg press or Bulgarian split squat instead of back squat, chest-supported rows instead of bent-over rows.
- Keep a neutral spine and brace before each rep; avoid heavy lifting when rounding of the lower back is unavoidable, and avoid stretching into painful flexion.
- Train trunk endurance with low-load exercises such as the McGill big three (curl-up, side plank, bird dog), done as short holds of about 8 to 10 seconds.
- Walking, 10 to 30 minutes once or twice a day, is usually well tolerated and helps recovery.
- Avoid high-fatigue sets to failure on hinges during this period; leave 3 or more reps in reserve.

Return to normal training in steps over 2 to 6 weeks: restore the pain-free range first, then load, then volume. Reintroduce the conventional deadlift last, starting light.

If pain is not clearly improving after about 2 to 3 weeks, or it keeps returning, see a physiotherapist or doctor for an assessment.',
  '{"order":2,"source":"spotter-sample","tags":["lower-back","injury","modification","red-flags"],"version":1}', '2025-11-07T09:19:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b050003-0000-4000-8000-500000000003', 'injury_modifications', 'Knee injury modifications',
  'This is general training guidance, not a diagnosis. Knee pain in lifters is most often a load-related problem at the front of the knee (patellofemoral pain or patellar tendon pain) and usually responds to adjusting the training load.

See a clinician promptly (red flags): you felt a pop and the knee swelled within a few hours; you cannot put weight on the leg or walk more than a few steps; the knee locks (gets stuck and cannot straighten) or gives way; the knee looks deformed; or it is hot, red and swollen, especially with a fever. Calf pain, swelling and warmth in the lower leg after surgery or a long trip can be a blood clot and needs same-day medical care.

Without red flags, use the pain-monitoring rule: pain during exercise up to 3 out of 10, and back to its usual level by the next morning. Painful tendons in particular respond well to loading within that limit, not to complete rest.

Modifications while symptoms settle:
- Reduce squat depth to the range that stays within the rule; box squats to a set height make depth consistent. Increase depth gradually over weeks.
- Swap back squats for exercises that are easier to control: Spanish squat with a band behind the knees, leg press within a pain-free range, step-ups to a low box, or sled pushes.
- For patellar tendon pain, isometric holds such as wall sits or Spanish squat holds, 5 sets of 30 to 45 seconds, can reduce pain in the short term and keep the quads loaded.
- Keep training the hips and hamstrings: hip thrusts, Romanian deadlifts and leg curls usually do not aggravate front-of-knee pain.
- Limit jumping, running downhill and deep lunges while pain is above 3 out of 10.

Progress over 4 to 12 weeks from isometrics to slow heavy strength work (for example leg press or squats with a slow 3-second lowering) and finally to faster movements and jumps.

If pain has not improved after about 3 to 4 weeks of sensible modification, or swelling keeps coming back, see a physiotherapist or doctor.',
  '{"order":3,"source":"spotter-sample","tags":["knee","injury","modification","red-flags"],"version":1}', '2025-11-07T09:20:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b060001-0000-4000-8000-600000000001', 'customization_examples', 'Customization example: beginner hypertrophy, home gym, dumbbells only',
  'Profile: 28-year-old, about 6 months of on-and-off training, goal is to build muscle. Equipment: adjustable dumbbells from 2.5 to 25 kg per hand and an adjustable bench, no barbell, no pull-up bar. Can train 3 days per week for 45 to 60 minutes. No pain. Sleeps about 7 hours.

Classification: beginner (under 1 year of consistent training, still able to progress from week to week). Program choice from the decision tree: beginner, 3 days, hypertrophy, so a full-body A/B program with double progression.

Schedule: Monday, Wednesday, Friday, alternating A and B (week 1: A-B-A, week 2: B-A-B).

Workout A:
1. Goblet squat: 3 sets of 8 to 12
2. Dumbbell Romanian deadlift: 3 sets of 8 to 12
3. Dumbbell bench press: 3 sets of 8 to 12
4. One-arm dumbbell row: 3 sets of 10 to 12 per side
5. Dumbbell lateral raise: 2 sets of 12 to 15

Workout B:
1. Bulgarian split squat: 3 sets of 8 to 12 per leg
2. Dumbbell hip thrust: 3 sets of 10 to 15
3. Incline dumbbell press: 3 sets of 8 to 12
4. Chest-supported dumbbell row on the incline bench: 3 sets of 10 to 12
5. Dumbbell curl and overhead triceps extension: 2 sets of 12 to 15 each

This gives about 9 to 10 hard sets per week for the main muscle groups, which is in the beginner range of 6 to 10.

Effort: stop each set with about 2 reps in reserve in weeks 1 to 2, then 1 to 2 reps in reserve.

Progression (double progression): when all sets of an exercise reach the top of the rep range with good form, increase the dumbbells by the smallest step (about 1 to 2.5 kg) and start again at the bottom of the range.

When 25 kg becomes too light (usually first on the Romanian deadlift and goblet squat): use a 3-second lowering, a 2-second pause at the bottom, 1.5 reps, or extend the rep range to 15 to 20; keep sets close to failure.

Deload: in week 7, do the same workouts with 2 sets instead of 3. Re-assess after 8 to 12 weeks. Adding a pull-up bar would be the most useful next purchase, to train vertical pulling.',
  '{"order":1,"source":"spotter-sample","tags":["beginner","hypertrophy","home-gym","dumbbells","example-program"],"version":1}', '2025-11-07T09:21:00Z');

INSERT INTO knowledge_base (id, category, title, content, metadata, created_at) VALUES (
  '5b060002-0000-4000-8000-600000000002', 'customization_examples', 'Customization example: intermediate powerlifting, 16-week meet prep',
  'Profile: 2.5 years of consistent training, full commercial gym, 4 days per week, 75 to 90 minutes per session. Body weight 82 kg; current best lifts: squat 160 kg, bench press 110 kg, deadlift 200 kg (total 470 kg). First powerlifting meet in 16 weeks. No current pain.

Classification: intermediate (progress comes week to week, technique is stable). Program choice: 4-day upper/lower split with block periodisation toward the meet date.

Weekly layout: Day 1 squat and bench press (heavy); Day 2 deadlift and accessories; Day 3 bench press (volume) and upper-body accessories; Day 4 squat (volume) and pause bench press.

Blocks:
- Weeks 1 to 5, accumulation: competition lifts at 4 to 5 sets of 5 to 8 reps at about 65 to 75 percent of one-rep max (RPE 6 to 8); variations such as pause squats and close-grip bench; accessories at 8 to 12 reps. Weekly volume at the intermediate level of about 10 to 16 hard sets per muscle.
- Week 6: deload, about half the sets at moderate loads.
- Weeks 7 to 11, intensification: 3 to 5 sets of 3 to 5 reps at about 75 to 85 percent; accessories reduced.
- Weeks 12 to 14, peaking: heavy singles and doubles at about 87 to 95 percent, RPE 8 to 9, with low volume; practise competition commands (squat depth with the hip crease below the top of the knee, a pause on the chest for the bench press).
- Week 15, taper: volume cut by about 40 to 60 percent, loads moderate, opener practice early in the week.
- Week 16, meet week: one light session 3 to 4 days out, then rest.

Attempt selection: opener at about 90 to 92 percent of the expected best (a weight that could be lifted for a triple on a bad day), second attempt at about 95 to 97 percent, third attempt at 100 to 103 percent, decided on the day from how the second attempt moved.

Monitoring: weekly check-in of RPE, body weight and sleep; if a lift stalls for 2 weeks, hold the load and reduce accessory volume. Any pain above 3 out of 10 during a lift changes the plan for that lift (see injury modifications); near the meet, missing a session is better than training through an injury.',
  '{"order":2,"source":"spotter-sample","tags":["intermediate","powerlifting","meet-prep","periodisation","example-program"],"version":1}', '2025-11-07T09:22:00Z');
