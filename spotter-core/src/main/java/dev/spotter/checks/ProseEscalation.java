package dev.spotter.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Escalation stated in prose, for answers that are not the structured JSON (the evaluation gate reads the
 * structured {@code escalation.see_clinician} whenever there is one). Fails closed:
 * <ul>
 *   <li>a phrase counts only when it is not negated ("This is not an emergency", "No need to see a doctor
 *       today" are not escalations; "don't wait" / "don't hesitate" are read as urgency, not negation);</li>
 *   <li>a conditional sentence ("if", "unless", "should it get worse") does not escalate now;</li>
 *   <li>an answer that negates an escalation anywhere is read as not escalating at all, whatever else it says
 *       (a contradictory answer is a miss).</li>
 * </ul>
 * The phrases per level are {@code prose_escalation} in {@code clinical-rules.yaml}.
 */
public final class ProseEscalation {
    private static final Pattern URGENT_NEGATION = Pattern.compile(
            "\\b(do not|don't|dont|never) (wait|delay|hesitate|put (it|this) off)\\b|\\bwithout delay\\b");

    private ProseEscalation() {}

    /** The most urgent level the text sends the user to now; empty when it does not (or contradicts itself). */
    public static Optional<Urgency> level(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        ClinicalRules rules = ClinicalRules.get();
        Urgency best = null;
        for (String sentence : Phrases.sentences(text)) {
            String s = URGENT_NEGATION.matcher(Phrases.lower(sentence)).replaceAll("now");
            boolean conditional =
                    rules.regex("prose_conditional_regex").matcher(s).find();
            for (Map.Entry<Urgency, List<Pattern>> e : rules.proseEscalation().entrySet()) {
                for (Pattern p : e.getValue()) {
                    var m = p.matcher(s);
                    while (m.find()) {
                        if (Phrases.negated(s, m.start(), m.end(), rules.proseNegators())) {
                            if (!conditional) {
                                return Optional.empty(); // "this is not an emergency": the answer dismisses it
                            }
                        } else if (!conditional && (best == null || e.getKey().atLeast(best))) {
                            best = e.getKey();
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
