package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundingCheckerTest {
    static Map<String, KbChunk> chunks;
    static final GroundingChecker CHECKER = GroundingChecker.builder().build();

    @BeforeAll
    static void load() throws Exception {
        chunks = SampleKbTest.sample().stream().collect(Collectors.toMap(KbChunk::id, Function.identity()));
    }

    record Pair(String chunk, String label, String kind, String question, String answer) {}

    static List<Pair> pairs() throws Exception {
        List<Pair> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (var in = new BufferedReader(new InputStreamReader(
                GroundingCheckerTest.class.getResourceAsStream("grounding-pairs.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = om.readTree(line);
                out.add(new Pair(
                        n.get("chunk").asText(),
                        n.get("label").asText(),
                        n.get("kind").asText(),
                        n.get("question").asText(),
                        n.get("answer").asText()));
            }
        }
        return out;
    }

    /**
     * The labelled set: 16 grounded paraphrases and 18 bad answers (wrong numbers, contradictions, off-topic,
     * generic, unsupported specifics) over 16 sample chunks. Every one must be classified correctly.
     */
    @Test
    void classifiesEveryHandLabelledPairCorrectly() throws Exception {
        List<String> wrong = new ArrayList<>();
        int tp = 0, tn = 0;
        for (Pair p : pairs()) {
            KbChunk c = chunks.get(p.chunk());
            assertThat(c).as("chunk " + p.chunk()).isNotNull();
            GroundingChecker.Result r = CHECKER.check(c.content(), List.of(p.question()), p.answer());
            boolean good = p.label().equals("good");
            if (r.grounded() == good) {
                if (good) tp++;
                else tn++;
            } else {
                wrong.add(p.label() + "/" + p.kind() + " on " + c.title() + ": " + r.reason());
            }
        }
        System.out.printf("grounding: %d good accepted, %d bad rejected, %d wrong%n", tp, tn, wrong.size());
        assertThat(wrong).isEmpty();
    }

    @Test
    void numbersFromTheQuestionAndListMarkersAreExempt() {
        String chunk = "Beginners train 2 to 3 full-body sessions per week with 6 to 10 hard sets per muscle.";
        var r = CHECKER.check(
                chunk,
                List.of("I'm 45 and weigh 90 kg"),
                "1. At 45 and 90 kg, beginners train 2 to 3 full-body sessions per week.\n2. Use 6 to 10 hard sets per muscle.");
        assertThat(r.verdict()).isEqualTo(GroundingChecker.Verdict.GROUNDED);
    }

    @Test
    void enumerationLabelsTheChunkHasAreReferencesNotQuantities() {
        // issue 14 item 9: a numbered rule list; "rule 5" names an item, "4 weeks" is a quantity the chunk gives
        String chunk = "Placement rules:\n1. Ask the six questions first.\n2. Score each answer.\n3. Add the scores.\n"
                + "4. Compare with the table.\n5. After a layoff of more than 3 months, place one level lower for the"
                + " first 4 weeks.\n6. Re-test after the block.";
        String answer = "Rule 5 applies: you are placed one level lower for the first 4 weeks after your layoff.";
        assertThat(CHECKER.check(chunk, List.of("I took 4 months off, where do I start?"), answer)
                        .verdict())
                .isEqualTo(GroundingChecker.Verdict.GROUNDED);
        // a label the chunk does not have, and an invented quantity next to a real label, are still rejected
        String invented = "Rule 9 applies: you are placed one level lower for the first 4 weeks after your layoff.";
        assertThat(CHECKER.check(chunk, List.of(), invented).grounded()).isFalse();
        String quantity = "Rule 5 applies: you are placed one level lower for the first 8 weeks after your layoff.";
        assertThat(CHECKER.check(chunk, List.of(), quantity).grounded()).isFalse();
        // labels written in the chunk's text ("Step 3") count as well as list markers
        String steps = "Step 1 is the safety gate. Step 2 sorts by experience. Step 3 picks the template by days"
                + " available.";
        assertThat(CHECKER.check(steps, List.of(), "In step 3 the template is picked by the days available.")
                        .grounded())
                .isTrue();
        assertThat(CHECKER.check(steps, List.of(), "In step 7 the template is picked by the days available.")
                        .grounded())
                .isFalse();
    }

    @Test
    void conflictingUnitValueIsAContradiction() {
        String chunk = "Beginners train 2 to 3 full-body sessions per week with 6 to 10 hard sets per muscle.";
        var r = CHECKER.check(
                chunk, List.of(), "Beginners train 2 to 3 full-body sessions per week with 20 hard sets per muscle.");
        assertThat(r.verdict()).isEqualTo(GroundingChecker.Verdict.CONFLICTING_NUMBER);
        assertThat(r.reason()).contains("\"20 set\"").contains("\"6 to 10 set\"");
        var words = CHECKER.check(
                chunk,
                List.of(),
                "Beginners train two to three full-body sessions per week with six to ten hard sets per muscle.");
        assertThat(words.verdict()).isEqualTo(GroundingChecker.Verdict.GROUNDED);
        var inside = CHECKER.check(
                chunk, List.of(), "Beginners do 8 hard sets per muscle in 3 full-body sessions per week.");
        assertThat(inside.verdict()).isEqualTo(GroundingChecker.Verdict.GROUNDED);
    }

    @Test
    void multiTurnUsesTheWorstAssistantTurn() {
        String chunk = "Beginners train 2 to 3 full-body sessions per week with 6 to 10 hard sets per muscle.";
        ChatExample ex = ChatExample.of(
                ChatMessage.system("You are a coach."),
                ChatMessage.user("How often should a beginner train?"),
                ChatMessage.assistant("Beginners train 2 to 3 full-body sessions per week."),
                ChatMessage.user("And how many sets?"),
                ChatMessage.assistant("Do 15 hard sets per muscle."));
        assertThat(CHECKER.check(chunk, ex).verdict()).isEqualTo(GroundingChecker.Verdict.CONFLICTING_NUMBER);
        assertThat(CHECKER.check(chunk, ChatExample.of(ChatMessage.user("hi"))).verdict())
                .isEqualTo(GroundingChecker.Verdict.EMPTY_ANSWER);
    }

    @Test
    void builderRejectsBadThresholds() {
        assertThatThrownBy(() -> GroundingChecker.builder().minScore(1.5))
                .hasMessageContaining("minScore must be in [0, 1]");
        assertThatThrownBy(() -> GroundingChecker.builder().minContentWords(0)).hasMessageContaining(">= 1");
    }

    @Test
    void stemmerMatchesCommonInflections() {
        assertThat(GroundingChecker.stem("presses")).isEqualTo(GroundingChecker.stem("press"));
        assertThat(GroundingChecker.stem("squatting")).isEqualTo("squat");
        assertThat(GroundingChecker.stem("injuries")).isEqualTo("injury");
        assertThat(GroundingChecker.stem("sets")).isEqualTo("set");
    }
}
