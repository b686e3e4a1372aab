package dev.spotter.voice;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import dev.spotter.format.TextLines;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Label audit: parses each user utterance of a voice chat JSONL file (earlier assistant labels as context) and
 * compares the parser with the assistant's JSON label field by field.
 *
 * <p>Streaming: one line in memory at a time; the report keeps counters plus at most {@code maxListed}
 * disagreements (the total is always counted). A field the label does not have is "not labelled", never a
 * disagreement; per field the report says how many turns were comparable. Every line is accounted for:
 * {@code read = audited + skipped}, each skip with its reason.
 */
public final class VoiceAudit {
    /**
     * Fields compared, in report order. {@code per_side} and {@code to_failure} (contract additions of issue 15) are
     * compared only where a label has them; legacy labels have neither, so those columns read {@code n/a} there.
     */
    public static final List<String> FIELDS =
            List.of("exercise", "weight", "unit", "reps", "sets", "rpe", "per_side", "to_failure");

    private final VoiceParser parser;
    private final int maxListed;

    public VoiceAudit(VoiceParser parser, int maxListed) {
        this.parser = Objects.requireNonNull(parser, "parser");
        if (maxListed < 0) {
            throw new ConfigurationException("maxListed must be >= 0, was " + maxListed);
        }
        this.maxListed = maxListed;
    }

    /** One disagreement: where, which field, what the label says, what the parser says. */
    public record Disagreement(String where, String field, String label, String parser, String utterance) {}

    /** Counters and listed disagreements. */
    public static final class Report {
        public long linesRead;
        public long linesAudited;
        public long turnsCompared;
        public final Map<String, Long> skipped = new LinkedHashMap<>();
        public final Map<String, long[]> fields = new LinkedHashMap<>(); // field → {agree, comparable}
        public final List<Disagreement> disagreements = new ArrayList<>();
        public long disagreementCount;

        Report() {
            for (String f : FIELDS) {
                fields.put(f, new long[2]);
            }
        }

        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Percent agreement, or NaN when nothing was comparable. */
        public double percent(String field) {
            long[] c = fields.get(field);
            return c[1] == 0 ? Double.NaN : 100.0 * c[0] / c[1];
        }

        /** The brief's form: "95.57% weight / 99.74% reps / 98.18% RPE ...". */
        public String summaryLine() {
            StringBuilder sb = new StringBuilder();
            for (String f : FIELDS) {
                if (sb.length() > 0) {
                    sb.append(" / ");
                }
                double p = percent(f);
                sb.append(Double.isNaN(p) ? "n/a" : String.format("%.2f%%", p))
                        .append(' ')
                        .append(f.equals("rpe") ? "RPE" : f);
            }
            return sb.toString();
        }
    }

    /**
     * Audits a JSONL stream; {@code name} is used in {@code file:line} locations. Lines are split and numbered as
     * {@code validate} splits them ({@link TextLines}), so both count the same lines of the same file.
     */
    public Report audit(InputStream input, String name) throws IOException {
        Report rep = new Report();
        TextLines lines = new TextLines(input);
        while (lines.next()) {
            long lineNo = lines.lineNumber();
            rep.linesRead++;
            String line = lines.text();
            if (line == null) {
                rep.skipped.merge(
                        lines.problem().startsWith("not valid UTF-8") ? "invalid UTF-8" : "line too long",
                        1L,
                        Long::sum);
                continue;
            }
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(
                        1); // a byte order mark is a format problem (validate reports it), not a label one
            }
            if (line.isBlank()) {
                rep.skipped.merge("blank line", 1L, Long::sum);
                continue;
            }
            ChatExample ex;
            try {
                ex = ChatJson.parse(line);
            } catch (IllegalArgumentException e) {
                rep.skipped.merge("not a chat example (" + firstWords(e.getMessage()) + ")", 1L, Long::sum);
                continue;
            }
            if (!auditExample(ex, name + ":" + lineNo, rep)) {
                rep.skipped.merge("no user turn followed by a JSON assistant label", 1L, Long::sum);
                continue;
            }
            rep.linesAudited++;
        }
        return rep;
    }

    private static String firstWords(String msg) {
        if (msg == null) {
            return "unreadable";
        }
        int c = msg.indexOf(':');
        return c > 0 && c < 40 ? msg.substring(0, c) : msg.length() > 40 ? msg.substring(0, 40) : msg;
    }

    private boolean auditExample(ChatExample ex, String where, Report rep) {
        VoiceContext ctx = VoiceContext.NONE;
        String user = null;
        boolean any = false;
        for (ChatMessage m : ex.messages()) {
            if (m.role() == Role.USER) {
                user = m.content();
            } else if (m.role() == Role.ASSISTANT && user != null) {
                VoiceLabel label;
                try {
                    label = VoiceLabel.parse(VoiceReasoning.extractJson(m.content()), parser.catalog());
                } catch (IllegalArgumentException e) {
                    user = null;
                    continue;
                }
                any = true;
                rep.turnsCompared++;
                VoiceResult r = parser.parse(user, ctx);
                compare(label, r, where, user, rep);
                ctx = label.toContext(parser.defaultWeightUnit())
                        .map(VoiceContext::of)
                        .orElse(VoiceContext.NONE);
                user = null;
            }
        }
        return any;
    }

    private void compare(VoiceLabel l, VoiceResult r, String where, String user, Report rep) {
        StrengthSet s = r instanceof StrengthSet ss ? ss : null;
        String none = r.type();
        if (l.exerciseLabel() != null || l.exercise().isPresent()) {
            String lv = l.exercise().map(Exercise::id).orElse(l.exerciseLabel());
            check(rep, "exercise", lv, s == null ? none : s.exerciseId(), where, user);
        }
        if (l.hasWeight()) {
            check(rep, "weight", fmt(l.weight()), s == null ? none : fmt(s.weight()), where, user);
        }
        if (l.hasUnit()) {
            check(
                    rep,
                    "unit",
                    l.unit() == null ? "null" : l.unit().wire(),
                    s == null
                            ? none
                            : s.weightUnit() == null ? "null" : s.weightUnit().wire(),
                    where,
                    user);
        }
        if (l.hasReps()) {
            check(
                    rep,
                    "reps",
                    fmt(l.reps() == null ? null : l.reps().doubleValue()),
                    s == null ? none : fmt(s.reps() == null ? null : s.reps().doubleValue()),
                    where,
                    user);
        }
        if (l.hasSets()) {
            check(
                    rep,
                    "sets",
                    fmt(l.sets() == null ? null : l.sets().doubleValue()),
                    s == null ? none : fmt((double) s.sets()),
                    where,
                    user);
        }
        if (l.hasRpe()) {
            check(rep, "rpe", fmt(l.rpe()), s == null ? none : fmt(s.rpe()), where, user);
        }
        if (l.hasPerSide()) {
            check(rep, "per_side", flag(l.perSide()), s == null ? none : flag(s.perSide()), where, user);
        }
        if (l.hasToFailure()) {
            check(rep, "to_failure", flag(l.toFailure()), s == null ? none : flag(s.toFailure()), where, user);
        }
    }

    private static String flag(boolean b) {
        return Boolean.toString(b);
    }

    private void check(Report rep, String field, String label, String parsed, String where, String user) {
        long[] c = rep.fields.get(field);
        c[1]++;
        if (label.equals(parsed)) {
            c[0]++;
        } else {
            rep.disagreementCount++;
            if (rep.disagreements.size() < maxListed) {
                // utterances are quoted for review, cut to 120 chars so one odd line cannot flood the report
                String u = user.length() > 120 ? user.substring(0, 117) + "..." : user;
                rep.disagreements.add(new Disagreement(where, field, label, parsed, u));
            }
        }
    }

    static String fmt(Double v) {
        if (v == null) {
            return "null";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : Double.toString(v);
    }

    /** True when the parse result agrees with every field the label has (used before adding reasoning). */
    public static boolean agree(VoiceLabel l, VoiceResult r) {
        if (l.type() != null && !l.type().equals(r.type())) {
            return false;
        }
        if (!(r instanceof StrengthSet s)) {
            return l.type() != null && l.type().equals(r.type()) && !r.type().equals("strength");
        }
        if (l.exercise().isEmpty() || !l.exercise().get().id().equals(s.exerciseId())) {
            return false;
        }
        return (!l.hasWeight() || fmt(l.weight()).equals(fmt(s.weight())))
                && (!l.hasUnit() || l.unit() == s.weightUnit())
                && (!l.hasReps() || Objects.equals(l.reps(), s.reps()))
                && (!l.hasSets() || Objects.equals(l.sets(), s.sets()))
                && (!l.hasRpe() || fmt(l.rpe()).equals(fmt(s.rpe())))
                && (!l.hasPerSide() || l.perSide() == s.perSide())
                && (!l.hasToFailure() || l.toFailure() == s.toFailure());
    }
}
