package dev.spotter.voice;

import java.util.List;

/**
 * What the parser understood from one utterance: a {@link StrengthSet}, a {@link CardioLog} or {@link Unparsed}.
 * {@link #toJson()} is the contract object (docs/areas/voice.md, shared voice contract) with its exact field names
 * and order; {@link #trace()} lists the parser's decisions in order, for reasoning chains and debugging.
 */
public sealed interface VoiceResult permits StrengthSet, CardioLog, Unparsed {
    /** {@code "strength"}, {@code "cardio"} or {@code "unparsed"}. */
    String type();

    /** In [0, 1]; 0 for unparsed. See {@code docs/areas/voice.md} "Confidence" for the rule. */
    double confidence();

    /** Decisions in the order they were taken, e.g. {@code 'rdl' → Romanian Deadlift}. */
    List<String> trace();

    /** One compact JSON object in the contract's field order. */
    String toJson();
}
