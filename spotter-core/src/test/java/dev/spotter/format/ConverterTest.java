package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each output format, re-read and re-validated (round trip) against the accepted source examples. */
class ConverterTest {
    private static final ObjectMapper OM = new ObjectMapper();
    private static final String INPUT = String.join(
                    "\n",
                    ChatValidatorTest.OK,
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"  squat 315 for 5  \"},{\"role\":\"assistant\",\"content\":\"A1\"},"
                            + "{\"role\":\"user\",\"content\":\"same weight for 4\"},{\"role\":\"assistant\",\"content\":\"A2\\n\"}]}",
                    "not json",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"x <|eot_id|>\"},{\"role\":\"assistant\",\"content\":\"y\"}]}",
                    "{\"messages\":[{\"role\":\"system\",\"content\":\"S\"},{\"role\":\"user\",\"content\":\"q \u00fc\u4e2d\ud83d\ude00\"},"
                            + "{\"role\":\"assistant\",\"content\":\"r\",\"weight\":1}]}")
            + "\n";

    private final ChatValidator validator =
            ChatValidator.builder().tokenCounter(FakeTokens.INSTANCE).build();

    private record Out(Converter.Result result, List<String> lines, List<AcceptedLine> source) {}

    private Out convert(ConvertFormat f, TrainOn t, ChatValidator v) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Converter.Result r;
        try (QuarantineWriter q = QuarantineWriter.discarding()) {
            r = Converter.of(v, f, t)
                    .convert(new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)), "in", out, q);
            assertThat(q.written()).isEqualTo(r.summary().rejected());
        }
        List<AcceptedLine> src = new ArrayList<>();
        v.validate(
                new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)),
                "in",
                src::add,
                QuarantineWriter.discarding());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(r.summary().read()).isEqualTo(5);
        assertThat(r.summary().accepted()).isEqualTo(3);
        assertThat(r.written()).isEqualTo(3);
        assertThat(lines).hasSize(3);
        return new Out(r, lines, src);
    }

    @Test
    void messagesRoundTripThroughTheValidator() throws IOException {
        for (TrainOn t : TrainOn.values()) {
            Out o = convert(ConvertFormat.MESSAGES, t, validator);
            List<AcceptedLine> again = new ArrayList<>();
            ValidationSummary s = validator.validate(
                    new ByteArrayInputStream(String.join("\n", o.lines()).getBytes(StandardCharsets.UTF_8)),
                    "out",
                    again::add,
                    QuarantineWriter.discarding());
            assertThat(s.rejected()).isZero();
            for (int i = 0; i < again.size(); i++) {
                assertThat(again.get(i).example())
                        .isEqualTo(Converter.weighted(o.source().get(i).example(), t));
            }
            for (String l : o.lines()) {
                assertThat(OM.readTree(l).properties())
                        .extracting(java.util.Map.Entry::getKey)
                        .containsExactly("messages");
            }
        }
    }

    @Test
    void trainOnSetsAssistantWeightsOnly() throws IOException {
        JsonNode last = OM.readTree(convert(ConvertFormat.MESSAGES, TrainOn.LAST, validator)
                        .lines()
                        .get(1))
                .get("messages");
        assertThat(last.get(0).has("weight")).isFalse();
        assertThat(last.get(1).get("weight").asInt()).isZero();
        assertThat(last.get(2).has("weight")).isFalse();
        assertThat(last.get(3).get("weight").asInt()).isEqualTo(1);
        JsonNode all = OM.readTree(convert(ConvertFormat.MESSAGES, TrainOn.ALL, validator)
                        .lines()
                        .get(1))
                .get("messages");
        assertThat(all.get(1).get("weight").asInt()).isEqualTo(1);
        assertThat(all.get(3).get("weight").asInt()).isEqualTo(1);
        JsonNode src = OM.readTree(convert(ConvertFormat.MESSAGES, TrainOn.SOURCE, validator)
                        .lines()
                        .get(1))
                .get("messages");
        assertThat(src.get(1).has("weight")).isFalse();
        assertThat(src.get(0).get("content").asText()).isEqualTo("  squat 315 for 5  "); // untouched in messages
    }

    @Test
    void llama3TextRoundTripsThroughTheParser() throws IOException {
        for (boolean bos : new boolean[] {true, false}) {
            ChatValidator v = ChatValidator.builder()
                    .tokenCounter(FakeTokens.INSTANCE)
                    .template(Llama33Template.of("03 Mar 2026", bos))
                    .build();
            Out o = convert(ConvertFormat.LLAMA3_TEXT, TrainOn.SOURCE, v);
            for (int i = 0; i < o.lines().size(); i++) {
                JsonNode n = OM.readTree(o.lines().get(i));
                assertThat(n.size()).isEqualTo(1);
                String text = n.get("text").asText();
                assertThat(text.startsWith("<|begin_of_text|>")).isEqualTo(bos);
                RenderedParser.Parsed p = RenderedParser.parse(text);
                assertThat(p.date()).isEqualTo("03 Mar 2026");
                assertThat(p.example())
                        .isEqualTo(RenderedParser.normalized(o.source().get(i).example()));
                // and the parsed example is itself valid chat data
                assertThat(v.check(ChatJson.toJsonLine(p.example()))).isEmpty();
            }
        }
    }

    @Test
    void promptCompletionRoundTripsThroughTheParser() throws IOException {
        Out o = convert(ConvertFormat.PROMPT_COMPLETION, TrainOn.SOURCE, validator);
        for (int i = 0; i < o.lines().size(); i++) {
            JsonNode n = OM.readTree(o.lines().get(i));
            assertThat(n.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("prompt", "completion");
            assertThat(n.get("prompt").asText()).endsWith("<|start_header_id|>assistant<|end_header_id|>\n\n");
            assertThat(n.get("completion").asText()).endsWith("<|eot_id|>").doesNotContain("<|start_header_id|>");
            ChatExample back = RenderedParser.parse(
                            n.get("prompt").asText() + n.get("completion").asText())
                    .example();
            assertThat(back)
                    .isEqualTo(RenderedParser.normalized(o.source().get(i).example()));
        }
        assertThat(OM.readTree(o.lines().get(1)).get("completion").asText()).isEqualTo("A2<|eot_id|>");
    }

    @Test
    void refusesTrainOnModesTheFormatCannotExpress() {
        assertThatThrownBy(() -> Converter.of(validator, ConvertFormat.LLAMA3_TEXT, TrainOn.LAST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("llama3-text");
        assertThatThrownBy(() -> Converter.of(validator, ConvertFormat.PROMPT_COMPLETION, TrainOn.ALL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--train-on all");
        assertThat(Converter.of(validator, ConvertFormat.PROMPT_COMPLETION, TrainOn.LAST))
                .isNotNull();
        assertThat(ConvertFormat.parse("llama3-text")).isEqualTo(ConvertFormat.LLAMA3_TEXT);
        assertThatThrownBy(() -> ConvertFormat.parse("alpaca")).hasMessageContaining("alpaca");
    }
}
