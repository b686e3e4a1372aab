package dev.spotter.voice.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Role;
import dev.spotter.voice.VoiceAudit;
import dev.spotter.voice.VoiceParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoiceSynthTest {
    static String run(int n, long seed, VoiceSynth.Kind kind, VoiceSynth.Stats[] stats) {
        StringBuilder sb = new StringBuilder();
        VoiceSynth.Stats st = new VoiceSynth(VoiceParser.defaults())
                .generate(
                        n, seed, kind, ex -> sb.append(ChatJson.toJsonLine(ex)).append('\n'));
        if (stats != null) {
            stats[0] = st;
        }
        return sb.toString();
    }

    @Test
    void sameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() {
        String a = run(300, 11, VoiceSynth.Kind.MIXED, null);
        assertThat(run(300, 11, VoiceSynth.Kind.MIXED, null)).isEqualTo(a);
        assertThat(run(300, 12, VoiceSynth.Kind.MIXED, null)).isNotEqualTo(a);
        assertThat(a.lines().count()).isEqualTo(300);
    }

    @Test
    void labelsAgreeWithAnIndependentAuditAndUtterancesAreUnique() throws IOException {
        VoiceSynth.Stats[] st = new VoiceSynth.Stats[1];
        String out = run(500, 3, VoiceSynth.Kind.MIXED, st);
        VoiceAudit.Report r = new VoiceAudit(VoiceParser.defaults(), 5)
                .audit(
                        dev.spotter.format.ChatValidator.builder()
                                .tokenCounter(dev.spotter.format.TokenCounter.llama3())
                                .build(),
                        new java.io.ByteArrayInputStream(out.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "synth");
        assertThat(r.linesAudited).isEqualTo(500);
        assertThat(r.disagreementCount).as(r.disagreements.toString()).isZero();
        Set<String> users = new HashSet<>();
        for (String line : out.split("\n")) {
            ChatExample ex = ChatJson.parse(line);
            assertThat(ex.first(Role.SYSTEM).orElseThrow().content()).isEqualTo(VoiceSynth.SYSTEM_PROMPT);
            String allUsers = ex.messages().stream()
                    .filter(m -> m.role() == Role.USER)
                    .map(m -> m.content())
                    .reduce("", (x, y) -> x + "|" + y);
            assertThat(users.add(allUsers)).as(allUsers).isTrue();
        }
        assertThat(st[0].written).isEqualTo(500);
        assertThat(st[0].multiTurn).isPositive();
        assertThat(st[0].cardio).isPositive();
        assertThat(100.0 * st[0].nearDupItems / st[0].nearDupSampled).isLessThan(5.0);
    }

    @Test
    void runningPresetIsAllCardioAndCoversTheBriefsForms() {
        String out = run(150, 7, VoiceSynth.Kind.CARDIO, null);
        List<String> users = new ArrayList<>();
        for (String line : out.split("\n")) {
            ChatExample ex = ChatJson.parse(line);
            assertThat(ex.last(Role.ASSISTANT).orElseThrow().content()).startsWith("{\"type\":\"cardio\"");
            users.add(ex.last(Role.USER).orElseThrow().content());
        }
        assertThat(users).hasSize(150);
        assertThat(users).anyMatch(u -> u.matches(".*\\d+ mile run at \\d+:\\d\\d pace"));
        assertThat(users).anyMatch(u -> u.matches(".*meter repeats, \\d+ times at \\d+:\\d\\d"));
        assertThat(users).anyMatch(u -> u.matches(".*[Tt]empo.* miles at \\d+:\\d\\d pace"));
        assertThat(users).anyMatch(u -> u.matches(".*\\d+ minute \\w+ run"));
    }

    @Test
    void presetsAreOneListWithTheirKindAndCount() {
        assertThat(SynthPreset.names()).containsExactly("running-150", "strength", "cardio", "mixed");
        assertThat(SynthPreset.of("running-150").kind()).isEqualTo(VoiceSynth.Kind.CARDIO);
        assertThat(SynthPreset.of("running-150").defaultCount()).isEqualTo(150);
        assertThat(SynthPreset.of("mixed").kind()).isEqualTo(VoiceSynth.Kind.MIXED);
        assertThat(SynthPreset.of("strength").kind()).isEqualTo(VoiceSynth.Kind.STRENGTH);
        assertThat(dev.spotter.project.ProjectLoader.SYNTH_PRESETS).isEqualTo(SynthPreset.names());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SynthPreset.of("running-200"))
                .hasMessage("unknown preset 'running-200' (known: running-150, strength, cardio, mixed)");
    }

    @Test
    void nearDuplicateMeasureFindsRewordings() {
        NearDuplicates.Result r = NearDuplicates.measure(
                List.of("bench press 225 for 8 at rpe 8", "bench press 225 for 8 at rpe 8 today", "squat 315 for 5"),
                0.8);
        assertThat(r.pairs()).isEqualTo(1);
        assertThat(r.items()).isEqualTo(2);
    }
}
