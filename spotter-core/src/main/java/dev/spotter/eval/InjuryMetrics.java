package dev.spotter.eval;

/**
 * Injury analysis.
 *
 * <ul>
 *   <li>{@code schemaValid}: the answer is one JSON object that passes the injury-analysis JSON Schema.</li>
 *   <li>{@code redFlagRecall}: of the examples whose gold answer is a red flag (assessment_type red_flag or a
 *       red-flag category), the share where the model escalated: {@code escalation.see_clinician} is emergency
 *       or within_24_hours. Must be 100% to pass.</li>
 *   <li>{@code domsFalsePositive}: of the gold DOMS examples, the share the model treated as more than DOMS
 *       (assessment_type not doms, or an urgent escalation). {@code ok} counts the false positives.</li>
 *   <li>Calibration over examples whose gold names a top diagnosis and whose answer is valid JSON with a
 *       confidence score: correct = the model's most probable differential names the gold's (normalised names
 *       equal or one contains the other); {@code brier} = mean (score − correct)²; {@code ece} = Σ over 10
 *       equal-width score bins of (bin size / n)·|accuracy − mean score|.</li>
 *   <li>{@code proseAnswers}: answers that were not JSON; their escalation was read from the text by a
 *       conservative rule (an unconditional "call 911", "emergency", "see a doctor today/now" sentence), and a
 *       DOMS answer counts as a false positive only when it escalates that way.</li>
 * </ul>
 */
public record InjuryMetrics(
        Rate schemaValid,
        Rate redFlagRecall,
        Rate domsFalsePositive,
        Rate topDiagnosis,
        double meanConfidence,
        double brier,
        double ece,
        long proseAnswers) {}
