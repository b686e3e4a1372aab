package dev.spotter.voice;

import java.util.List;
import java.util.Objects;

/** The parser did not understand the utterance; {@code reason} says why. Confidence is always 0. */
public record Unparsed(String reason, List<String> trace) implements VoiceResult {
    public Unparsed {
        Objects.requireNonNull(reason, "reason");
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    public static Unparsed of(String reason) {
        return new Unparsed(reason, List.of());
    }

    @Override
    public String type() {
        return "unparsed";
    }

    @Override
    public double confidence() {
        return 0;
    }

    @Override
    public String toJson() {
        StringBuilder sb = new StringBuilder(80);
        sb.append("{\"type\":\"unparsed\",\"reason\":");
        Json.str(sb, reason);
        return sb.append(",\"confidence\":0}").toString();
    }
}
