package dev.spotter.voice;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a running (cardio) log: distance, duration, pace, intervals and workout type.
 *
 * <p>Numbers are placed by the words next to them: a distance unit ("5 mile", "5k", "400 meter"), a time unit
 * ("30 minute", "1 hour 10 minutes", "38 minutes 15 seconds"), "pace" / "per mile" / "minute miles", the
 * interval forms ("6 times", "8 by 800", "6 x 1k", "400 meter repeats") and "at" / "in" before a clock time.
 * Inside an interval block a time is the target per repeat; otherwise "at 7:45" is a pace and "in 24:30" the
 * total time. Workout type comes from keywords; intervals imply {@code intervals} unless hills are named.
 *
 * <p>A bare "mile" is one mile ("warm up mile", "mile race 5:48", "4 by mile"); "in 25 flat" is 25 minutes; a
 * clock time with one colon after a long distance is hours and minutes when minutes and seconds would be a
 * pace no one runs ("a half marathon 1:58" is 1 h 58 min: 118 s for 21 km would be 5.6 s per km). Words no rule
 * used are charged like in a strength set ({@link Confidence#leftovers}), with the running words as fillers.
 */
final class CardioRules extends ItemRules {
    private static final Map<String, DistanceUnit> DIST = Map.ofEntries(
            Map.entry("mile", DistanceUnit.MI),
            Map.entry("miles", DistanceUnit.MI),
            Map.entry("mi", DistanceUnit.MI),
            Map.entry("miler", DistanceUnit.MI),
            Map.entry("k", DistanceUnit.KM),
            Map.entry("km", DistanceUnit.KM),
            Map.entry("ks", DistanceUnit.KM),
            Map.entry("kms", DistanceUnit.KM),
            Map.entry("kilometer", DistanceUnit.KM),
            Map.entry("kilometers", DistanceUnit.KM),
            Map.entry("kilometre", DistanceUnit.KM),
            Map.entry("kilometres", DistanceUnit.KM),
            Map.entry("meter", DistanceUnit.M),
            Map.entry("meters", DistanceUnit.M),
            Map.entry("metre", DistanceUnit.M),
            Map.entry("metres", DistanceUnit.M),
            Map.entry("m", DistanceUnit.M));
    private static final Set<String> MINUTES = Set.of("minute", "minutes", "min", "mins");
    private static final Set<String> HOURS = Set.of("hour", "hours", "hr", "hrs");
    private static final Set<String> SECONDS = Set.of("second", "seconds", "sec", "secs");
    private static final Set<String> REPEAT_WORDS = Set.of("repeats", "repeat", "intervals", "interval", "reps");
    private static final Set<String> X_WORDS = Set.of("x", "by", "times");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("easy", "easy"),
            Map.entry("recovery", "recovery"),
            Map.entry("tempo", "tempo"),
            Map.entry("threshold", "tempo"),
            Map.entry("long", "long"),
            Map.entry("intervals", "intervals"),
            Map.entry("interval", "intervals"),
            Map.entry("track", "intervals"),
            Map.entry("fartlek", "fartlek"),
            Map.entry("hill", "hills"),
            Map.entry("hills", "hills"),
            Map.entry("race", "race"),
            Map.entry("raced", "race"),
            Map.entry("parkrun", "race"),
            Map.entry("chip", "race"),
            Map.entry("warmup", "warmup"),
            Map.entry("cooldown", "cooldown"));

    /** Words of a run log that carry no field by themselves (verbs, type words, places). */
    static final java.util.Set<String> CARDIO_FILLERS = cardioFillers();

    private static java.util.Set<String> cardioFillers() {
        java.util.Set<String> f = new java.util.HashSet<>(Fillers.WORDS);
        f.addAll(TYPES.keySet());
        f.addAll(VoiceParser.RUN_VERBS);
        f.addAll(java.util.List.of(
                "warm",
                "up",
                "cool",
                "down",
                "treadmill",
                "trail",
                "road",
                "outside",
                "indoors",
                "loop",
                "route",
                "time",
                "flat",
                "averaging",
                "average",
                "avg",
                "each",
                "slow",
                "steady",
                "effort",
                "shakeout",
                "shake",
                "total",
                "overall"));
        return java.util.Set.copyOf(f);
    }

    private Double distance;
    private DistanceUnit distUnit;
    private int durationS = -1;
    private Integer pace;
    private DistanceUnit paceUnit;
    private boolean intervalsOpen;
    private Integer repeats;
    private Double ivDistance;
    private DistanceUnit ivUnit;
    private Integer ivTarget;
    private double penalty;
    /** The duration came from an "H:MM"-looking clock (minutes and seconds, or hours and minutes). */
    private boolean durationShortClock;

    private CardioRules(List<Item> items, List<String> trace) {
        super(items, trace);
    }

    static VoiceResult parse(String[] w, DistanceUnit defaultPaceUnit, List<String> trace) {
        String activity = "run";
        String type = null;
        for (int i = 0; i < w.length; i++) {
            String s = w[i];
            switch (s) {
                case "walk", "walked", "walking", "hike", "hiked" -> activity = "walk";
                case "bike", "biked", "biking", "cycle", "cycled", "cycling", "ride", "rode" -> activity = "bike";
                default -> {}
            }
            String t = TYPES.get(s);
            if (s.equals("warm") && i + 1 < w.length && w[i + 1].equals("up")) {
                t = "warmup";
            } else if (s.equals("cool") && i + 1 < w.length && w[i + 1].equals("down")) {
                t = "cooldown";
            } else if (s.equals("long")
                    && !(i + 1 < w.length
                            && (w[i + 1].equals("run") || w[i + 1].equals("slow") || w[i + 1].equals("easy")))) {
                t = null;
            }
            if (t != null && (type == null || t.equals("hills") || t.equals("race") && !type.equals("hills"))) {
                if (type == null || !type.equals(t)) {
                    if (trace != null) trace.add("'" + s + "' → workout type " + t);
                }
                type = t;
            }
        }
        if (!activity.equals("run")) {
            if (trace != null) trace.add("activity → " + activity);
        }
        CardioRules r = new CardioRules(SpokenNumbers.group(w), trace);
        r.intervalsOpen = hasAny(w, REPEAT_WORDS) || (type != null && (type.equals("intervals")));
        r.pass();
        Intervals iv = null;
        if (r.repeats != null || r.ivDistance != null) {
            int reps = r.repeats == null ? 1 : r.repeats;
            if (r.repeats == null) {
                r.penalty += Confidence.MISSING_FIELD;
            }
            iv = new Intervals(reps, r.ivDistance, r.ivUnit, r.ivTarget);
            if (type == null) {
                type = "intervals";
                if (trace != null) trace.add("repeats → workout type intervals");
            }
        } else if (r.ivTarget != null) {
            r.durationS = r.durationS < 0 ? r.ivTarget : r.durationS;
        }
        if (r.pace != null && r.paceUnit == null) {
            if (r.distUnit == DistanceUnit.MI || r.distUnit == DistanceUnit.KM) {
                r.paceUnit = r.distUnit;
            } else {
                r.paceUnit = defaultPaceUnit;
                r.penalty += Confidence.PACE_UNIT_DEFAULTED;
                if (trace != null) trace.add("pace unit → " + defaultPaceUnit.wire() + " (not said; default)");
            }
        }
        if (r.durationShortClock && r.distance != null && r.durationS > 0) {
            double km =
                    r.distance * (r.distUnit == DistanceUnit.MI ? 1.609344 : r.distUnit == DistanceUnit.M ? 0.001 : 1);
            if (km >= 3 && r.durationS / km < 150) {
                // "a half marathon 1:58": 118 s would be 5.6 s per km; it is 1 h 58 min
                r.durationS *= 60;
                r.penalty += Confidence.CLOCK_AS_HOURS;
                if (trace != null)
                    trace.add("duration → " + clock(r.durationS) + " (hours and minutes for that distance)");
            }
        }
        Integer duration = r.durationS < 0 ? null : r.durationS;
        if (r.distance == null && duration == null && iv == null && r.pace == null) {
            return new Unparsed("no distance, duration or intervals stated", trace);
        }
        if (r.distance != null && duration != null && r.pace != null && r.paceUnit == r.distUnit) {
            double implied = duration / r.distance;
            if (Math.abs(implied - r.pace) > 0.1 * r.pace) {
                r.penalty += Confidence.INCONSISTENT;
                if (trace != null)
                    trace.add("distance, time and pace disagree (time/distance = " + Math.round(implied) + " s)");
            }
        }
        r.penalty += Confidence.leftovers(r.it, trace, CARDIO_FILLERS);
        return new CardioLog(
                activity,
                type,
                r.distance,
                r.distUnit,
                duration,
                r.pace,
                r.paceUnit,
                iv,
                Confidence.of(Confidence.CARDIO_BASE, r.penalty),
                trace);
    }

    private static boolean hasAny(String[] w, Set<String> set) {
        for (String s : w) {
            if (set.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private DistanceUnit unitAt(int i) {
        Item x = at(i);
        return x == null || x.used || x.word == null ? null : DIST.get(x.word);
    }

    private static String clock(int s) {
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private void pass() {
        for (int i = 0; i < it.size(); i++) {
            Item x = it.get(i);
            if (x.used) {
                continue;
            }
            if (x.isNum()) {
                number(i, x);
            } else {
                word(i, x);
            }
        }
    }

    private void word(int i, Item x) {
        String s = x.word;
        if (s.equals("half") && w(i + 1, "marathon")) {
            setDistance(21.0975, DistanceUnit.KM, i, i + 2);
        } else if (s.equals("marathon")) {
            setDistance(42.195, DistanceUnit.KM, i, i + 1);
        } else if (s.equals("parkrun") && distance == null) {
            setDistance(5, DistanceUnit.KM, i, i + 1);
        } else if ((s.equals("a") || s.equals("an"))
                && unitAt(i + 1) == DistanceUnit.MI
                && !w(i - 1, "per")
                && !(pace == null && at(i - 1) != null && at(i - 1).isNum())) {
            setDistance(1, DistanceUnit.MI, i, i + 2);
        } else if (s.equals("half") && (w(i + 1, "a") || w(i + 1, "an")) && unitAt(i + 2) == DistanceUnit.MI) {
            setDistance(0.5, DistanceUnit.MI, i, i + 3);
        } else if (s.equals("half") && (w(i + 1, "an") || w(i + 1, "a")) && w(i + 2, HOURS)) {
            addDuration(1800, i, i + 3);
        } else if ((s.equals("an") || s.equals("a")) && w(i + 1, HOURS)) {
            int end = i + 2;
            int secs = 3600;
            if (w(end, "and") && w(end + 1, "a") && w(end + 2, "half")) {
                secs += 1800;
                end += 3;
            }
            addDuration(secs, i, end);
        } else if (DIST.containsKey(s)
                && w(i + 1, REPEAT_WORDS)
                && !(at(i - 1) != null && at(i - 1).isNum())) {
            // "mile repeats": one unit per repeat
            ivDistance = 1.0;
            ivUnit = DIST.get(s);
            intervalsOpen = true;
            use(i, i + 2);
            if (trace != null) note(i, i + 2, "interval distance 1 " + ivUnit.wire());
        } else if (w(i, "hill") && w(i + 1, REPEAT_WORDS)) {
            intervalsOpen = true;
            use(i, i + 2);
        } else if (s.equals("mile")
                && !(at(i - 1) != null && at(i - 1).isNum())
                && !w(i - 1, "per")
                && !w(i - 1, "a")) {
            // a bare "mile": "warm up mile", "mile race 5:48", "4 by mile at 6:50"
            if (repeats != null && ivDistance == null) {
                ivDistance = 1.0;
                ivUnit = DistanceUnit.MI;
                use(i, i + 1);
                if (trace != null) note(i, i + 1, "interval distance 1 mi");
            } else {
                setDistance(1, DistanceUnit.MI, i, i + 1);
            }
        }
    }

    private void setDistance(double d, DistanceUnit u, int from, int to) {
        use(from, to);
        if (distance != null) {
            penalty += Confidence.IGNORED_NUMBER;
            if (trace != null) note(from, to, "second distance; ignored");
            return;
        }
        distance = d;
        distUnit = u;
        if (trace != null) note(from, to, "distance " + fmt(d) + " " + u.wire());
    }

    private void addDuration(int secs, int from, int to) {
        use(from, to);
        durationS = Math.max(0, durationS) + secs;
        if (trace != null) note(from, to, "+" + secs + " s duration");
    }

    private void number(int i, Item n) {
        double v = n.num;
        DistanceUnit u = unitAt(i + 1);
        // pace forms first: "8:30 pace", "9 minute pace", "8 minute miles", "5:15 per k", "7:30 a mile"
        if ((w(i + 1, MINUTES) || w(i + 1, SECONDS))
                && (w(i + 2, "rest")
                        || w(i - 1, "rest")
                        || repeats != null && (w(i + 2, "recovery") || w(i + 2, "jog")))) {
            // "3 by mile with 2 minutes rest": the rest between repeats is not the run's duration
            int from = w(i - 1, "with") || w(i - 1, "rest") ? i - 1 : i;
            int end = w(i + 2, "rest") || w(i + 2, "recovery") || w(i + 2, "jog") ? i + 3 : i + 2;
            use(from, end);
            if (trace != null) note(from, end, "rest between repeats (not a field)");
            return;
        }
        if (w(i + 1, "flat") && w(i + 2, "pace") && n.isInt() && v >= 3 && v <= 20) {
            int from = w(i - 1, "at") ? i - 1 : i; // "at seven flat pace"
            setPace((int) v * 60, from, paceUnitAfter(i + 3));
            return;
        }
        if (w(i + 1, "pace")
                || (w(i + 1, MINUTES)
                        && (w(i + 2, "pace")
                                || unitAt(i + 2) != null
                                        && unitAt(i + 2) != DistanceUnit.M
                                        && !w(i + 3, REPEAT_WORDS)))) {
            int secs = n.clock > 0 ? n.clock : (int) Math.round(v * 60);
            int end = i + 2;
            if (w(i + 1, MINUTES)) {
                secs = (int) Math.round(v * 60);
                if (unitAt(i + 2) != null) {
                    paceUnit = unitAt(i + 2);
                    end = i + 3;
                    if (w(end, "pace")) {
                        end++;
                    }
                } else {
                    end = i + 3;
                }
            }
            end = paceUnitAfter(end);
            int from = w(i - 1, "at") ? i - 1 : ((w(i - 1, "a") || w(i - 1, "an")) && w(i - 2, "at")) ? i - 2 : i;
            setPace(secs, from, end);
            return;
        }
        if ((n.clock > 0 || n.explicitClock)
                && (w(i + 1, "per") || w(i + 1, "a") || w(i + 1, "every"))
                && unitAt(i + 2) != null) {
            paceUnit = unitAt(i + 2);
            int from = w(i - 1, "at") ? i - 1 : i;
            setPace(n.clock, from, i + 3);
            return;
        }
        if (u != null) {
            if (w(i + 2, REPEAT_WORDS) || (repeats != null && ivDistance == null && intervalsOpen)) {
                ivDistance = v;
                ivUnit = u;
                intervalsOpen = true;
                int end = w(i + 2, REPEAT_WORDS) ? i + 3 : i + 2;
                use(i, end);
                if (trace != null) note(i, end, "interval distance " + fmt(v) + " " + u.wire());
                return;
            }
            setDistance(v, u, w(i - 1, "a") ? i - 1 : i, i + 2);
            return;
        }
        if (w(i + 1, "s") && v >= 100 && !n.explicitClock) {
            // "400s", "800s": repeats of that many metres
            ivDistance = v;
            ivUnit = DistanceUnit.M;
            intervalsOpen = true;
            use(i, i + 2);
            if (trace != null) note(i, i + 2, "interval distance " + fmt(v) + " m");
            return;
        }
        if (w(i + 1, "flat") && n.isInt() && v > 0 && v < 300) {
            // "in 25 flat": whole minutes
            int from = w(i - 1, "in") ? i - 1 : i;
            if (durationS < 0) {
                addDuration((int) v * 60, from, i + 2);
                return;
            }
        }
        if (w(i + 1, HOURS)) {
            int end = i + 2;
            int secs = (int) Math.round(v * 3600);
            if (w(end, "and") && w(end + 1, "a") && w(end + 2, "half")) {
                secs += 1800;
                end += 3;
            }
            addDuration(secs, w(i - 1, "for") ? i - 1 : i, end);
            return;
        }
        if (w(i + 1, MINUTES)) {
            int secs = (int) Math.round(v * 60);
            int from = w(i - 1, "for") || w(i - 1, "in") ? i - 1 : i;
            if (intervalsOpen && repeats != null && ivTarget == null && durationS < 0) {
                ivTarget = secs;
                use(from, i + 2);
                if (trace != null) note(from, i + 2, "target " + secs + " s per repeat");
                return;
            }
            addDuration(secs, from, i + 2);
            return;
        }
        if (w(i + 1, SECONDS)) {
            int from = w(i - 1, "in") || w(i - 1, "at") ? i - 1 : i;
            if ((intervalsOpen || repeats != null) && ivTarget == null) {
                ivTarget = (int) v;
                use(from, i + 2);
                if (trace != null) note(from, i + 2, "target " + ivTarget + " s per repeat");
                return;
            }
            addDuration((int) v, from, i + 2);
            return;
        }
        if (w(i + 1, X_WORDS) && n.isInt() && v >= 1 && v <= 100) {
            // "8 by 800", "6 x 1k", "6 times 1k", "hill repeats 8 times 90 seconds", "400 meter repeats 6 times"
            repeats = (int) v;
            intervalsOpen = true;
            use(i, i + 2);
            if (trace != null) note(i, i + 2, "repeats " + repeats);
            if (num(i + 2)
                    && unitAt(i + 3) == null
                    && !w(i + 3, SECONDS)
                    && !w(i + 3, MINUTES)
                    && !at(i + 2).explicitClock
                    && at(i + 2).num >= 100) {
                ivDistance = at(i + 2).num;
                ivUnit = DistanceUnit.M;
                penalty += Confidence.PAIR_BY_SIZE;
                use(i + 2, i + 3);
                if (trace != null)
                    note(i + 2, i + 3, "interval distance " + fmt(ivDistance) + " m (unit not said; metres)");
            }
            return;
        }
        if ((w(i + 1, "repeats") || w(i + 1, "intervals")) && n.isInt() && v >= 1 && v <= 100) {
            // "6 400 repeats" is rare; "6 repeats" is common
            repeats = (int) v;
            intervalsOpen = true;
            use(i, i + 2);
            if (trace != null) note(i, i + 2, "repeats " + repeats);
            return;
        }
        if (n.explicitClock || n.clock > 0) {
            boolean afterAt = w(i - 1, "at") || (w(i - 1, "averaging") || w(i - 1, "average"));
            boolean afterIn = w(i - 1, "in") || w(i - 1, "for") || w(i - 1, "took") || w(i - 1, "time");
            int from = afterAt || afterIn ? i - 1 : i;
            if ((intervalsOpen || repeats != null) && ivTarget == null && (afterAt || afterIn || repeats != null)) {
                ivTarget = n.clock;
                use(from, i + 1);
                if (trace != null) note(from, i + 1, "target " + clock(n.clock) + " per repeat (" + n.clock + " s)");
                return;
            }
            if (afterAt && pace == null) {
                penalty += Confidence.BARE_PACE;
                int end = paceUnitAfter(i + 1);
                setPace(n.clock, from, end);
                return;
            }
            if (durationS < 0 && (afterIn || n.explicitClock)) {
                durationS = n.clock;
                durationShortClock = n.explicitClock && n.spoken.indexOf(':') == n.spoken.lastIndexOf(':');
                use(from, i + 1);
                if (trace != null) note(from, i + 1, "duration " + clock(n.clock) + " (" + n.clock + " s)");
                return;
            }
        }
        if (w(i - 1, "at")
                && n.isInt()
                && v >= 10
                && v <= 600
                && repeats != null
                && ivDistance != null
                && ivTarget == null) {
            // "10 by 200 at 35": a bare number after the interval distance is its target in seconds
            ivTarget = (int) v;
            penalty += Confidence.BARE_NUMBER;
            use(i - 1, i + 1);
            if (trace != null) note(i - 1, i + 1, "target " + ivTarget + " s per repeat (no unit said)");
            return;
        }
        if (w(i + 1, "miler")
                || (distance == null
                        && repeats == null
                        && n.num <= 50
                        && !n.explicitClock
                        && (w(i - 1, "ran") || w(i - 1, "run") || w(i - 1, "jogged") || w(i + 1, "run")))) {
            penalty += Confidence.DISTANCE_UNIT_DEFAULTED;
            setDistance(v, DistanceUnit.MI, i, i + 1);
            if (trace != null) trace.add("distance unit → mi (not said; default)");
            return;
        }
        penalty += Confidence.IGNORED_NUMBER;
        use(i, i + 1);
        if (trace != null) note(i, i + 1, "not placed; ignored");
    }

    private int paceUnitAfter(int end) {
        if ((w(end, "per") || w(end, "a") || w(end, "every")) && unitAt(end + 1) != null) {
            paceUnit = unitAt(end + 1);
            return end + 2;
        }
        if (unitAt(end) != null && unitAt(end) != DistanceUnit.M && (w(end + 1, "pace") || end == it.size() - 1)) {
            paceUnit = unitAt(end);
            return w(end + 1, "pace") ? end + 2 : end + 1;
        }
        return end;
    }

    private void setPace(int secs, int from, int to) {
        use(from, to);
        if (pace != null) {
            penalty += Confidence.IGNORED_NUMBER;
            if (trace != null) note(from, to, "second pace; ignored");
            return;
        }
        pace = secs;
        if (trace != null)
            if (trace != null)
                note(
                        from,
                        to,
                        "pace " + clock(secs) + (paceUnit == null ? "" : " per " + paceUnit.wire()) + " (" + secs
                                + " s)");
    }
}
