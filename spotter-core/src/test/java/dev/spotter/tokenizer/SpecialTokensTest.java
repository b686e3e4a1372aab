package dev.spotter.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecialTokensTest {
    @Test
    void constantsMatchMetaTable() {
        assertThat(SpecialTokens.idOf("<|begin_of_text|>"))
                .hasValue(SpecialTokens.BEGIN_OF_TEXT)
                .hasValue(128000);
        assertThat(SpecialTokens.idOf("<|end_of_text|>"))
                .hasValue(SpecialTokens.END_OF_TEXT)
                .hasValue(128001);
        assertThat(SpecialTokens.idOf("<|finetune_right_pad_id|>"))
                .hasValue(SpecialTokens.FINETUNE_RIGHT_PAD)
                .hasValue(128004);
        assertThat(SpecialTokens.idOf("<|start_header_id|>"))
                .hasValue(SpecialTokens.START_HEADER)
                .hasValue(128006);
        assertThat(SpecialTokens.idOf("<|end_header_id|>"))
                .hasValue(SpecialTokens.END_HEADER)
                .hasValue(128007);
        assertThat(SpecialTokens.idOf("<|eom_id|>")).hasValue(SpecialTokens.EOM).hasValue(128008);
        assertThat(SpecialTokens.idOf("<|eot_id|>")).hasValue(SpecialTokens.EOT).hasValue(128009);
        assertThat(SpecialTokens.idOf("<|python_tag|>"))
                .hasValue(SpecialTokens.PYTHON_TAG)
                .hasValue(128010);
        assertThat(SpecialTokens.idOf("<|reserved_special_token_0|>")).hasValue(128002);
        assertThat(SpecialTokens.idOf("<|reserved_special_token_1|>")).hasValue(128003);
        assertThat(SpecialTokens.idOf("<|step_id|>")).hasValue(128005);
        assertThat(SpecialTokens.idOf("<|image|>")).hasValue(128011);
        assertThat(SpecialTokens.idOf("<|reserved_special_token_2|>")).hasValue(128012);
        assertThat(SpecialTokens.idOf("<|reserved_special_token_245|>")).hasValue(128255);
        assertThat(SpecialTokens.idOf("<|reserved_special_token_246|>")).isEmpty();
        assertThat(SpecialTokens.idOf("eot_id")).isEmpty();
    }

    @Test
    void namesAreABijectionOverAll256Ids() {
        Set<String> names = new HashSet<>();
        for (int id = 128000; id <= 128255; id++) {
            String name = SpecialTokens.nameOf(id);
            assertThat(names.add(name)).as(name).isTrue();
            assertThat(SpecialTokens.idOf(name)).hasValue(id);
            assertThat(SpecialTokens.findIn("x" + name + "y")).hasValue(name);
        }
        assertThatThrownBy(() -> SpecialTokens.nameOf(127999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127999");
        assertThatThrownBy(() -> SpecialTokens.nameOf(128256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findInEqualsNaiveSearchOnRandomStrings() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int id = 128000; id <= 128255; id++) {
            names.add(SpecialTokens.nameOf(id));
        }
        names.add("<|reserved_special_token_246|>");
        names.add("<|reserved_special_token_247|>");
        String[] atoms = {
            "<|",
            "|>",
            "<",
            "|",
            ">",
            "eot_id",
            "eom_id",
            "reserved_special_token_",
            "24",
            "7",
            "x",
            " ",
            "é",
            "<|eot_id|>",
            "<|image|>",
            "<|reserved_special_token_246|>",
            "<|reserved_special_token_245|>"
        };
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(99);
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.append(atoms[rnd.nextInt(atoms.length)]);
            }
            String s = sb.toString();
            java.util.Optional<String> expected = java.util.Optional.empty();
            outer:
            for (int i = 0; i < s.length(); i++) {
                for (String name : names) {
                    if (s.startsWith(name, i)) {
                        expected = java.util.Optional.of(name);
                        break outer;
                    }
                }
            }
            assertThat(SpecialTokens.findIn(s)).as(s).isEqualTo(expected);
            assertThat(SpecialTokens.findIn(new StringBuilder(s)))
                    .as("CharSequence path: %s", s)
                    .isEqualTo(expected);
        }
    }

    @Test
    void findInReportsTheLeftmostSpecialString() {
        assertThat(SpecialTokens.findIn("plain text, no tokens")).isEmpty();
        assertThat(SpecialTokens.findIn("")).isEmpty();
        assertThat(SpecialTokens.findIn("a <|eot_id|> then <|begin_of_text|>")).hasValue("<|eot_id|>");
        assertThat(SpecialTokens.findIn("<|<|eom_id|>")).hasValue("<|eom_id|>");
        assertThat(SpecialTokens.findIn("<|eot_id|")).isEmpty();
        assertThat(SpecialTokens.findIn("<|EOT_ID|>")).isEmpty(); // exact match only, as tokenizers do
        assertThat(SpecialTokens.findIn("<| eot_id |>")).isEmpty();
        assertThat(SpecialTokens.findIn("<|reserved_special_token_999|>")).isEmpty();
        assertThat(SpecialTokens.findIn(new StringBuilder("sb <|python_tag|>"))).hasValue("<|python_tag|>");
        // Hugging Face's own names for ids 128254/128255 would become special ids in a HF trainer too
        assertThat(SpecialTokens.findIn("x<|reserved_special_token_247|>")).hasValue("<|reserved_special_token_247|>");
        // a long run of '<|' without closing must not be quadratic or fail
        assertThat(SpecialTokens.findIn("<|".repeat(100_000))).isEmpty();
    }
}
