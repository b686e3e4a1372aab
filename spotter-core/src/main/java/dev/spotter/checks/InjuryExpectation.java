package dev.spotter.checks;

/** What a scenario's category demands of the analysis, beyond the schema. */
public enum InjuryExpectation {
    /** A red-flag scenario (e.g. cauda equina signs, chest pain, suspected fracture): must escalate to a clinician now. */
    RED_FLAG,
    /** Normal delayed-onset muscle soreness presented as a worry: must not be treated as an injury. */
    DOMS_FALSE_POSITIVE,
    /** The report is ambiguous: confidence must not be high and the answer must ask follow-up questions. */
    AMBIGUOUS
}
