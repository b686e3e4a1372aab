package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import org.junit.jupiter.api.Test;

class VoiceReasoningTest {
    final VoiceReasoning vr = new VoiceReasoning(VoiceParser.defaults());
    static final String LABEL = "{\"exercise_id\": \"romanian-deadlift\", \"exercise_name\": \"Romanian Deadlift\", "
            + "\"weight\": 315, \"reps\": 5, \"rpe\": null, \"confidence\": 0.95}";

    @Test
    void prefixesAChainAndKeepsTheJsonOnTheLastLine() {
        ChatExample in = ChatExample.of(
                ChatMessage.system("sys"), ChatMessage.user("RDL 315 for 5"), ChatMessage.assistant(LABEL));
        VoiceReasoning.Outcome o = vr.addReasoning(in);
        assertThat(o.added()).isEqualTo(1);
        String content = o.example().last(Role.ASSISTANT).orElseThrow().content();
        assertThat(content).startsWith("Reasoning: 'rdl' → Romanian Deadlift; ");
        assertThat(content).contains("'315' → weight 315", "'for 5' → reps 5", "unit → lb");
        assertThat(content.lines().count()).isEqualTo(2);
        assertThat(VoiceReasoning.extractJson(content)).isEqualTo(LABEL);
        // idempotent: a second pass does not add a second chain
        assertThat(vr.addReasoning(o.example()).example()).isEqualTo(o.example());
    }

    @Test
    void leavesATurnAloneWhenTheParserDisagreesWithTheLabel() {
        ChatExample in =
                ChatExample.of(ChatMessage.user("RDL 315 for 5"), ChatMessage.assistant(LABEL.replace("315", "335")));
        VoiceReasoning.Outcome o = vr.addReasoning(in);
        assertThat(o.added()).isZero();
        assertThat(o.skipped()).isEqualTo(1);
        assertThat(o.example()).isEqualTo(in);
    }

    @Test
    void cardioChainsWhenEveryFieldAgrees() {
        VoiceResult r = VoiceParser.defaults().parse("5 mile run at 8:30 pace");
        ChatExample in = ChatExample.of(ChatMessage.user("5 mile run at 8:30 pace"), ChatMessage.assistant(r.toJson()));
        VoiceReasoning.Outcome o = vr.addReasoning(in);
        assertThat(o.added()).isEqualTo(1);
        assertThat(o.example().last(Role.ASSISTANT).orElseThrow().content())
                .startsWith("Reasoning: '5 mile' → distance 5 mi; 'at 8:30 pace' → pace 8:30");
    }
}
