package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatValidatorTest {
    static final String OK = "{\"messages\":[{\"role\":\"system\",\"content\":\"You parse workout logs.\"},"
            + "{\"role\":\"user\",\"content\":\"bench press 225 for 8 at RPE 8\"},"
            + "{\"role\":\"assistant\",\"content\":\"{\\\"weight\\\": 225}\"}]}";

    private final ChatValidator v =
            ChatValidator.builder().tokenCounter(FakeTokens.INSTANCE).build();

    private static String msgs(String... m) {
        return "{\"messages\":[" + String.join(",", m) + "]}";
    }

    private static String m(String role, String content) {
        return "{\"role\":\"" + role + "\",\"content\":\"" + content + "\"}";
    }

    private Optional<RejectReason> check(String line) {
        return v.check(line);
    }

    @Test
    void acceptsAWellFormedExample() {
        assertThat(check(OK)).isEmpty();
        assertThat(check(msgs(m("user", "hi"), m("assistant", "a"), m("user", "more"), m("assistant", "b"))))
                .isEmpty();
        assertThat(check(msgs(
                        m("user", "hi"),
                        "{\"role\":\"assistant\",\"content\":\"x\",\"weight\":0}",
                        m("user", "u"),
                        "{\"role\":\"assistant\",\"content\":\"y\",\"weight\":1}")))
                .isEmpty();
    }

    /** Issue 12 item 5: content that cannot be encoded, and a CR that Python's checkers would split on. */
    @Test
    void rejectsUnpairedSurrogatesAndRawCarriageReturnsWithTheirOwnCodes() throws IOException {
        String lone = msgs(m("user", "a\\ud800b"), m("assistant", "ok"));
        String lowOnly = msgs(m("user", "a\\udc00b"), m("assistant", "ok"));
        String pair = msgs(m("user", "lift \\ud83d\\udcaa"), m("assistant", "ok"));
        String rawCr = "{\"messages\":\r[" + m("user", "hi") + "," + m("assistant", "ok") + "]}";
        String crlf = OK + "\r";
        byte[] in = String.join("\n", lone, lowOnly, pair, rawCr, crlf, "").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream q = new java.io.ByteArrayOutputStream();
        List<Long> accepted = new ArrayList<>();
        ValidationSummary s;
        try (QuarantineWriter qw = QuarantineWriter.to(q)) {
            s = v.validate(new java.io.ByteArrayInputStream(in), "in.jsonl", a -> accepted.add(a.line()), qw);
        }
        assertThat(accepted).containsExactly(3L, 5L); // a surrogate pair is fine, and so is a CRLF line ending
        assertThat(s.reasons())
                .containsExactly(
                        Map.entry(RejectReason.RAW_CARRIAGE_RETURN, 1L),
                        Map.entry(RejectReason.UNPAIRED_SURROGATE, 2L));
        assertThat(s.firstErrors())
                .containsExactly(
                        "in.jsonl:1: unpaired_surrogate (U+D800 at character 2 of a string)",
                        "in.jsonl:2: unpaired_surrogate (U+DC00 at character 2 of a string)",
                        "in.jsonl:4: raw_carriage_return (at character 13)");
        // the quarantine keeps the line as it was, escapes and all
        assertThat(q.toString(StandardCharsets.UTF_8)).contains("a\\\\ud800b");
        // the one-line check (used by the build's scanner) sees a lone surrogate in a Java string too
        assertThat(check(lone)).contains(RejectReason.UNPAIRED_SURROGATE);
        assertThat(check(msgs(m("user", "a\ud800b"), m("assistant", "ok")))).contains(RejectReason.UNPAIRED_SURROGATE);
        assertThat(check(rawCr)).contains(RejectReason.RAW_CARRIAGE_RETURN);
    }

    @Test
    void classifiesEveryTextLevelReason() {
        Map<String, RejectReason> cases = new java.util.LinkedHashMap<>();
        cases.put("   ", RejectReason.BLANK_LINE);
        cases.put("", RejectReason.BLANK_LINE);
        cases.put("{\"messages\": [", RejectReason.INVALID_JSON);
        cases.put(OK + " {}", RejectReason.INVALID_JSON);
        cases.put("{\"messages\":[],\"messages\":[]}", RejectReason.DUPLICATE_KEY);
        cases.put(msgs("{\"role\":\"user\",\"role\":\"user\",\"content\":\"x\"}"), RejectReason.DUPLICATE_KEY);
        cases.put("[1,2]", RejectReason.DATA_TYPE);
        cases.put("\"text\"", RejectReason.DATA_TYPE);
        cases.put("null", RejectReason.DATA_TYPE);
        cases.put("{\"prompt\":\"p\",\"completion\":\"c\"}", RejectReason.MIXED_FORMAT);
        cases.put("{\"text\":\"t\"}", RejectReason.MIXED_FORMAT);
        cases.put(
                "{\"input\":{\"messages\":[]},\"preferred_output\":[],\"non_preferred_output\":[]}",
                RejectReason.MIXED_FORMAT);
        cases.put("{\"conversation\":[]}", RejectReason.MISSING_MESSAGES_LIST);
        cases.put("{\"messages\":\"hi\"}", RejectReason.MISSING_MESSAGES_LIST);
        cases.put("{\"messages\":[],\"id\":7}", RejectReason.EXTRA_COLUMNS);
        cases.put("{\"messages\":[]}", RejectReason.EMPTY_MESSAGES);
        cases.put(msgs("\"hello\""), RejectReason.MESSAGE_NOT_OBJECT);
        cases.put(msgs("{\"role\":\"user\"}"), RejectReason.MESSAGE_MISSING_KEY);
        cases.put(msgs("{\"content\":\"x\"}"), RejectReason.MESSAGE_MISSING_KEY);
        cases.put(
                msgs("{\"role\":\"user\",\"content\":\"x\",\"name\":\"bob\"}"), RejectReason.MESSAGE_UNRECOGNIZED_KEY);
        cases.put(msgs(m("tool", "x")), RejectReason.UNRECOGNIZED_ROLE);
        cases.put(msgs(m("User", "x")), RejectReason.UNRECOGNIZED_ROLE);
        cases.put(msgs("{\"role\":3,\"content\":\"x\"}"), RejectReason.UNRECOGNIZED_ROLE);
        cases.put(msgs("{\"role\":\"user\",\"content\":null}"), RejectReason.MISSING_CONTENT);
        cases.put(msgs("{\"role\":\"user\",\"content\":[\"x\"]}"), RejectReason.MISSING_CONTENT);
        cases.put(msgs(m("user", "")), RejectReason.EMPTY_CONTENT);
        cases.put(msgs(m("user", " \\n\\t\\u00a0")), RejectReason.EMPTY_CONTENT);
        for (String w : new String[] {"2", "-1", "0.5", "1.0", "true", "null", "\"1\""}) {
            cases.put(
                    msgs(m("user", "x"), "{\"role\":\"assistant\",\"content\":\"y\",\"weight\":" + w + "}"),
                    RejectReason.INVALID_WEIGHT);
        }
        cases.put(msgs(m("assistant", "x"), m("user", "y"), m("assistant", "z")), RejectReason.BAD_FIRST_ROLE);
        cases.put(msgs(m("user", "x"), m("system", "y"), m("assistant", "z")), RejectReason.MISPLACED_SYSTEM);
        cases.put(msgs(m("system", "s"), m("system", "y"), m("assistant", "z")), RejectReason.MISPLACED_SYSTEM);
        cases.put(msgs(m("user", "x"), m("user", "y"), m("assistant", "z")), RejectReason.CONSECUTIVE_SAME_ROLE);
        cases.put(msgs(m("user", "x"), m("assistant", "y"), m("assistant", "z")), RejectReason.CONSECUTIVE_SAME_ROLE);
        cases.put(msgs(m("system", "s"), m("user", "x")), RejectReason.EXAMPLE_MISSING_ASSISTANT_MESSAGE);
        cases.put(msgs(m("user", "x"), m("assistant", "y"), m("user", "z")), RejectReason.LAST_NOT_ASSISTANT);
        cases.put(msgs(m("user", "stop<|eot_id|>here"), m("assistant", "y")), RejectReason.SPECIAL_TOKEN_IN_CONTENT);
        cases.put(
                msgs(m("user", "x"), m("assistant", "<|reserved_special_token_17|>")),
                RejectReason.SPECIAL_TOKEN_IN_CONTENT);
        cases.forEach((line, reason) -> assertThat(check(line)).as(line).contains(reason));
    }

    @Test
    void lookalikesOfSpecialTokensAreFine() {
        assertThat(check(msgs(m("user", "a <|not_a_token|> or <eot_id> or <|eot_id"), m("assistant", "y"))))
                .isEmpty();
    }

    @Test
    void enforcesTheTokenLimitOnTheRenderedConversation() {
        String line = msgs(m("user", "x".repeat(400)), m("assistant", "y"));
        int tokens =
                FakeTokens.INSTANCE.countRendered(Llama33Template.defaults().render(ChatJson.parse(line)));
        assertThat(ChatValidator.builder()
                        .tokenCounter(FakeTokens.INSTANCE)
                        .tokenLimit(tokens)
                        .build()
                        .check(line))
                .isEmpty();
        assertThat(ChatValidator.builder()
                        .tokenCounter(FakeTokens.INSTANCE)
                        .tokenLimit(tokens - 1)
                        .build()
                        .check(line))
                .contains(RejectReason.OVER_TOKEN_LIMIT);
        assertThat(ChatValidator.builder().noTokenLimit().build().check(line)).isEmpty();
    }

    @Test
    void builderFailsFastWithPreciseMessages() {
        assertThatThrownBy(() -> ChatValidator.builder().build()).hasMessageContaining("tokenCounter");
        assertThatThrownBy(() -> ChatValidator.builder().tokenLimit(0))
                .hasMessage("tokenLimit must be >= 1, was 0"); // names the parameter, so the CLI names its option
        assertThatThrownBy(() -> ChatValidator.builder().maxLineBytes(3)).hasMessageContaining(">= 16, was 3");
        assertThatThrownBy(() -> ChatValidator.builder().maxErrors(-1)).hasMessageContaining("maxErrors");
    }

    record Run(ValidationSummary summary, List<AcceptedLine> accepted, List<JsonNode> quarantine) {}

    static Run run(ChatValidator v, byte[] input) throws IOException {
        List<AcceptedLine> acc = new ArrayList<>();
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        ValidationSummary s;
        try (QuarantineWriter qw = QuarantineWriter.to(q)) {
            s = v.validate(new ByteArrayInputStream(input), "in.jsonl", acc::add, qw);
        }
        List<JsonNode> qs = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        for (String l : q.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!l.isEmpty()) {
                qs.add(om.readTree(l));
            }
        }
        // The accounting invariant, on every run.
        assertThat(s.read()).isEqualTo(s.accepted() + s.rejected());
        assertThat(acc).hasSize((int) s.accepted());
        assertThat(qs).hasSize((int) s.rejected());
        return new Run(s, acc, qs);
    }

    @Test
    void byteLevelChecksAndQuarantineRecords() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write((OK + "\n").getBytes(StandardCharsets.UTF_8)); // 1 ok
        in.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // 2 BOM
        in.write((OK + "\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bad = (msgs(m("user", "caf\u00e9"), m("assistant", "x")) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        in.write(bad); // 3 Latin-1 é: invalid UTF-8
        in.write("\n".getBytes()); // 4 blank
        in.write(("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}, {\"role\":\"assistant\",\"content\":\""
                        + "z".repeat(300) + "\"}]}\n")
                .getBytes()); // 5 too long
        in.write(OK.getBytes(StandardCharsets.UTF_8)); // 6 ok, no final newline
        ChatValidator small = ChatValidator.builder()
                .tokenCounter(FakeTokens.INSTANCE)
                .maxLineBytes(250)
                .build();
        Run r = run(small, in.toByteArray());
        assertThat(r.summary().read()).isEqualTo(6);
        assertThat(r.summary().accepted()).isEqualTo(2);
        assertThat(r.accepted()).extracting(AcceptedLine::line).containsExactly(1L, 6L);
        assertThat(r.summary().reasons())
                .containsExactly(
                        Map.entry(RejectReason.LINE_TOO_LONG, 1L), Map.entry(RejectReason.INVALID_UTF8, 1L),
                        Map.entry(RejectReason.BOM, 1L), Map.entry(RejectReason.BLANK_LINE, 1L));
        assertThat(r.summary().firstErrors())
                .containsExactly(
                        "in.jsonl:2: bom (remove the byte order mark (EF BB BF))",
                        "in.jsonl:3: invalid_utf8 (malformed byte sequence at offset 42)",
                        "in.jsonl:4: blank_line",
                        "in.jsonl:5: line_too_long (longer than 250 bytes)");
        JsonNode bom = r.quarantine().get(0);
        assertThat(bom.get("file").asText()).isEqualTo("in.jsonl");
        assertThat(bom.get("line").asLong()).isEqualTo(2);
        assertThat(bom.get("reason").asText()).isEqualTo("bom");
        assertThat(bom.get("raw").asText()).isEqualTo("\uFEFF" + OK);
        JsonNode utf = r.quarantine().get(1);
        assertThat(utf.has("raw")).isFalse();
        assertThat(Base64.getDecoder().decode(utf.get("raw_base64").asText()))
                .isEqualTo(java.util.Arrays.copyOf(bad, bad.length - 1));
        JsonNode longLine = r.quarantine().get(3);
        assertThat(longLine.get("bytes").asLong()).isGreaterThan(250);
        assertThat(new String(
                        Base64.getDecoder().decode(longLine.get("raw_base64").asText()), StandardCharsets.UTF_8))
                .startsWith("{\"messages\"")
                .endsWith("zzz\"}]}")
                .hasSize((int) longLine.get("bytes").asLong());
        assertThat(r.accepted().get(0).example().messages()).hasSize(3);
        assertThat(r.accepted().get(0).tokens()).isPositive();
    }

    @Test
    void firstErrorsAreCappedButCountsAreNot() throws IOException {
        ChatValidator capped = ChatValidator.builder()
                .tokenCounter(FakeTokens.INSTANCE)
                .maxErrors(2)
                .build();
        Run r = run(capped, "x\ny\nz\n[]\n".getBytes());
        assertThat(r.summary().rejected()).isEqualTo(4);
        assertThat(r.summary().firstErrors()).hasSize(2);
        assertThat(r.summary().count(RejectReason.INVALID_JSON)).isEqualTo(3);
        assertThat(r.summary().count(RejectReason.DATA_TYPE)).isEqualTo(1);
    }

    @Test
    void summariesAddUp() {
        ValidationSummary a = new ValidationSummary(3, 2, 1, Map.of(RejectReason.BOM, 1L), List.of("a:1: bom"));
        ValidationSummary b =
                new ValidationSummary(2, 0, 2, Map.of(RejectReason.BOM, 2L), List.of("b:1: bom", "b:2: bom"));
        ValidationSummary s = a.plus(b, 2);
        assertThat(s.read()).isEqualTo(5);
        assertThat(s.count(RejectReason.BOM)).isEqualTo(3);
        assertThat(s.firstErrors()).containsExactly("a:1: bom", "b:1: bom");
        assertThatThrownBy(() -> new ValidationSummary(3, 1, 1, Map.of(RejectReason.BOM, 1L), List.of()))
                .hasMessageContaining("accounting broken");
    }
}
