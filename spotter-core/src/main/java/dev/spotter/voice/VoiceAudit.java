package dev.spotter.voice;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.Role;
import dev.spotter.format.ValidationSummary;
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
 * {@code read = invalid (left out, as validate rejects it) + audited + skipped}, each skip with its reason.
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
            throw ConfigurationException.forParameter("maxListed", "must be >= 0, was " + maxListed);
        }
        this.maxListed = maxListed;
    }

    /** One disagreement: where, which field, what the label says, what the parser says. */
    public record Disagreement(String where, String field, String label, String parser, String utterance) {}

    /** Counters and listed disagreements. */
    public static final class Report {
        public long linesRead;
        /** The validator's verdict on every line read: its rejected lines are left out of the audit. */
        public ValidationSummary validation = ValidationSummary.empty();

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

        /** Lines the validator rejected, left out of the audit. */
        public long invalidLines() {
            return validation.rejected();
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
     * Audits a chat JSONL stream; {@code name} is used in {@code file:line} locations. Which lines are audited is
     * the {@code validate} command's decision, not this class's: {@code validator} reads and numbers the lines
     * (so both name the same line numbers) and only the examples it accepts are audited. A line it rejects
     * ({@code consecutive_same_role}, {@code over_token_limit}, ...) is counted in {@link Report#validation} and
     * left out; a valid example without a user turn answered by a JSON label is counted as skipped.
     */
    public Report audit(ChatValidator validator, InputStream input, String name) throws IOException {
        Report rep = new Report();
        rep.validation = validator.validate(
                input,
                name,
                accepted -> {
                    if (auditExample(accepted.example(), name + ":" + accepted.line(), rep)) {
                        rep.linesAudited++;
                    } else {
                        rep.skipped.merge("no user turn followed by a JSON assistant label", 1L, Long::sum);
                    }
                },
                QuarantineWriter.discarding());
        rep.linesRead = rep.validation.read();
        return rep;
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
