package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.ConfigurationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs the checkers on hand-written cases: one JSON object per line, {scenario metadata, answer}, for reviewers
 * who write hostile and good answers without reading the code ({@code spotter check FILE}). Line format:
 * <pre>
 * {"id": "h01",                         optional label
 *  "kind": "injury" | "pace" | "coach",  default injury
 *  "category": "red-flag",              optional: a category of the bundled injury plan (its expectations)
 *  "expect": ["red_flag"],              optional: red_flag | doms_false_positive | ambiguous
 *  "attributes": {"red_flag": "cauda_equina", "body_region": "lower back"},   the slot's attributes
 *  "user": "the user's message" | ["turn 1", "turn 2"],                       optional (story checks)
 *  "answer": {...} | "text" | [answer of turn 1, answer of turn 2, ...],
 *  "want": "reject" | "accept",         optional: the reviewer's verdict
 *  "want_codes": ["rf_modifications"]}  optional: codes the reviewer expects among the rejections
 * </pre>
 * Thread-safe; memory is one case at a time.
 */
public final class CheckCases {
    private final InjuryAnalysisChecker injury = InjuryAnalysisChecker.create();
    private final PaceAnswerChecker pace = PaceAnswerChecker.create();
    private final CoachAnswerChecker coach = CoachAnswerChecker.create();
    private final Function<String, Set<InjuryExpectation>> categoryExpect;
    private final Set<InjuryExpectation> defaultExpect;
    private final Map<String, String> defaultExpectAttributes;
    private final Map<String, String> defaultAttributes;

    /** The verdict on one case; {@code problem} is set (and {@code result} null) when the line cannot be checked. */
    public record Verdict(
            long line,
            String id,
            @Nullable CheckResult result,
            @Nullable String want,
            List<String> wantCodes,
            @Nullable String problem) {
        public boolean accepted() {
            return result != null && result.ok();
        }

        /** True when the line carries a verdict and the checker agrees (and names every expected code). */
        public boolean agrees() {
            if (result == null || want == null) {
                return false;
            }
            boolean reject = want.equals("reject");
            List<String> codes = codes();
            return reject != accepted() && codes.containsAll(wantCodes);
        }

        public List<String> codes() {
            return result == null
                    ? List.of()
                    : result.violations().stream()
                            .map(CheckResult.Violation::code)
                            .distinct()
                            .toList();
        }
    }

    /**
     * @param categoryExpect     expectations of a named category (from the bundled injury plan); throws for an
     *                           unknown category
     * @param defaultExpect      applied to cases that name neither a category nor expectations
     * @param defaultExpectAttributes attributes that belong to {@code defaultExpect} (its red flag): applied with
     *                           it, only to cases that name neither a category nor expectations, so a default
     *                           red flag never turns a case of another category into a red-flag scenario
     * @param defaultAttributes  merged under each case's own attributes
     */
    public CheckCases(
            Function<String, Set<InjuryExpectation>> categoryExpect,
            Set<InjuryExpectation> defaultExpect,
            Map<String, String> defaultExpectAttributes,
            Map<String, String> defaultAttributes) {
        this.categoryExpect = categoryExpect;
        this.defaultExpect = Set.copyOf(defaultExpect);
        this.defaultExpectAttributes = Map.copyOf(defaultExpectAttributes);
        this.defaultAttributes = Map.copyOf(defaultAttributes);
    }

    public Verdict check(long line, JsonNode c) {
        String id = c.path("id").asText("");
        String want = c.hasNonNull("want") ? c.path("want").asText().toLowerCase(Locale.ROOT) : null;
        List<String> wantCodes = new ArrayList<>();
        c.path("want_codes").forEach(x -> wantCodes.add(x.asText()));
        try {
            if (!c.isObject()) {
                throw new IllegalArgumentException("a case is a JSON object");
            }
            if (want != null && !want.equals("reject") && !want.equals("accept")) {
                throw new IllegalArgumentException("want must be reject or accept, was " + want);
            }
            Map<String, String> attrs = new LinkedHashMap<>(defaultAttributes);
            if (!c.hasNonNull("category") && !c.has("expect")) {
                attrs.putAll(defaultExpectAttributes);
            }
            c.path("attributes")
                    .properties()
                    .forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
            JsonNode answer = c.path("answer");
            if (answer.isMissingNode() || answer.isNull()) {
                throw new IllegalArgumentException("no \"answer\"");
            }
            List<String> answers = new ArrayList<>();
            if (answer.isArray()) {
                answer.forEach(a -> answers.add(a.isTextual() ? a.asText() : a.toString()));
            } else {
                answers.add(answer.isTextual() ? answer.asText() : answer.toString());
            }
            String kind = c.path("kind").asText("injury");
            CheckResult r = switch (kind) {
                case "injury" -> injury.checkConversation(answers, scenario(c, attrs));
                case "pace" -> pace.check(answers.getLast(), attrs);
                case "coach" ->
                    coach.check(answers.getLast(), attrs, c.path("user").asText(""));
                default -> throw new IllegalArgumentException("kind must be injury, pace or coach, was " + kind);
            };
            return new Verdict(line, id, r, want, List.copyOf(wantCodes), null);
        } catch (IllegalArgumentException | ConfigurationException e) {
            return new Verdict(line, id, null, want, List.copyOf(wantCodes), e.getMessage());
        }
    }

    private Scenario scenario(JsonNode c, Map<String, String> attrs) {
        Set<InjuryExpectation> expect = EnumSet.noneOf(InjuryExpectation.class);
        if (c.hasNonNull("category")) {
            expect.addAll(categoryExpect.apply(c.path("category").asText()));
        }
        for (JsonNode e : c.path("expect")) {
            try {
                expect.add(InjuryExpectation.valueOf(e.asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(
                        "unknown expectation '" + e.asText() + "' (red_flag, doms_false_positive, ambiguous)");
            }
        }
        if (!c.hasNonNull("category") && !c.has("expect")) {
            expect.addAll(defaultExpect);
        }
        List<String> users = new ArrayList<>();
        JsonNode u = c.path("user");
        if (u.isArray()) {
            u.forEach(x -> users.add(x.asText()));
        } else if (u.isTextual()) {
            users.add(u.asText());
        }
        return new Scenario(expect, attrs, users);
    }
}
