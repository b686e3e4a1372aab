package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ConfigurationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Llama33TemplateTest {
    private static final ChatExample SPEC = ChatExample.of(
            ChatMessage.system("You are a helpful assistant."),
            ChatMessage.user("Hi"),
            ChatMessage.assistant("Hello!"));

    @Test
    void rendersTheSpecExampleByteForByte() {
        // llama33-format.md, "Chat template": the exact apply_chat_template output.
        String expected = "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: "
                + "December 2023\nToday Date: 26 Jul 2024\n\nYou are a helpful assistant.<|eot_id|><|start_header_id|>"
                + "user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>";
        assertThat(Llama33Template.defaults().render(SPEC)).isEqualTo(expected);
    }

    @Test
    void withoutSystemMessageTheSystemHeaderHasAnEmptyBody() {
        String out =
                Llama33Template.defaults().render(ChatExample.of(ChatMessage.user("Hi"), ChatMessage.assistant("Yo")));
        assertThat(out)
                .startsWith("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge "
                        + "Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi"
                        + "<|eot_id|>");
    }

    @Test
    void bosAndDateAreConfigurable() {
        String out = Llama33Template.of("05 Jan 2026", false).render(SPEC);
        assertThat(out).startsWith("<|start_header_id|>system").contains("Today Date: 05 Jan 2026\n\n");
        assertThat(Llama33Template.format(LocalDate.of(2026, 1, 5))).isEqualTo("05 Jan 2026");
    }

    @Test
    void rejectsDatesTheTemplateWouldNotWrite() {
        for (String bad : new String[] {"5 Jan 2026", "05 jan 2026", "2026-01-05", "31 Feb 2026", "05 January 2026"}) {
            assertThatThrownBy(() -> Llama33Template.of(bad, true))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void promptAndCompletionSplitAtTheLastAssistantTurn() {
        ChatExample e = ChatExample.of(
                ChatMessage.system("S"),
                ChatMessage.user("u1"),
                ChatMessage.assistant("a1"),
                ChatMessage.user("u2"),
                ChatMessage.assistant("  a2 \n"));
        Llama33Template t = Llama33Template.defaults();
        String prompt = t.renderPrompt(e);
        assertThat(prompt)
                .endsWith("<|start_header_id|>user<|end_header_id|>\n\nu2<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(prompt).contains("a1<|eot_id|>");
        assertThat(t.renderCompletion(e)).isEqualTo("a2<|eot_id|>");
        assertThat(prompt + t.renderCompletion(e)).isEqualTo(t.render(e));
    }

    @Test
    void trimIsPythonStrip() {
        // Python: '\u00a0x\u2007\u202f\u3000\x1c\x85'.strip() == 'x'; '\u200bx\ufeff'.strip() is unchanged.
        assertThat(Llama33Template.pyStrip("\u00A0 \t\nx y\u2007\u202F\u3000\u001C\u0085\r"))
                .isEqualTo("x y");
        assertThat(Llama33Template.pyStrip("\u200Bx\uFEFF")).isEqualTo("\u200Bx\uFEFF");
        assertThat(Llama33Template.pyStrip("   ")).isEmpty();
        String rendered = Llama33Template.defaults()
                .render(ChatExample.of(ChatMessage.user("\u00A0 hi \n"), ChatMessage.assistant("\n{\"a\":1}\n")));
        assertThat(rendered).contains("<|end_header_id|>\n\nhi<|eot_id|>").contains("\n\n{\"a\":1}<|eot_id|>");
    }

    @Test
    void parserInvertsTheRenderer() {
        ChatExample e = ChatExample.of(
                ChatMessage.system(" S "),
                ChatMessage.user("u1"),
                ChatMessage.assistant("a1"),
                ChatMessage.user("u2\n\nmore"),
                ChatMessage.assistant("a2"));
        for (boolean bos : new boolean[] {true, false}) {
            Llama33Template t = Llama33Template.of("01 Dec 2025", bos);
            RenderedParser.Parsed p = RenderedParser.parse(t.render(e));
            assertThat(p.example()).isEqualTo(RenderedParser.normalized(e));
            assertThat(p.date()).isEqualTo("01 Dec 2025");
            assertThat(p.hadBos()).isEqualTo(bos);
        }
        ChatExample noSystem = ChatExample.of(ChatMessage.user("u"), ChatMessage.assistant("a"));
        assertThat(RenderedParser.parse(Llama33Template.defaults().render(noSystem))
                        .example())
                .isEqualTo(noSystem);
        assertThatThrownBy(() -> RenderedParser.parse("<|begin_of_text|>hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 17");
    }

    @Test
    void segmentTokenCountEqualsCountingTheRenderedText() throws java.io.IOException {
        // Real tokenizer, every valid example of the sample plus edge cases, with and without BOS, with the
        // system-count memo shared across examples (as the validator does).
        java.util.List<ChatExample> examples = new java.util.ArrayList<>();
        ChatValidator.builder()
                .noTokenLimit()
                .build()
                .validate(SampleDataTest.SAMPLE, a -> examples.add(a.example()), QuarantineWriter.discarding());
        examples.add(ChatExample.of(ChatMessage.user("  \u00a0hi\n\n"), ChatMessage.assistant("\n\n{\"a\": 1}  ")));
        examples.add(ChatExample.of(
                ChatMessage.system("other system\n"), ChatMessage.user("x"), ChatMessage.assistant("y")));
        examples.add(ChatExample.of(
                ChatMessage.user("caf\u00e9 \ud83c\udfcb\ufe0f 225lb\r\n\n"), ChatMessage.assistant("ok")));
        assertThat(examples).hasSizeGreaterThan(300);
        TokenCounter tok = TokenCounter.llama3();
        for (boolean bos : new boolean[] {true, false}) {
            Llama33Template t = Llama33Template.of("26 Jul 2024", bos);
            java.util.Map<String, Integer> memo = new java.util.HashMap<>();
            for (ChatExample e : examples) {
                int expected = tok.countRendered(t.render(e));
                assertThat(t.countTokens(e, tok, memo)).as(e.toString()).isEqualTo(expected);
                assertThat(t.countTokens(e, tok)).isEqualTo(expected);
            }
        }
    }
}
