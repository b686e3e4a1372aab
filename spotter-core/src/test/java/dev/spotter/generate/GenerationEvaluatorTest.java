package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.checks.SampleAnswers;
import dev.spotter.format.Role;
import dev.spotter.llm.FinishReason;
import dev.spotter.llm.LlmResponse;
import dev.spotter.llm.Usage;
import org.junit.jupiter.api.Test;

class GenerationEvaluatorTest {
    private static final Evaluator E = new Evaluator();
    private static final Plan INJURY = Plans.load("injury");
    private static final Plan COACH = Plans.load("coach-qa");
    private static final String COACH_ANSWER =
            "For a beginner, three full-body sessions a week with 3 sets of 8-12 reps per exercise "
                    + "at about 2 reps in reserve is plenty. Add weight when you reach the top of the range on every set, and keep "
                    + "the same exercises for 8-12 weeks so you can see progress.";

    private static String convo(String assistantJson) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"How many sets should I do?\"},{\"role\":\"assistant\",\"content\":"
                + assistantJson + "}]}";
    }

    private static String quoted(String s) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(s).toString();
    }

    private static Evaluator.Outcome coach(String text) {
        return E.evaluateText(COACH, COACH.category("programming"), text);
    }

    @Test
    void acceptedExampleIsSystemPlusConversation() {
        Evaluator.Outcome o = coach(convo(quoted(COACH_ANSWER)));
        assertThat(o).isInstanceOfSatisfying(Evaluator.Outcome.Accepted.class, a -> {
            assertThat(a.example().messages()).hasSize(3);
            assertThat(a.example().messages().getFirst().content()).isEqualTo(COACH.systemPrompt());
            assertThat(a.example().last(Role.ASSISTANT).orElseThrow().content()).isEqualTo(COACH_ANSWER);
        });
    }

    @Test
    void fencesAndASentenceAroundTheObjectAreTolerated() {
        assertThat(coach("```json\n" + convo(quoted(COACH_ANSWER)) + "\n```"))
                .isInstanceOf(Evaluator.Outcome.Accepted.class);
        assertThat(coach("Here is the example:\n" + convo(quoted(COACH_ANSWER)) + "\nHope it helps."))
                .isInstanceOf(Evaluator.Outcome.Accepted.class);
        assertThat(coach("no json here"))
                .isEqualTo(new Evaluator.Outcome.Rejected("not_json", "generator output is not JSON: no json here"));
    }

    @Test
    void injuryObjectMayBeStringifiedButIsStoredCompact() {
        String obj = SampleAnswers.injury("injury").toString();
        Evaluator.Outcome o = E.evaluateText(INJURY, INJURY.category("acute"), convo(quoted(obj)));
        assertThat(o)
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Accepted.class,
                        a -> assertThat(a.example()
                                        .last(Role.ASSISTANT)
                                        .orElseThrow()
                                        .content())
                                .isEqualTo(obj));
        Evaluator.Outcome prose = E.evaluateText(INJURY, INJURY.category("acute"), convo(quoted(COACH_ANSWER)));
        assertThat(prose)
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("not_json"));
    }

    @Test
    void categoryExpectationsApply() {
        String injuryAnswer = SampleAnswers.injury("injury").toString();
        Evaluator.Outcome o = E.evaluateText(INJURY, INJURY.category("red-flag"), convo(injuryAnswer));
        assertThat(o)
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("rf_assessment"));
        Evaluator.Outcome m = E.evaluateText(INJURY, INJURY.category("multi-turn"), convo(injuryAnswer));
        assertThat(m)
                .as("multi-turn needs at least 2 user turns")
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("turns"));
    }

    /**
     * Every slot of every bundled plan: the prompt the plan renders (with the clinical facts) and the checks the
     * slot's attributes select agree, so an answer that does what the prompt asks is accepted.
     */
    @Test
    void everyBundledSlotAcceptsAnAnswerThatFollowsItsPrompt() {
        FakeAnswers fake = new FakeAnswers();
        int n = 0;
        for (String name : Plans.bundledNames()) {
            Plan p = Plans.load(name);
            for (Plan.Category c : p.categories()) {
                for (Slot s : Slots.of(p, c)) {
                    Evaluator.Outcome o = E.evaluateText(p, c, s.attributes(), fake.answerFor(Prompts.render(c, s)));
                    assertThat(o)
                            .as(s.customId(0) + " " + s.attributes())
                            .isInstanceOf(Evaluator.Outcome.Accepted.class);
                    n++;
                }
            }
        }
        assertThat(n).isEqualTo(825 + 1000 + 322);
    }

    @Test
    void shapeRefusalAndTruncationAreRejectedWithCodes() {
        assertThat(coach("{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}"))
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("shape"));
        assertThat(coach(convo(quoted("As an AI language model, I cannot give training advice. " + COACH_ANSWER))))
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("refusal"));
        LlmResponse cut = new LlmResponse(convo(quoted(COACH_ANSWER)), FinishReason.LENGTH, Usage.ZERO, null, "{}");
        assertThat(E.evaluate(COACH, COACH.category("programming"), cut))
                .isInstanceOfSatisfying(
                        Evaluator.Outcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("truncated"));
    }
}
