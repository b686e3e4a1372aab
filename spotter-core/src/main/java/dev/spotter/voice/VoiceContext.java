package dev.spotter.voice;

/**
 * What came before an utterance: the previous strength set of the session, used by "same weight for 7",
 * "same thing for 6", "another set of 8" and by utterances that name no exercise. {@link #NONE} when unknown.
 */
public record VoiceContext(StrengthSet previous) {
    public static final VoiceContext NONE = new VoiceContext(null);

    public static VoiceContext of(StrengthSet previous) {
        return previous == null ? NONE : new VoiceContext(previous);
    }

    /** Context from a previous result; only strength sets carry context. */
    public static VoiceContext of(VoiceResult previous) {
        return previous instanceof StrengthSet s ? new VoiceContext(s) : NONE;
    }

    public boolean isEmpty() {
        return previous == null;
    }
}
