package dev.spotter.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PretokenizerTest {
    static final Pattern REGEX = Pattern.compile(Pretokenizer.REGEX, Pattern.UNICODE_CHARACTER_CLASS);

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int e = Pretokenizer.next(s, i, s.length());
            assertThat(e).as("progress at %d", i).isGreaterThan(i);
            out.add(s.substring(i, e));
            i = e;
        }
        return out;
    }

    static List<String> regexSplit(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        int last = 0;
        while (m.find()) {
            assertThat(m.start()).as("regex leaves no gap").isEqualTo(last);
            out.add(m.group());
            last = m.end();
        }
        assertThat(last).isEqualTo(s.length());
        return out;
    }

    @Test
    void knownSplits() {
        assertThat(split("I'M here's you'LL")).containsExactly("I", "'M", " here", "'s", " you", "'LL");
        assertThat(split("  \n  x")).containsExactly("  \n", " ", " x");
        assertThat(split("a   b")).containsExactly("a", "  ", " b");
        assertThat(split("hi   ")).containsExactly("hi", "   ");
        assertThat(split("12345")).containsExactly("123", "45");
        assertThat(split("...hello")).containsExactly("...", "hello");
        assertThat(split(" !!\n\nx")).containsExactly(" !!\n\n", "x");
        assertThat(split("\t!")).containsExactly("\t", "!");
        assertThat(split("'\u017fx")).containsExactly("'\u017f", "x"); // Unicode case-insensitive 's
        assertThat(split("a\u0085\u0085b")).containsExactly("a", "\u0085", "\u0085b"); // U+0085 is \s in Unicode
        assertThat(split("😀👍🏽")).containsExactly("😀👍🏽");
    }

    @Test
    void classesFollowUnicodeWhiteSpaceNotJavaScript() {
        assertThat(Pretokenizer.classOf(0x85)).isEqualTo(Pretokenizer.SPACE);
        assertThat(Pretokenizer.classOf(0xfeff)).isEqualTo(Pretokenizer.OTHER);
        assertThat(Pretokenizer.classOf(0x3000)).isEqualTo(Pretokenizer.SPACE);
        assertThat(Pretokenizer.classOf(0x1c))
                .isEqualTo(Pretokenizer.OTHER); // Python's str.isspace says yes; \s does not
        assertThat(Pretokenizer.classOf(0x2167)).isEqualTo(Pretokenizer.NUMBER); // Ⅷ is Nl
        assertThat(Pretokenizer.classOf(0x1d518)).isEqualTo(Pretokenizer.LETTER); // 𝔘
    }

    /** Property test with a fixed seed: random strings over a hostile alphabet split identically. */
    @Test
    void handWrittenSplitterEqualsRegexOnRandomStrings() {
        String[] atoms = {
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\u000b",
            "\u000c",
            "\u0085",
            "\u00a0",
            "\u2028",
            "\u3000",
            "\ufeff",
            "'",
            "s",
            "S",
            "t",
            "re",
            "RE",
            "ve",
            "m",
            "ll",
            "LL",
            "d",
            "\u017f",
            "a",
            "Z",
            "é",
            "ß",
            "я",
            "中",
            "あ",
            "\u0301",
            "\u0308",
            "0",
            "7",
            "٣",
            "²",
            "Ⅻ",
            "!",
            ".",
            ",",
            "-",
            "<|",
            "|>",
            "\"",
            "😀",
            "👍🏽",
            "👨‍👩‍👧",
            "\u200d",
            "\u200b",
            "\u00ad",
            "\ud835\udd18",
            "\u0000",
            "\u001c",
            "$",
            "€",
        };
        SplittableRandom rnd = new SplittableRandom(20261126L);
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rnd.nextInt(24);
            for (int k = 0; k < len; k++) {
                sb.append(atoms[rnd.nextInt(atoms.length)]);
            }
            String s = sb.toString();
            assertThat(split(s)).as("input %s", escape(s)).isEqualTo(regexSplit(REGEX, s));
        }
    }

    @Test
    void randomCodePointsIncludingLoneSurrogates() {
        SplittableRandom rnd = new SplittableRandom(42L);
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rnd.nextInt(16);
            for (int k = 0; k < len; k++) {
                int cp = rnd.nextInt(4) == 0 ? rnd.nextInt(0x80) : rnd.nextInt(0x30000);
                sb.appendCodePoint(cp);
            }
            String s = sb.toString();
            assertThat(split(s)).as("input %s", escape(s)).isEqualTo(regexSplit(REGEX, s));
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u{%x}", cp));
            }
        });
        return b.toString();
    }
}
