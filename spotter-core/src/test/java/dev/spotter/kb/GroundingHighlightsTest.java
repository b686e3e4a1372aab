package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroundingHighlightsTest {
    @Test
    void marksStemmedContentWordsAndNumbersTheChunkStatesAndFlagsTheOthers() {
        String chunk = "Beginners should squat two to three times per week, 3 sets of 8 reps at RPE 7.";
        String answer = "Squatting 3 sets per session works; add a 5 kg jump every 12 days.";
        GroundingHighlights h = GroundingHighlights.of(chunk, answer);
        List<String> words = h.answer().stream()
                .filter(s -> s.kind() == GroundingHighlights.Kind.WORD)
                .map(s -> answer.substring(s.start(), s.end()))
                .toList();
        assertThat(words).containsExactly("Squatting", "sets");
        List<String> backed = h.answer().stream()
                .filter(s -> s.kind() == GroundingHighlights.Kind.NUMBER)
                .map(s -> answer.substring(s.start(), s.end()))
                .toList();
        assertThat(backed).containsExactly("3");
        List<String> unbacked = h.answer().stream()
                .filter(s -> s.kind() == GroundingHighlights.Kind.UNBACKED_NUMBER)
                .map(s -> answer.substring(s.start(), s.end()))
                .toList();
        assertThat(unbacked).containsExactly("5", "12");
        assertThat(h.chunk().stream().map(s -> chunk.substring(s.start(), s.end())))
                .contains("squat", "3", "sets");
    }
}
