package dev.spotter.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed fixture (scripts/tokenizer/make-reference.sh) holds ~1,350 varied texts with Meta's reference ids
 * (tiktoken), and the JavaScript encoders' ids where they differ. Java must equal the reference on every line.
 */
class ReferenceCorpusTest {
    record Case(int line, String text, int[] ids, boolean jsDiffers) {}

    static List<Case> cases;

    @BeforeAll
    static void load() throws IOException {
        cases = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        try (InputStream in = ReferenceCorpusTest.class.getResourceAsStream("reference.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                JsonNode node = om.readTree(line);
                JsonNode idsNode = node.get("ids");
                int[] ids = new int[idsNode.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = idsNode.get(i).asInt();
                }
                cases.add(new Case(n, node.get("text").asText(), ids, node.has("hf") || node.has("bd")));
            }
        }
        assertThat(cases).hasSizeGreaterThan(1300);
    }

    @Test
    void idsEqualReferenceOnEveryLine() {
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        int checked = 0;
        for (Case c : cases) {
            assertThat(tok.encode(c.text()))
                    .as("fixture line %d: %s", c.line(), abbreviate(c.text()))
                    .containsExactly(c.ids());
            assertThat(tok.count(c.text())).as("count, line %d", c.line()).isEqualTo(c.ids().length);
            checked++;
        }
        assertThat(checked).isEqualTo(cases.size());
    }

    @Test
    void bothMergePathsAgreeWithReference() {
        // threshold 2: every piece that is not a whole token goes through the heap path
        Llama3Tokenizer heapOnly = Llama3Tokenizer.withHeapThreshold(2);
        Llama3Tokenizer scanOnly = Llama3Tokenizer.withHeapThreshold(Integer.MAX_VALUE);
        for (Case c : cases) {
            assertThat(heapOnly.encode(c.text()))
                    .as("heap path, line %d", c.line())
                    .containsExactly(c.ids());
            if (c.text().length() <= 2000) { // the scan path is quadratic by design; long words are the heap path's job
                assertThat(scanOnly.encode(c.text()))
                        .as("scan path, line %d", c.line())
                        .containsExactly(c.ids());
            }
        }
    }

    @Test
    void sharedTokenizerIsSafeAcrossThreads() throws Exception {
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int offset = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < cases.size(); i++) {
                        Case c = cases.get((i + offset * 337) % cases.size()); // different order per thread
                        if (java.util.Arrays.equals(tok.encode(c.text()), c.ids())) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (var f : results) {
                assertThat(f.get()).isEqualTo(cases.size());
            }
        }
    }

    @Test
    void decodeRoundTripsEveryText() {
        Llama3Tokenizer tok = Llama3Tokenizer.shared();
        for (Case c : cases) {
            assertThat(tok.decode(c.ids())).as("line %d", c.line()).isEqualTo(c.text());
        }
    }

    @Test
    void fixtureDocumentsWhereTheJavaScriptEncodersDiffer() {
        // Special-token strings (JS encoders make them special ids) and U+0085, which JavaScript's \s lacks.
        List<Case> differing = cases.stream().filter(Case::jsDiffers).toList();
        assertThat(differing).isNotEmpty();
        assertThat(differing).allMatch(c -> c.text().contains("<|") || c.text().indexOf('\u0085') >= 0);
    }

    @Test
    void handWrittenSplitterEqualsRegexOnCorpus() {
        Pattern p = Pattern.compile(Pretokenizer.REGEX, Pattern.UNICODE_CHARACTER_CLASS);
        for (Case c : cases) {
            assertThat(PretokenizerTest.split(c.text()))
                    .as("line %d", c.line())
                    .isEqualTo(PretokenizerTest.regexSplit(p, c.text()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
    }
}
