package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbCoverageTest {
    static List<KbChunk> sample;
    static List<GroundingCheckerTest.Pair> pairs;
    static final ObjectMapper OM = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        sample = SampleKbTest.sample();
        pairs = GroundingCheckerTest.pairs();
    }

    static String example(String question, String answer) {
        return ChatJson.toJsonLine(ChatExample.of(
                ChatMessage.system("You are Spotter, a strength coach."),
                ChatMessage.user(question),
                ChatMessage.assistant(answer)));
    }

    static String prov(String chunkId) {
        ObjectNode p = OM.createObjectNode();
        p.put("plan", "kb");
        p.putObject("attributes").put("source_id", chunkId).put("turns", "1");
        return p.toString();
    }

    @Test
    void countsGroundedExamplesPerChunkAndQuarantinesTheRest() throws Exception {
        // 16 good and 18 bad labelled answers, chunk ids in a provenance sidecar; plus three lines with problems
        List<String> ex = new ArrayList<>();
        List<String> pv = new ArrayList<>();
        for (GroundingCheckerTest.Pair p : pairs) {
            ex.add(example(p.question(), p.answer()));
            pv.add(prov(p.chunk()));
        }
        ex.add(example("q", "a grounded-looking answer without id"));
        pv.add("{\"attributes\":{}}");
        ex.add(example("q", "answer"));
        pv.add(prov("no-such-chunk"));
        ex.add("{\"messages\":\"nope\"}");
        pv.add(prov(pairs.get(0).chunk()));
        Path examples = dir.resolve("kb.jsonl");
        Path provenance = dir.resolve("kb.provenance.jsonl");
        Files.write(examples, ex, StandardCharsets.UTF_8);
        Files.write(provenance, pv, StandardCharsets.UTF_8);

        Path grounded = dir.resolve("grounded.jsonl");
        Path q = dir.resolve("rejects.jsonl");
        KbCoverage cov = new KbCoverage(
                QuotaPolicy.defaults().plan(sample), GroundingChecker.builder().build());
        KbCoverage.Report r = cov.check(examples, provenance, grounded, q);

        assertThat(r.read()).isEqualTo(37);
        assertThat(r.accepted()).isEqualTo(16);
        assertThat(r.rejected()).isEqualTo(21);
        assertThat(r.accepted() + r.rejected()).isEqualTo(r.read());
        assertThat(r.rejectReasons())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("not_grounded", 18L, "no_chunk_id", 1L, "unknown_chunk", 1L, "bad_example", 1L));
        assertThat(Files.readAllLines(grounded)).hasSize(16);
        assertThat(Files.readAllLines(q)).hasSize(21);
        assertThat(r.ok()).isFalse(); // far below the minimums
        Map<String, KbCoverage.ChunkRow> rows =
                r.rows().stream().collect(Collectors.toMap(KbCoverage.ChunkRow::id, x -> x));
        String goal = pairs.get(0).chunk();
        assertThat(rows.get(goal).accepted()).isEqualTo(1);
        assertThat(rows.get(goal).rejected()).isEqualTo(2);
        assertThat(rows.get(goal).status()).isEqualTo(KbCoverage.Status.UNDER_MIN);
        assertThat(rows.get(goal).meanScore()).isGreaterThan(0.55);
        assertThat(KbCoverage.table(r)).contains("examples read 37, accepted 16, rejected 21");
        assertThat(KbCoverage.json(r)).contains("\"status\" : \"UNDER_MIN\"");
    }

    @Test
    void meetsQuotaCapsAtMaxAndChecksMultiTurnShare() throws Exception {
        KbChunk custom = sample.stream()
                .filter(c -> c.title().contains("16-week"))
                .findFirst()
                .orElseThrow();
        GroundingCheckerTest.Pair good = pairs.stream()
                .filter(p -> p.chunk().equals(custom.id()) && p.label().equals("good"))
                .findFirst()
                .orElseThrow();
        List<QuotaPolicy.ChunkQuota> plan =
                QuotaPolicy.defaults().plan(List.of(custom)); // customization: 2-3, all multi-turn
        String single = example(good.question(), good.answer());
        ChatExample multiEx = ChatExample.of(
                ChatMessage.user(good.question()),
                ChatMessage.assistant(good.answer()),
                ChatMessage.user("And if my second attempt moved slowly?"),
                ChatMessage.assistant("Then decide the third attempt on the day from how the second attempt moved: stay"
                        + " near 100 percent of your expected best rather than 103 percent."));
        ObjectNode multi = (ObjectNode) OM.readTree(ChatJson.toJsonLine(multiEx));
        multi.put("kb_chunk_id", custom.id()); // inline id, no sidecar
        ObjectNode one = (ObjectNode) OM.readTree(single);
        one.put("kb_chunk_id", custom.id());

        Path f = dir.resolve("m.jsonl");
        Files.write(f, List.of(multi.toString(), multi.toString(), one.toString(), multi.toString()));
        KbCoverage.Report r =
                new KbCoverage(plan, GroundingChecker.builder().build()).check(f, null, null, dir.resolve("q.jsonl"));
        KbCoverage.ChunkRow row = r.rows().get(0);
        assertThat(row.accepted()).isEqualTo(3); // max 3: the fourth is over_max
        assertThat(r.rejectReasons()).containsEntry("over_max", 1L);
        assertThat(row.multiTurn()).isEqualTo(2);
        assertThat(row.status())
                .isEqualTo(KbCoverage.Status.MULTI_TURN_SHORT); // customization: every example multi-turn

        Files.write(f, List.of(multi.toString(), multi.toString()));
        KbCoverage.Report ok =
                new KbCoverage(plan, GroundingChecker.builder().build()).check(f, null, null, dir.resolve("q.jsonl"));
        assertThat(ok.rows().get(0).status()).isEqualTo(KbCoverage.Status.OK);
        assertThat(ok.ok()).isTrue();
        assertThat(dir.resolve("q.jsonl")).doesNotExist();
    }
}
