package dev.spotter.assemble;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in text with typed placeholders ({@code [EMAIL]}, {@code [PHONE]}, {@code [URL]},
 * {@code [ADDRESS]}) and counts what it replaced. Thread-safe; no state between calls.
 *
 * <p>Precision matters as much as recall here: workout text is full of numbers. The patterns therefore demand
 * shapes that sets, paces, dates and weights do not have: a phone number needs a leading {@code +country} or
 * the US 3-3-4 grouping with separators (or parentheses); "225 for 8", "8:30 pace", "2025-11-07", "11/07/2025"
 * and "3x5" never match. URLs are replaced only when they carry credentials (a user:password part or a query
 * parameter named like a token, key, secret, signature or password); plain links are kept. Street addresses
 * need a house number, one to four name words and a street suffix, and are refused when a "name word" is a
 * training word (a "5 mile run on the road" is not an address).
 */
final class PiiScrubber {

    /** The kinds of personal data recognised. */
    public enum Kind {
        EMAIL("[EMAIL]"),
        PHONE("[PHONE]"),
        URL("[URL]"),
        ADDRESS("[ADDRESS]");

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }

        /** spotter.yaml spelling. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Scrubbed text and the number of replacements per kind. */
    public record Result(String text, Map<Kind, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}\\b");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s<>\"')\\]]+");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)[?&#;](?:[a-z0-9_.-]*(?:token|key|secret|sig|signature|password|passwd|pwd|auth|session|sid|code|credential)[a-z0-9_.-]*)=[^&#\\s]+");
    private static final Pattern USERINFO = Pattern.compile("(?i)^[a-z]+://[^/@\\s]+:[^/@\\s]+@");
    /** +CC then 6-14 more digits in groups separated by space, dot or dash (E.164 allows 15 digits in all). */
    private static final Pattern PHONE_INTL =
            Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,4}\\)?){2,5}(?![\\w:/])");
    /** US: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567, optional leading 1. */
    private static final Pattern PHONE_US = Pattern.compile(
            "(?<![\\w+/:.-])(?:1[\\s.-])?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?![\\w/:.-]|\\.\\d)");

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w.:/-])(\\d{1,6}[A-Za-z]?)\\s+((?:[A-Za-z][A-Za-z'.-]*\\s+){1,4}?)"
                    + "(street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|"
                    + "parkway|pkwy|highway|hwy|circle|cir|square|sq)\\b\\.?",
            Pattern.CASE_INSENSITIVE);
    /** Words that show a number + words + "road/lane/way" phrase is about training, not a place. */
    private static final Set<String> NOT_STREET_WORDS = Set.of(
            "mile",
            "miles",
            "mi",
            "km",
            "k",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
            "meter",
            "meters",
            "metre",
            "metres",
            "m",
            "minute",
            "minutes",
            "min",
            "mins",
            "hour",
            "hours",
            "second",
            "seconds",
            "sec",
            "run",
            "runs",
            "running",
            "ran",
            "jog",
            "walk",
            "walking",
            "ride",
            "bike",
            "cycle",
            "easy",
            "tempo",
            "long",
            "on",
            "the",
            "a",
            "an",
            "in",
            "of",
            "for",
            "at",
            "to",
            "by",
            "my",
            "this",
            "that",
            "down",
            "up",
            "all",
            "reps",
            "rep",
            "sets",
            "set",
            "lb",
            "lbs",
            "kg",
            "kgs",
            "pounds",
            "x",
            "times",
            "laps",
            "lap",
            "hill",
            "hills",
            "repeats",
            "days",
            "day",
            "weeks",
            "week",
            "and",
            "or",
            "out",
            "rest",
            "same",
            "other",
            "whole",
            "rpe",
            "pace",
            "feet",
            "ft",
            "yards",
            "yd",
            "steps",
            "more",
            "last",
            "first",
            "next",
            "every");

    private final Set<Kind> kinds;

    /** Scrubber for the given kinds (empty = none). */
    public PiiScrubber(Collection<Kind> kinds) {
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
    }

    public static PiiScrubber all() {
        return new PiiScrubber(EnumSet.allOf(Kind.class));
    }

    /** Kinds by their spotter.yaml names (email, phone, url, address). */
    public static PiiScrubber of(List<String> names) {
        List<Kind> ks = new ArrayList<>();
        for (String n : names) {
            ks.add(Kind.valueOf(n.toUpperCase(Locale.ROOT)));
        }
        return new PiiScrubber(ks);
    }

    public Result scrub(String text) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        String t = text;
        // URLs first: an e-mail-like user@host inside a URL belongs to the URL.
        if (kinds.contains(Kind.URL)) {
            t = replaceUrls(t, counts);
        }
        if (kinds.contains(Kind.EMAIL)) {
            t = replaceAll(EMAIL, t, Kind.EMAIL, counts);
        }
        if (kinds.contains(Kind.PHONE)) {
            t = replacePhones(PHONE_INTL, t, counts);
            t = replacePhones(PHONE_US, t, counts);
        }
        if (kinds.contains(Kind.ADDRESS)) {
            t = replaceAddresses(t, counts);
        }
        return new Result(t, counts);
    }

    private static String replaceAll(Pattern p, String t, Kind kind, Map<Kind, Integer> counts) {
        Matcher m = p.matcher(t);
        if (!m.find()) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(kind.placeholder()));
            counts.merge(kind, 1, Integer::sum);
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    private static String replaceUrls(String t, Map<Kind, Integer> counts) {
        Matcher m = URL.matcher(t);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String url = m.group();
            if (SECRET_PARAM.matcher(url).find() || USERINFO.matcher(url).find()) {
                if (sb == null) {
                    sb = new StringBuilder(t.length());
                }
                sb.append(t, last, m.start()).append(Kind.URL.placeholder());
                last = m.end();
                counts.merge(Kind.URL, 1, Integer::sum);
            }
        }
        return sb == null ? t : sb.append(t, last, t.length()).toString();
    }

    private static String replacePhones(Pattern p, String t, Map<Kind, Integer> counts) {
        Matcher m = p.matcher(t);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            int digits = 0;
            for (int i = m.start(); i < m.end(); i++) {
                if (Character.isDigit(t.charAt(i))) {
                    digits++;
                }
            }
            if (digits < 10 || digits > 15) {
                continue; // too short or too long for a phone number (E.164 max 15 digits)
            }
            if (sb == null) {
                sb = new StringBuilder(t.length());
            }
            sb.append(t, last, m.start()).append(Kind.PHONE.placeholder());
            last = m.end();
            counts.merge(Kind.PHONE, 1, Integer::sum);
        }
        return sb == null ? t : sb.append(t, last, t.length()).toString();
    }

    private static String replaceAddresses(String t, Map<Kind, Integer> counts) {
        Matcher m = ADDRESS.matcher(t);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            boolean training = false;
            for (String w : m.group(2).trim().split("\\s+")) {
                if (NOT_STREET_WORDS.contains(w.toLowerCase(Locale.ROOT).replaceAll("[.'-]", ""))) {
                    training = true;
                    break;
                }
            }
            String suffix = m.group(3);
            // Two-letter abbreviations like "St"/"Dr" need a capitalised name before them ("12 Oak St", not "3 sets
            // dr").
            boolean abbrev = suffix.length() <= 4 && !suffix.equalsIgnoreCase("way");
            if (abbrev && !Character.isUpperCase(m.group(2).trim().charAt(0))) {
                training = true;
            }
            if (training) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(t.length());
            }
            sb.append(t, last, m.start()).append(Kind.ADDRESS.placeholder());
            last = m.end();
            counts.merge(Kind.ADDRESS, 1, Integer::sum);
        }
        return sb == null ? t : sb.append(t, last, t.length()).toString();
    }
}
