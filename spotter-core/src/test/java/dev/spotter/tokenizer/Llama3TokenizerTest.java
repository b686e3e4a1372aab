package dev.spotter.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Llama3TokenizerTest {
    private final Llama3Tokenizer tok = Llama3Tokenizer.shared();

    @Test
    void metaTestVectors() {
        // models/llama3/tests/api/test_tokenizer.py and the spec (llama33-format.md)
        assertThat(tok.encode("This is a test sentence.")).containsExactly(2028, 374, 264, 1296, 11914, 13);
        assertThat(tok.encode("user")).containsExactly(882);
        assertThat(tok.encode("system")).containsExactly(9125);
        assertThat(tok.encode("assistant")).containsExactly(78191);
        assertThat(tok.encode("\n\n")).containsExactly(271);
        assertThat(tok.encode("bench press 225 for 8 at RPE 8"))
                .containsExactly(28122, 3577, 220, 11057, 369, 220, 23, 520, 432, 1777, 220, 23);
    }

    @Test
    void emptyTextHasNoTokens() {
        assertThat(tok.encode("")).isEmpty();
        assertThat(tok.count("")).isZero();
        assertThat(tok.decode(new int[0])).isEmpty();
    }

    @Test
    void specialTokenStringsInOrdinaryTextStayText() {
        int[] ids = tok.encode("a<|eot_id|>b");
        assertThat(java.util.Arrays.stream(ids).noneMatch(SpecialTokens::isSpecial))
                .isTrue();
        assertThat(ids).hasSizeGreaterThan(3);
        assertThat(tok.decode(ids)).isEqualTo("a<|eot_id|>b");
    }

    @Test
    void encodeRenderedMapsSpecialStringsToIds() {
        String rendered = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>";
        assertThat(tok.encodeRendered(rendered)).containsExactly(128000, 128006, 882, 128007, 271, 13347, 128009);
        assertThat(tok.countRendered(rendered)).isEqualTo(7);
        assertThat(tok.decode(tok.encodeRendered(rendered))).isEqualTo(rendered);
        // reserved tokens under Meta's naming, and a near-miss that is plain text
        assertThat(tok.encodeRendered("<|reserved_special_token_245|>")).containsExactly(128255);
        assertThat(tok.encodeRendered("<|step_id|><|image|>")).containsExactly(128005, 128011);
        assertThat(java.util.Arrays.stream(tok.encodeRendered("<|eot_id|")).noneMatch(SpecialTokens::isSpecial))
                .isTrue();
    }

    @Test
    void countEqualsEncodeLength() {
        for (String s : new String[] {"Hello world!", "  \n\t x", "😀👍🏽 ünïcödé 中文 العربية", "a".repeat(5000)}) {
            assertThat(tok.count(s)).as(s).isEqualTo(tok.encode(s).length);
        }
    }

    @Test
    void decodeRoundTripsAndRejectsBadIds() {
        String s = "Squat 5x5 @ 100kg — felt 💪, RPE 8.5\r\nnext";
        assertThat(tok.decode(tok.encode(s))).isEqualTo(s);
        assertThat(tok.decode(new int[] {128009})).isEqualTo("<|eot_id|>");
        assertThatThrownBy(() -> tok.decode(new int[] {128256})).hasMessageContaining("128256");
        assertThatThrownBy(() -> tok.decode(new int[] {-1})).hasMessageContaining("-1");
    }

    @Test
    void loneSurrogateEncodesAsReplacementCharacter() {
        assertThat(tok.encode("a\ud800b")).containsExactly(tok.encode("a\ufffdb"));
    }

    @Test
    void heapAndScanMergePathsAgreeOnLongRandomPieces() {
        // Long single pieces (letter runs, punctuation runs, space runs) exercise heap compaction and tie-breaking.
        Llama3Tokenizer heapOnly = Llama3Tokenizer.withHeapThreshold(2);
        Llama3Tokenizer scanOnly = Llama3Tokenizer.withHeapThreshold(Integer.MAX_VALUE);
        Llama3Tokenizer compacting = Llama3Tokenizer.withEagerHeapCompaction();
        String[] alphabets = {"ab", "aab", "abcdefghijklmnopqrstuvwxyz", "eé", "!?.", "中文字", "ыйя", "  "};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int n = 0; n < 120; n++) {
            String alpha = alphabets[n % alphabets.length];
            StringBuilder sb = new StringBuilder();
            int len = 200 + rnd.nextInt(1800);
            for (int k = 0; k < len; k++) {
                sb.append(alpha.charAt(rnd.nextInt(alpha.length())));
            }
            String s = sb.toString();
            int[] expected = scanOnly.encode(s);
            assertThat(heapOnly.encode(s))
                    .as("alphabet %s, length %d", alpha, len)
                    .containsExactly(expected);
            assertThat(compacting.encode(s))
                    .as("compacting, alphabet %s, length %d", alpha, len)
                    .containsExactly(expected);
            assertThat(tok.decode(expected)).isEqualTo(s);
        }
    }

    @Test
    void veryLongWordIsLinearithmicAndExact() {
        String word = "ab".repeat(200_000); // one 400,000-byte piece: heap path
        int[] ids = tok.encode(word);
        assertThat(tok.decode(ids)).isEqualTo(word);
        assertThat(tok.count(word)).isEqualTo(ids.length);
    }

    @Test
    void sharedIsASingleton() {
        assertThat(Llama3Tokenizer.shared()).isSameAs(tok);
    }
}
