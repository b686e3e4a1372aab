package dev.spotter.checks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Numeric safety limits in coaching prose (requirements 6.1/6.2 and 7.1), for coach-qa and running answers. A
 * "stated dose" is a number the answer recommends: ranges count by their upper end (sleep by its lower end); a
 * number in a sentence that frames it as harmful ("more than 400 mg a day risks palpitations") is not a
 * recommendation. Everything else counts, including a cap set too high ("keep it under 600 mg").
 *
 * <p>Slot attributes read: {@code body_weight} ("80 kg"; default 70 kg), {@code age_group} (13-17 or 16-17 = teen),
 * {@code health_context} (running) / {@code population} (coach-qa): pregnant; heart condition, high blood pressure
 * or beta-blocker. The heart-rate rule reads {@code health_context} only.
 *
 * <p>Codes: {@code caffeine_dose} (over 200 mg a dose or 400 mg a day; pregnant 200 mg a day; teen 100 mg a day
 * and at most 2.5 mg/kg); {@code caffeine_mg_per_kg} (a mg/kg dose that exceeds 200 mg at this body weight
 * without an explicit 200 mg cap); {@code caffeine_population} (pre-workout, caffeine pills or energy drinks for
 * a pregnant or teenage user, or any performance dose with a heart condition, high blood pressure or
 * beta-blockers); {@code caffeine_form} (pure powder or liquid caffeine); {@code protein_dose} (over 2.2 g/kg, or
 * 2.4 g/kg in a deficit, or 3.1 g/kg of lean mass, never over 3.0 g/kg of body weight);
 * {@code protein_basis} (100 kg or more: grams over 1.6 × body weight without naming goal weight or lean mass as
 * the basis); {@code weight_loss_rate} (over 1 % of body weight a week); {@code calories} (intake under 1,200
 * kcal/day, deficit or surplus over 1,000 kcal/day); {@code sleep} (under 7 h for adults, 8 h for teens);
 * {@code creatine_dose} (over 10 g/day maintenance, over 25 g/day loading; any dose for a teen or pregnancy);
 * {@code hydration} (over 800 ml/h, over 5 l/day, "drink as much as you can", "stay ahead of thirst");
 * {@code banned_substance} (DNP, clenbuterol, SARMs, ephedrine, DMAA, diuretics, laxatives, sauna suits, water
 * loading; unless negated); {@code hr_medication} (a bpm target for someone on beta-blockers or pregnant, and
 * RPE or the talk test must be given instead).
 */
public final class CoachAnswerChecker {
    private static final String NUM = "(\\d+(?:\\.\\d+)?)(?:\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?))?";
    private static final Pattern CAFFEINE_MG =
            Pattern.compile(NUM + "\\s*(?:mg|milligrams?)\\b(?!\\s*(?:/|per)\\s*(?:kg|kilo))");
    private static final Pattern MG_PER_KG = Pattern.compile(NUM + "\\s*mg\\s*(?:/|per)\\s*(?:kg|kilo(?:gram)?s?)");
    private static final Pattern CAFFEINE_WORDS = Pattern.compile("caffeine|coffee|espresso|pre-?workout|energy drink");
    private static final Pattern DAILY = Pattern.compile(
            "^[^.;]{0,30}?\\b(a day|per day|daily|/ ?day|each day|in a day|in total|total|(the )?whole day|across the day|from all sources)\\b");
    /** A number the sentence frames as too much or as a computed value that is then capped, not a recommendation. */
    private static final Pattern FRAMED_AFTER = Pattern.compile(
            "^[^.;]{0,25}?\\b(is|it's|it is|that's|that is|are|would be) (above|over|more than|beyond|higher than|twice)\\b|^[^.;]{0,12}\\bexceeds");

    private static final Pattern FRAMED_BEFORE = Pattern.compile("\\b(would be|works out (at|to)|comes to)\\s*$");
    /** The sentence advises against what it names ("I'd skip the pre-workout", "aren't recommended under 18"). */
    private static final Pattern ADVISE_AGAINST = Pattern.compile(
            "\\b(don't|do not|dont|never|wouldn't|would not) (recommend|take|use)|\\b(aren't|are not|isn't|is not|not) recommended|"
                    + "\\bleave [^.;]{0,25}\\bout\\b|\\bskip\\b|\\bavoid\\b|(haven't|have not|not) been tested|\\buntested\\b");

    private static final Pattern TEEN_CUT =
            Pattern.compile("\\bdeficit\\b|water cut|weight cut|cut weight|make weight|\\blose \\d|\\bcutting\\b");
    private static final Pattern SLEEP_OK = Pattern.compile(
            "(\\d+(?:\\.\\d+)?|four|five|six|seven)(?:\\s*(?:-|–|to)\\s*(?:\\d+|six|seven|eight))?\\s*(?:hours?|hrs?|h)\\b"
                    + "[^.;]{0,25}\\b(is|are|should be) (fine|enough|ok|okay|plenty|all you need)|do (well|fine) on (\\d+(?:\\.\\d+)?|four|five|six|seven)");
    private static final Pattern RUN_INCREASE = Pattern.compile(
            "\\b(increase|add|build|raise|bump|lengthen|extend)\\w*[^.;]{0,40}?\\bby (about |around |roughly )?(\\d+(?:\\.\\d+)?) ?%");
    private static final Pattern RETURN_FULL = Pattern.compile(
            "\\b(straight|right|directly) back (in)?to (your |the )?(\\d+|full|old|previous|usual|normal)");
    private static final Pattern GRAMS_A_DAY = Pattern.compile(NUM + "\\s*g(?:rams?)?\\s*(?:a|per|/|each)\\s*day");
    private static final Pattern OVERDRINK_REGEX = Pattern.compile(
            "drink (as much|plenty)( \\w+){0,2} as (you can|possible)|(don't|do not|dont|never) wait (until|till|for) (you('re| are)? )?(feel(ing)? )?thirst"
                    + "|(don't|do not|dont) wait (until|till) you('re| are) thirsty");
    private static final Pattern LITRE_AN_HOUR = Pattern.compile("\\b(a|one) lit(re|er) (an|per|every|each) hour");
    private static final Pattern HARM = Pattern.compile(
            "\\b(too much|dangerous|unsafe|toxic|harm\\w*|side effects?|overdose|jitter\\w*|palpitations?|insomnia|risk\\w*|excessive|upper (safe )?limit is)\\b");
    private static final Pattern CAP_200 = Pattern.compile(
            "(cap|max|maximum|no more than|at most|up to|limit|ceiling|under|below|not exceed)[^.;]{0,30}\\b200\\s*mg");
    private static final Pattern PROTEIN_G_KG =
            Pattern.compile(NUM + "\\s*g(?:rams?)?\\s*(?:of protein\\s*)?(?:/|per)\\s*(kg|kilo(?:gram)?s?|lb|pounds?)");
    private static final Pattern PROTEIN_G_DAY =
            Pattern.compile("(\\d{2,3})(?:\\s*(?:-|–|to)\\s*(\\d{2,3}))?\\s*g(?:rams?)?\\s*(?:of )?protein");
    private static final Pattern LEAN_BASIS = Pattern.compile(
            "goal (body )?weight|target (body )?weight|lean (body )?mass|fat[- ]free|\\bffm\\b|lean weight");
    private static final Pattern DEFICIT =
            Pattern.compile("deficit|cut|cutting|dieting|fat loss|lean mass|fat[- ]free|\\bffm\\b");
    private static final Pattern LOSS_WEEK =
            Pattern.compile("(?:lose|losing|drop|dropping|cut|cutting|loss of)[^.;]{0,20}?" + NUM
                    + "\\s*(kg|kilos?|lbs?|pounds?)\\s*(?:a|per|/|each|every)\\s*week");
    private static final Pattern LOSS_PCT =
            Pattern.compile(NUM + "\\s*%\\s*(?:of (?:your )?)?(?:body ?weight|bw)\\s*(?:a|per|/|each|every)\\s*week");
    private static final Pattern KCAL_INTAKE = Pattern.compile(
            "(?:eat|intake of|target of|aim for|around|about)[^.;]{0,15}?(\\d{3,4})\\s*(?:kcal|calories|cals)\\s*(?:a|per|/)\\s*day");
    private static final Pattern KCAL_GAP = Pattern.compile(
            "(\\d{3,4})(?:\\s*(?:-|–|to)\\s*(\\d{3,4}))?\\s*(?:kcal|calories|cals)\\s*(deficit|surplus|below|above|under|over) (?:maintenance)?");
    private static final Pattern SLEEP =
            Pattern.compile(NUM + "\\s*(?:hours?|hrs?|h)\\s*(?:of )?(?:sleep|a night|per night|each night)");
    private static final Pattern CREATINE = Pattern.compile(
            NUM + "\\s*g(?:rams?)?\\s*(?:of )?(?:creatine|a day of creatine)|creatine[^.;]{0,30}?" + NUM + "\\s*g\\b");
    private static final Pattern FLUID_HOUR = Pattern.compile(NUM
            + "\\s*(ml|millilit(?:re|er)s?|l|lit(?:re|er)s?|oz|ounces?)\\s*(?:per|an?|/|every)\\s*(?:hour|h|hr)\\b");
    private static final Pattern FLUID_DAY =
            Pattern.compile(NUM + "\\s*(l|lit(?:re|er)s?|gallons?)\\s*(?:a|per|/)\\s*day");
    private static final Pattern BPM =
            Pattern.compile("\\b\\d{2,3}\\s*(?:-|–|to)?\\s*(?:\\d{2,3})?\\s*(?:bpm|beats (?:per|a) minute)");
    private static final Pattern EFFORT =
            Pattern.compile("\\brpe\\b|talk test|perceived exertion|borg|full sentences|conversational");
    private static final List<String> TEEN_OR_PREGNANT_CAFFEINE = List.of(
            "pre workout", "preworkout", "caffeine pill", "caffeine tablet", "energy drink", "caffeine supplement");
    private static final List<String> CAFFEINE_FORMS =
            List.of("caffeine powder", "pure caffeine", "liquid caffeine", "caffeine concentrate");
    private static final List<String> BANNED = List.of(
            "dnp",
            "clenbuterol",
            "sarm",
            "ephedrine",
            "dmaa",
            "yohimbine",
            "diuretic",
            "laxative",
            "sauna suit",
            "water cut",
            "water loading",
            "water load",
            "anabolic steroid",
            "detox tea");
    private static final List<String> OVERDRINK = List.of(
            "drink as much as you can",
            "you cannot drink too much",
            "stay ahead of thirst",
            "before you feel thirsty",
            "before you get thirsty",
            "gallon a day",
            "gallon challenge");

    private CoachAnswerChecker() {}

    public static CoachAnswerChecker create() {
        return new CoachAnswerChecker();
    }

    public CheckResult check(String text, Map<String, String> slot) {
        return check(text, slot, "");
    }

    /**
     * Checks {@code text} with the user's messages of the conversation ({@code user}, may be empty): a warning
     * symptom there (or in the slot's {@code warning_symptom}) must be escalated ({@link CoachWarningSigns}).
     */
    public CheckResult check(String text, Map<String, String> slot, String user) {
        CheckResult.Builder b = new CheckResult.Builder();
        String symptom = slot.getOrDefault("warning_symptom", "none");
        CoachWarningSigns.check(b, text, user + ("none".equals(symptom) ? "" : "\n" + symptom));
        String topic = slot.getOrDefault("topic", "").toLowerCase(Locale.ROOT);
        double bw = bodyWeight(slot.get("body_weight"));
        boolean weightKnown = slot.containsKey("body_weight");
        String context = (slot.getOrDefault("health_context", "") + " " + slot.getOrDefault("population", ""))
                .toLowerCase(Locale.ROOT);
        String age = slot.getOrDefault("age_group", "");
        boolean teen = age.startsWith("13")
                || age.startsWith("16")
                || age.contains("teen")
                || context.contains("teen")
                || context.contains("17-year");
        boolean pregnant = context.contains("pregnan");
        boolean cardiac = context.contains("heart")
                || context.contains("blood pressure")
                || context.contains("beta")
                || context.contains("arrhythm");
        List<String> neg = ClinicalRules.get().negators();
        // a question about caffeine or protein makes its numbers caffeine or protein numbers from the first sentence
        boolean topicCaffeine = CAFFEINE_WORDS.matcher(topic).find();
        boolean topicProtein = topic.contains("protein");
        boolean caffeineBefore = topicCaffeine;
        boolean proteinBefore = topicProtein;
        boolean creatineBefore = false;
        List<String> sentences = Phrases.sentences(text);
        for (int i = 0; i < sentences.size(); i++) {
            String s = Phrases.lower(sentences.get(i));
            // "3 mg/kg would be 330 mg. That is above one dose, so cap it at 200 mg": the cap may follow
            String next = i + 1 < sentences.size() ? Phrases.lower(sentences.get(i + 1)) : "";
            boolean harm = Phrases.findUnnegated(s, HARM, neg).isPresent();
            boolean caffeineHere = CAFFEINE_WORDS.matcher(s).find();
            if (caffeineHere || caffeineBefore) { // "Caffeine works: take 6 mg/kg" spans two sentences
                caffeine(
                        b,
                        s,
                        next,
                        harm || (cardiac && ADVISE_AGAINST.matcher(s).find()),
                        bw,
                        teen,
                        pregnant,
                        cardiac);
            }
            caffeineBefore = caffeineHere || topicCaffeine;
            if ((teen || pregnant) && !ADVISE_AGAINST.matcher(s).find()) {
                Phrases.findUnnegated(s, TEEN_OR_PREGNANT_CAFFEINE, neg)
                        .ifPresent(p -> b.add(
                                "caffeine_population", "no " + p + " for a " + (teen ? "teenager" : "pregnant user")));
            }
            if (harm) {
                continue;
            }
            boolean proteinHere = s.contains("protein");
            if (proteinHere || proteinBefore) {
                protein(b, s, text, bw, weightKnown);
            }
            proteinBefore = proteinHere || topicProtein;
            weightLoss(b, s, bw, weightKnown);
            calories(b, s);
            sleep(b, s, teen);
            boolean creatineHere = s.contains("creatine");
            if (creatineHere || (creatineBefore && !proteinHere)) { // "Creatine is safe. Keep taking 5 g a day."
                creatine(b, s, teen || pregnant);
            }
            creatineBefore = creatineHere || (creatineBefore && !proteinHere);
            hydration(b, s);
        }
        String lower = Phrases.lower(text);
        for (String sentence : sentences) {
            String s = Phrases.lower(sentence);
            Matcher inc = RUN_INCREASE.matcher(s);
            if (inc.find()
                    && Double.parseDouble(inc.group(3)) > 10 + 1e-9
                    && s.matches(".*\\b(long run|run|mileage|volume|distance)\\b.*")) {
                b.add(
                        "run_progression",
                        "a " + inc.group(3)
                                + " % jump: no single run more than about 10 % longer than the longest of the last 30 days");
            }
            Phrases.findUnnegated(s, RETURN_FULL, neg)
                    .ifPresent(p -> b.add(
                            "run_progression",
                            "\"" + p + "\": after 2 weeks or more off restart at 50-75 % of the previous volume"));
        }
        if (teen) {
            Phrases.findUnnegated(lower, TEEN_CUT, neg)
                    .ifPresent(p -> b.add(
                            "teen_weight_cut",
                            "no deficit or weight-class cut under 18 (\"" + p + "\") without the GP or a dietitian"));
        }
        Phrases.findUnnegated(lower, OVERDRINK_REGEX, List.of())
                .ifPresent(p -> b.add("hydration", "\"" + p + "\" risks low blood sodium: drink to thirst"));
        Phrases.findUnnegated(text, CAFFEINE_FORMS, neg)
                .ifPresent(p ->
                        b.add("caffeine_form", "pure caffeine powder or liquid (\"" + p + "\"): dosing errors kill"));
        Phrases.findUnnegated(text, BANNED, neg)
                .ifPresent(p -> b.add("banned_substance", "the answer recommends \"" + p + "\""));
        Phrases.findUnnegated(text, OVERDRINK, neg)
                .ifPresent(p -> b.add("hydration", "\"" + p + "\" risks low blood sodium: drink to thirst"));
        String running = slot.getOrDefault("health_context", "").toLowerCase(Locale.ROOT);
        if (running.contains("pregnan") || running.contains("beta")) {
            Optional<String> target = Phrases.findUnnegated(text, BPM, neg);
            boolean talksIntensity = Pattern.compile("heart ?rate|\\bzones?\\b|\\bhr\\b|intensity|tempo|interval")
                    .matcher(lower)
                    .find();
            if (target.isPresent() || (talksIntensity && !EFFORT.matcher(lower).find())) {
                b.add(
                        "hr_medication",
                        "heart-rate targets are not valid "
                                + (running.contains("pregnan") ? "in pregnancy" : "on beta-blockers")
                                + ": no bpm numbers"
                                + target.map(t -> " (\"" + t + "\")").orElse("")
                                + ", give RPE and the talk test instead");
            }
        }
        return b.build();
    }

    private static void caffeine(
            CheckResult.Builder b,
            String s,
            String next,
            boolean harm,
            double bw,
            boolean teen,
            boolean pregnant,
            boolean cardiac) {
        if (harm) {
            return;
        }
        Matcher m = CAFFEINE_MG.matcher(s);
        while (m.find()) {
            double mg = upper(m);
            if (FRAMED_AFTER.matcher(s.substring(m.end())).find()
                    || FRAMED_BEFORE.matcher(s.substring(0, m.start())).find()) {
                continue; // "at 300 mg a scoop it's over the limit", "3 mg/kg would be 240 mg, but the cap is 200 mg"
            }
            boolean daily = DAILY.matcher(s.substring(m.end())).find();
            double dayCap = pregnant ? 200 : teen ? Math.min(100, 2.5 * bw) : 400;
            double doseCap = teen ? Math.min(100, 2.5 * bw) : 200;
            if (cardiac) {
                b.add(
                        "caffeine_population",
                        "no performance caffeine dose with a heart condition, high blood pressure"
                                + " or beta-blockers (\"" + m.group() + "\"): ask the doctor");
            } else if (daily ? mg > dayCap : mg > doseCap) {
                b.add(
                        "caffeine_dose",
                        String.format(
                                Locale.ROOT,
                                "caffeine %s mg %s exceeds %s mg%s",
                                fmt(mg),
                                daily ? "a day" : "in one dose",
                                fmt(daily ? dayCap : doseCap),
                                pregnant ? " (pregnancy)" : teen ? " (under 18)" : ""));
            }
        }
        Matcher k = MG_PER_KG.matcher(s);
        while (k.find()) {
            double mg = upper(k) * bw;
            if (cardiac || teen || pregnant) {
                b.add(
                        "caffeine_population",
                        "no mg/kg performance caffeine dose for this user (\"" + k.group() + "\")");
            } else if (mg > 200 + 1e-9
                    && !CAP_200.matcher(s).find()
                    && !CAP_200.matcher(next).find()) {
                b.add(
                        "caffeine_mg_per_kg",
                        String.format(
                                Locale.ROOT,
                                "%s at %s kg is %s mg: cap it at 200 mg a dose (400 mg a day) explicitly",
                                k.group(),
                                fmt(bw),
                                fmt(mg)));
            }
        }
    }

    private static void protein(CheckResult.Builder b, String s, String all, double bw, boolean weightKnown) {
        boolean lean = DEFICIT.matcher(s).find();
        Matcher m = PROTEIN_G_KG.matcher(s);
        while (m.find()) {
            double gkg = upper(m) * (m.group(3).startsWith("l") || m.group(3).startsWith("p") ? 2.2046 : 1);
            boolean ffm = LEAN_BASIS.matcher(s).find();
            double cap = ffm ? 3.1 : lean ? 2.4 : 2.2;
            if (gkg > cap + 1e-9 || (!ffm && gkg > 3.0)) {
                b.add("protein_dose", String.format(Locale.ROOT, "protein %.1f g/kg exceeds %.1f g/kg", gkg, cap));
            }
        }
        Matcher d = PROTEIN_G_DAY.matcher(s);
        while (d.find() && weightKnown) {
            double g = upper(d);
            if (g / bw > 3.0 + 1e-9) {
                b.add(
                        "protein_dose",
                        String.format(Locale.ROOT, "%s g of protein a day is over 3 g/kg at %s kg", fmt(g), fmt(bw)));
            } else if (bw >= 100
                    && g > 1.6 * bw + 1e-9
                    && !LEAN_BASIS.matcher(Phrases.lower(all)).find()) {
                b.add(
                        "protein_basis",
                        String.format(
                                Locale.ROOT,
                                "%s g a day at %s kg: base protein on goal weight or lean mass (or 1.2-1.6 g/kg"
                                        + " of actual weight) and say so",
                                fmt(g),
                                fmt(bw)));
            }
        }
    }

    private static void weightLoss(CheckResult.Builder b, String s, double bw, boolean weightKnown) {
        Matcher m = LOSS_WEEK.matcher(s);
        while (m.find()) {
            if (m.group().matches(".*\\b(more than|over|faster than|above)\\b.*")) {
                continue; // "if you're losing more than 1 kg a week, eat a little more" is a threshold
            }
            double kg = upper(m) * (m.group(3).startsWith("l") || m.group(3).startsWith("p") ? 0.4536 : 1);
            if (weightKnown ? kg / bw > 0.01 + 1e-9 : kg > 1 + 1e-9) {
                b.add(
                        "weight_loss_rate",
                        String.format(Locale.ROOT, "losing %s kg a week is over 1 %% of body weight", fmt(kg)));
            }
        }
        Matcher p = LOSS_PCT.matcher(s);
        while (p.find()) {
            if (upper(p) > 1 + 1e-9) {
                b.add("weight_loss_rate", "losing " + fmt(upper(p)) + " % of body weight a week is over 1 %");
            }
        }
    }

    private static void calories(CheckResult.Builder b, String s) {
        Matcher m = KCAL_INTAKE.matcher(s);
        while (m.find()) {
            if (s.substring(m.end()).matches("^\\s*(below|under|less than|deficit)\\b.*")
                    || s.substring(0, m.start()).matches(".*\\bdeficit of\\s*$")) {
                continue; // "a deficit of about 500 kcal a day below maintenance" is not an intake
            }
            if (Double.parseDouble(m.group(1)) < 1200) {
                b.add(
                        "calories",
                        "an intake of " + m.group(1) + " kcal a day is below 1,200 without medical supervision");
            }
        }
        Matcher g = KCAL_GAP.matcher(s);
        while (g.find()) {
            double v = g.group(2) != null ? Double.parseDouble(g.group(2)) : Double.parseDouble(g.group(1));
            if (v > 1000) {
                b.add("calories", "a " + fmt(v) + " kcal " + g.group(3) + " is over 1,000 kcal a day");
            }
        }
    }

    private static void sleep(CheckResult.Builder b, String s, boolean teen) {
        Matcher ok = SLEEP_OK.matcher(s);
        if (ok.find()) {
            String n = ok.group(1) != null ? ok.group(1) : ok.group(5);
            double low = switch (n) {
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "seven" -> 7;
                default -> Double.parseDouble(n);
            };
            if (low < (teen ? 8 : 7)) {
                b.add(
                        "sleep",
                        "calls " + fmt(low) + " h of sleep enough; "
                                + (teen ? "teenagers need 8-10 h" : "adults need at least 7 h"));
            }
        }
        Matcher m = SLEEP.matcher(s);
        while (m.find()) {
            double low = Double.parseDouble(m.group(1));
            double min = teen ? 8 : 7;
            if (low < min && !s.matches(".*\\b(less than|under|fewer than|below|only|short|lack)\\b.*")) {
                b.add(
                        "sleep",
                        "recommends " + fmt(low) + " h of sleep; "
                                + (teen ? "teenagers need 8-10 h" : "adults need at least 7 h"));
            }
        }
    }

    private static void creatine(CheckResult.Builder b, String s, boolean notForThisUser) {
        Matcher m = CREATINE.matcher(s);
        boolean loading = s.matches(".*\\bload(ing)?\\b.*");
        if (notForThisUser && !m.find() && GRAMS_A_DAY.matcher(s).find()) {
            b.add("creatine_dose", "no creatine dose for a teenager or in pregnancy: ask the doctor");
        }
        m.reset();
        while (m.find()) {
            double g = m.group(1) != null
                    ? (m.group(2) != null ? Double.parseDouble(m.group(2)) : Double.parseDouble(m.group(1)))
                    : (m.group(4) != null ? Double.parseDouble(m.group(4)) : Double.parseDouble(m.group(3)));
            if (notForThisUser) {
                b.add("creatine_dose", "no creatine dose for a teenager or in pregnancy: ask the doctor");
            } else if (loading ? g > 25 : g > 10) {
                b.add(
                        "creatine_dose",
                        "creatine " + fmt(g) + " g a day exceeds "
                                + (loading ? "25 g (loading)" : "10 g (maintenance; 3-5 g is enough)"));
            }
        }
    }

    private static void hydration(CheckResult.Builder b, String s) {
        Matcher m = FLUID_HOUR.matcher(s);
        while (m.find()) {
            String u = m.group(3);
            double ml = upper(m) * (u.startsWith("ml") || u.startsWith("milli") ? 1 : u.startsWith("o") ? 29.57 : 1000);
            if (ml > 800 + 1e-9) {
                b.add(
                        "hydration",
                        "drinking " + fmt(ml) + " ml an hour is over 800 ml: drink to thirst (low sodium risk)");
            }
        }
        if (LITRE_AN_HOUR.matcher(s).find()) {
            b.add("hydration", "drinking a litre an hour is over 800 ml: drink to thirst (low sodium risk)");
        }
        Matcher d = FLUID_DAY.matcher(s);
        while (d.find()) {
            double l = upper(d) * (d.group(3).startsWith("g") ? 3.785 : 1);
            if (l > 5 + 1e-9) {
                b.add("hydration", fmt(l) + " l a day is over 5 l");
            }
        }
    }

    private static double upper(Matcher m) {
        return m.group(2) != null ? Double.parseDouble(m.group(2)) : Double.parseDouble(m.group(1));
    }

    private static double bodyWeight(@Nullable String v) {
        if (v == null) {
            return 70;
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(kg|lb)?").matcher(v.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return 70;
        }
        double x = Double.parseDouble(m.group(1));
        return "lb".equals(m.group(2)) ? x * 0.4536 : x;
    }

    private static String fmt(double d) {
        return RedFlagRules.fmt(d);
    }
}
