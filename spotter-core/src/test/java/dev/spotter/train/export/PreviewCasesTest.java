package dev.spotter.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.RejectReason;
import dev.spotter.format.Role;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The independent trainer's-eye cases (src/test/resources/preview-cases/, written from the spec by someone who
 * had not read this code; EXPECTED.md explains them), used as given. Per case and target: the four
 * warnings must be exactly the expected ones among those four, and the trainable class (zero / some / all
 * assistant content) must match, except where truncation decides it (the stream is shown whole; the warning says
 * it is cut). The cases' extra warnings (rejected_by_platform, empty_assistant_turn, ...) are not implemented here:
 * the build's validator rejects the unreadable ones (unknown role, content not a string, invalid weight) before
 * any preview ({@link #UNREADABLE}).
 *
 * <p>Known disagreements (each with its reason; the expectation is kept as written):
 */
class PreviewCasesTest {
    static final Set<String> FOUR =
            Set.of("zero_trainable_tokens", "truncated", "double_bos", "special_token_in_content");

    /**
     * Case / target pairs where this implementation deliberately differs, with the reason.
     *
     * <ul>
     *   <li>axolotl 3, 4, 5: the cases assume the export maps weight to axolotl's per-message training flag; the
     *       axolotl.yaml `spotter export` writes maps role and content only, so axolotl trains weight-0 turns.
     *       EXPECTED.md assumption 4 names the alternative (all trained + a warning): the preview shows that,
     *       with `weight_ignored`.
     *   <li>bedrock 3: prompt/completion has no weights and the export writes the completion whatever its
     *       weight, so Bedrock trains it; the preview shows what that export trains (with `weight_ignored`), the
     *       case prefers excluding the example.
     *   <li>fireworks and bedrock 14–17: the cases expect a truncation warning above 8,192 tokens (assumption 5,
     *       "unless the tool is configured otherwise"); their limits are unknown and `spotter export` applies
     *       none, and preview and export must agree (CLI trial F29), so no limit is applied.
     * </ul>
     */
    static final Map<String, String> DISAGREE = Map.of(
            "axolotl 3", "weight not mapped by the exported axolotl.yaml",
            "axolotl 4", "weight not mapped by the exported axolotl.yaml",
            "axolotl 5", "weight not mapped by the exported axolotl.yaml",
            "bedrock 3", "the Bedrock export trains the completion whatever its weight",
            "fireworks 14", "no known limit (as export)",
            "fireworks 15", "no known limit (as export)",
            "fireworks 16", "no known limit (as export)",
            "fireworks 17", "no known limit (as export)",
            "bedrock 14", "no known limit (as export)",
            "bedrock 15", "no known limit (as export)");

    static final Set<String> DISAGREE_TOO = Set.of("bedrock 16", "bedrock 17");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatValidator VALIDATOR =
            ChatValidator.builder().noTokenLimit().build();
    /** Reasons that mean a line is no chat example in Spotter's model (role, content and weight as given). */
    static final Set<RejectReason> UNREADABLE = Set.of(
            RejectReason.INVALID_JSON,
            RejectReason.DATA_TYPE,
            RejectReason.MESSAGE_NOT_OBJECT,
            RejectReason.MESSAGE_MISSING_KEY,
            RejectReason.UNRECOGNIZED_ROLE,
            RejectReason.MISSING_CONTENT,
            RejectReason.INVALID_WEIGHT);

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = resource("cases.jsonl");
        List<String> expected = resource("expected.jsonl");
        assertThat(lines).hasSize(30).hasSameSizeAs(expected);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode e = JSON.readTree(expected.get(i));
            for (Target t : Target.values()) {
                out.add(Arguments.of(
                        e.get("case").asInt(),
                        e.get("name").asText(),
                        t,
                        lines.get(i),
                        e.get("targets").get(t.id())));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesTheIndependentExpectation(int n, String name, Target t, String line, JsonNode want) {
        String key = t.id() + " " + n;
        Optional<RejectReason> rejected = VALIDATOR.check(line);
        if (rejected.isPresent() && UNREADABLE.contains(rejected.get())) {
            return; // not a chat example Spotter reads: the validator rejects it with this reason before any preview
        }
        ChatExample ex = ChatJson.parse(line);
        TokenPreview p = TokenPreview.of(t, ex);
        Set<String> got = new TreeSet<>(p.warnings());
        got.retainAll(FOUR);
        Set<String> exp = new TreeSet<>();
        want.get("warnings").forEach(w -> exp.add(w.asText()));
        exp.retainAll(FOUR);
        if (DISAGREE.containsKey(key) || DISAGREE_TOO.contains(key)) {
            // the disagreement is real: the expectation is not what this implementation gives
            assertThat(got.equals(exp)
                            && trainable(p, ex).equals(want.get("trainable").asText()))
                    .as(key + " known disagreement still differs")
                    .isFalse();
            return;
        }
        assertThat(got).as(key + " warnings").isEqualTo(exp);
        if (!exp.contains("truncated")) {
            assertThat(trainable(p, ex))
                    .as(key + " trainable")
                    .isEqualTo(want.get("trainable").asText());
        }
        // the stream has exactly one BOS unless the content carries one
        long bos = p.tokens().stream().filter(x -> x.id() == 128_000).count();
        assertThat(bos).as(key + " BOS").isEqualTo(exp.contains("double_bos") ? 2 : 1);
    }

    /** zero: no assistant turn's content trained; all_assistant: every assistant turn's content; else some. */
    private static String trainable(TokenPreview p, ChatExample ex) {
        List<Integer> trained = p.tokens().stream()
                .filter(TokenPreview.Token::trained)
                .map(TokenPreview.Token::id)
                .toList();
        int turns = 0;
        int trainedTurns = 0;
        for (ChatMessage m : ex.messages()) {
            if (m.role() != Role.ASSISTANT) {
                continue;
            }
            turns++;
            int[] ids = Llama3Tokenizer.shared().encodeRendered("\n\n" + Llama33Template.pyStrip(m.content()));
            List<Integer> content = new ArrayList<>();
            for (int k = 1; k < ids.length; k++) { // after the header's "\n\n"
                content.add(ids[k]);
            }
            if (!content.isEmpty() && java.util.Collections.indexOfSubList(trained, content) >= 0) {
                trainedTurns++;
            }
        }
        return trainedTurns == 0 ? "zero" : trainedTurns == turns ? "all_assistant" : "some";
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = PreviewCasesTest.class.getResourceAsStream("/preview-cases/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }
}
