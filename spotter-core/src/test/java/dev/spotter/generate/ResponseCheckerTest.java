package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.checks.SampleAnswers;
import dev.spotter.format.Role;
import dev.spotter.llm.FinishReason;
import dev.spotter.llm.LlmResponse;
import dev.spotter.llm.Usage;
import org.junit.jupiter.api.Test;

class ResponseCheckerTest {
    private static final ResponseChecker E = new ResponseChecker();
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

    private static ResponseChecker.Verdict coach(String text) {
        return E.checkText(COACH, COACH.category("programming"), text);
    }

    @Test
    void acceptedExampleIsSystemPlusConversation() {
        ResponseChecker.Verdict o = coach(convo(quoted(COACH_ANSWER)));
        assertThat(o).isInstanceOfSatisfying(ResponseChecker.Verdict.Passed.class, a -> {
            assertThat(a.example().messages()).hasSize(3);
            assertThat(a.example().messages().getFirst().content()).isEqualTo(COACH.systemPrompt());
            assertThat(a.example().last(Role.ASSISTANT).orElseThrow().content()).isEqualTo(COACH_ANSWER);
        });
    }

    @Test
    void fencesAndASentenceAroundTheObjectAreTolerated() {
        assertThat(coach("```json\n" + convo(quoted(COACH_ANSWER)) + "\n```"))
                .isInstanceOf(ResponseChecker.Verdict.Passed.class);
        assertThat(coach("Here is the example:\n" + convo(quoted(COACH_ANSWER)) + "\nHope it helps."))
                .isInstanceOf(ResponseChecker.Verdict.Passed.class);
        assertThat(coach("no json here"))
                .isEqualTo(
                        new ResponseChecker.Verdict.Rejected("not_json", "generator output is not JSON: no json here"));
    }

    @Test
    void injuryObjectMayBeStringifiedButIsStoredCompact() {
        String obj = SampleAnswers.injury("injury").toString();
        ResponseChecker.Verdict o = E.checkText(INJURY, INJURY.category("acute"), convo(quoted(obj)));
        assertThat(o)
                .isInstanceOfSatisfying(
                        ResponseChecker.Verdict.Passed.class,
                        a -> assertThat(a.example()
                                        .last(Role.ASSISTANT)
                                        .orElseThrow()
                                        .content())
                                .isEqualTo(obj));
        ResponseChecker.Verdict prose = E.checkText(INJURY, INJURY.category("acute"), convo(quoted(COACH_ANSWER)));
        assertThat(prose)
                .isInstanceOfSatisfying(
                        ResponseChecker.Verdict.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("not_json"));
    }

    @Test
    void categoryExpectationsApply() {
        String injuryAnswer = SampleAnswers.injury("injury").toString();
        ResponseChecker.Verdict o = E.checkText(INJURY, INJURY.category("red-flag"), convo(injuryAnswer));
        assertThat(o)
                .isInstanceOfSatisfying(
                        ResponseChecker.Verdict.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("rf_assessment"));
        ResponseChecker.Verdict m = E.checkText(INJURY, INJURY.category("multi-turn"), convo(injuryAnswer));
        assertThat(m)
                .as("multi-turn needs at least 2 user turns")
                .isInstanceOfSatisfying(
                        ResponseChecker.Verdict.Rejected.class,
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
                    ResponseChecker.Verdict o = E.checkText(p, c, s.attributes(), fake.answerFor(Prompts.render(c, s)));
                    assertThat(o)
                            .as(s.customId(0) + " " + s.attributes())
                            .isInstanceOf(ResponseChecker.Verdict.Passed.class);
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
                        ResponseChecker.Verdict.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("shape"));
        assertThat(coach(convo(quoted("As an AI language model, I cannot give training advice. " + COACH_ANSWER))))
                .isInstanceOfSatisfying(
                        ResponseChecker.Verdict.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("refusal"));
        LlmResponse cut = new LlmResponse(convo(quoted(COACH_ANSWER)), FinishReason.LENGTH, Usage.ZERO, null, "{}");
        assertThat(E.check(COACH, COACH.category("programming"), cut))
                .isInstanceOfSatisfying(
                        ResponseChecker.Verdict.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo("truncated"));
    }
}
