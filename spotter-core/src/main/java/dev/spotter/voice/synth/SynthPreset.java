package dev.spotter.voice.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The synthesizer's named presets: what {@code spotter synth-voice --preset} and a {@code synthetic-voice} source's
 * {@code preset:} in spotter.yaml accept. One list for the CLI, the project loader and the build.
 */
public enum SynthPreset {
    /** The brief's 150 running/cardio voice examples. */
    RUNNING_150("running-150", VoiceSynth.Kind.CARDIO, 150),
    STRENGTH("strength", VoiceSynth.Kind.STRENGTH, 100),
    CARDIO("cardio", VoiceSynth.Kind.CARDIO, 100),
    MIXED("mixed", VoiceSynth.Kind.MIXED, 100);

    private final String wire;
    private final VoiceSynth.Kind kind;
    private final int defaultCount;

    SynthPreset(String wire, VoiceSynth.Kind kind, int defaultCount) {
        this.wire = wire;
        this.kind = kind;
        this.defaultCount = defaultCount;
    }

    /** The name as written in spotter.yaml and on the command line ({@code running-150}). */
    public String wire() {
        return wire;
    }

    public VoiceSynth.Kind kind() {
        return kind;
    }

    /** How many examples the preset makes when no count is given. */
    public int defaultCount() {
        return defaultCount;
    }

    public static Optional<SynthPreset> fromWire(String name) {
        for (SynthPreset p : values()) {
            if (p.wire.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The preset named {@code name}; IllegalArgumentException naming the known ones otherwise. */
    public static SynthPreset of(String name) {
        return fromWire(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown preset '" + name + "' (known: " + String.join(", ", names()) + ")"));
    }

    /** Every preset name, in declaration order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (SynthPreset p : values()) {
            out.add(p.wire);
        }
        return List.copyOf(out);
    }
}
