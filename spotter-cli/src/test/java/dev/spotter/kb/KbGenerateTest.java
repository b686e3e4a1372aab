package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.Plan;
import dev.spotter.llm.FakeLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb plan → generation engine → coverage, against the in-process fake LLM server over real HTTP. */
class KbGenerateTest {
    static List<KbChunk> sample;
    static final ObjectMapper OM = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        sample = KbChunks.sample();
    }

    /**
     * Plays the generator model: answers with sentences taken from the chunk in the prompt (grounded), and with
     * generic fluff for prompts whose source matches {@code fluffWhen} (ungrounded).
     */
    static final class ChunkAnswers implements Function<FakeLlmServer.Call, String> {
        private static final Pattern SOURCE = Pattern.compile("<<<\\n(.*?)\\n>>>", Pattern.DOTALL);
        private static final Pattern TURNS = Pattern.compile("User turns: (\\d+)");
        private final AtomicLong n = new AtomicLong();
        private final AtomicLong fluffed = new AtomicLong();
        private final String fluffWhen;
        private final int fluffTimes;

        ChunkAnswers(String fluffWhen) {
            this(fluffWhen, Integer.MAX_VALUE);
        }

        /** Fluff for the first {@code fluffTimes} prompts whose source contains {@code fluffWhen}. */
        ChunkAnswers(String fluffWhen, int fluffTimes) {
            this.fluffWhen = fluffWhen;
            this.fluffTimes = fluffTimes;
        }

        @Override
        public String apply(FakeLlmServer.Call call) {
            String prompt = call.userText();
            Matcher s = SOURCE.matcher(prompt);
            String source = s.find() ? s.group(1) : "";
            Matcher t = TURNS.matcher(prompt);
            int turns = t.find() ? Integer.parseInt(t.group(1)) : 1;
            String title = source.lines().findFirst().orElse("").replace("Title: ", "");
            String[] sentences = source.substring(source.indexOf("\n\n") + 2).split("(?<=[.!?:])\\s+");
            long i = n.incrementAndGet();
            ObjectNode root = OM.createObjectNode();
            ArrayNode msgs = root.putArray("messages");
            int from = (int) (i % Math.max(1, sentences.length - 6));
            for (int turn = 1; turn <= turns; turn++) {
                msgs.addObject()
                        .put("role", "user")
                        .put("content", "Question " + i + "." + turn + " about " + title + "?");
                String answer;
                if (fluffWhen != null
                        && source.contains(fluffWhen)
                        && (turn > 1 || fluffed.incrementAndGet() <= fluffTimes)) {
                    answer =
                            "Everyone's journey is different. Stay motivated, enjoy the process, celebrate small wins and"
                                    + " remember that consistency and a positive mindset are what really matter in the long run."
                                    + " Trust the process, believe in yourself and keep showing up every single day.";
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (int k = from; k < sentences.length && sb.length() < 320; k++) {
                        sb.append(sentences[k]).append(' ');
                    }
                    from = Math.min(sentences.length - 1, from + 2);
                    answer = sb.toString().strip();
                }
                msgs.addObject().put("role", "assistant").put("content", answer);
            }
            return root.toString();
        }
    }

    private KbGeneration.Round round(FakeLlmServer fake) {
        return (plan, state, out, budget) -> GenerateOptions.builder(plan, state, out)
                .baseUrl(fake.baseUrl())
                .budgetUsd(budget)
                .priceOverride(dev.spotter.llm.InferencePrices.Price.perMillion(1.0, 2.0))
                .model("fake-model")
                .env(Map.of("OPENAI_API_KEY", "sk-test-kb")::get)
                .concurrency(4)
                .progress(dev.spotter.kernel.ProgressListener.NONE);
    }

    @Test
    void planMatchesTheQuotaTableAndRecordsChunkIds() {
        List<QuotaPolicy.ChunkQuota> quotas = QuotaPolicy.defaults().plan(sample);
        Plan plan = KbPlan.build(sample, QuotaPolicy.defaults());
        assertThat(plan.totalTarget()).isEqualTo(159);
        assertThat(plan.categories())
                .extracting(Plan.Category::id)
                .containsExactly(
                        "customization-examples-multi",
                        "decision-trees",
                        "decision-trees-multi",
                        "equipment-substitutions",
                        "experience-classification",
                        "injury-modifications",
                        "mvq");
        Map<String, Integer> perChunk = new HashMap<>();
        for (Plan.Category c : plan.categories()) {
            for (Plan.SourceItem s : c.sources()) {
                assertThat(s.min()).isEqualTo(s.max());
                perChunk.merge(s.id(), s.min(), Integer::sum);
            }
            assertThat(c.multiTurn()).isEqualTo(c.id().endsWith("-multi"));
        }
        for (QuotaPolicy.ChunkQuota q : quotas) {
            assertThat(perChunk.get(q.chunk().id())).as(q.chunk().title()).isEqualTo(q.target());
        }
    }

    @Test
    void endToEndAllChunksCoveredAndGrounded() throws Exception {
        List<QuotaPolicy.ChunkQuota> quotas = QuotaPolicy.defaults().plan(sample);
        Path out = dir.resolve("kb.jsonl");
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(new ChunkAnswers(null)).requireKey("sk-test-kb");
            KbGeneration.Result r = KbGeneration.run(
                    round(fake),
                    dir.resolve("state"),
                    out,
                    quotas,
                    GroundingChecker.builder().build(),
                    2,
                    null);
            assertThat(r.rounds()).hasSize(1); // nothing to top up
            assertThat(r.rounds().get(0).complete()).isTrue();
            assertThat(r.coverage().read()).isEqualTo(159);
            assertThat(r.coverage().rejected())
                    .as(KbCoverage.table(r.coverage()))
                    .isZero();
            assertThat(r.coverage().ok()).as(KbCoverage.table(r.coverage())).isTrue();
            assertThat(r.ok()).isTrue();
        }
        assertThat(Files.readAllLines(r(out, ".grounded.jsonl"))).hasSize(159);
        // every example starts with the kb system prompt and every provenance line names its chunk
        JsonNode first = OM.readTree(Files.readAllLines(out).get(0));
        assertThat(first.path("messages").get(0).path("content").asText()).startsWith("You are Spotter");
        for (String p : Files.readAllLines(r(out, ".provenance.jsonl"))) {
            assertThat(sample.stream().map(KbChunk::id))
                    .contains(
                            OM.readTree(p).path("attributes").path("source_id").asText());
        }
    }

    @Test
    void ungroundedAnswersAreRejectedInsideTheEngineAndTheirChunkReportedShort() throws Exception {
        List<KbChunk> two = sample.stream()
                .filter(c -> "equipment_substitutions".equals(c.category()))
                .limit(2)
                .toList();
        List<QuotaPolicy.ChunkQuota> quotas = QuotaPolicy.defaults().plan(two);
        Path out = dir.resolve("subs.jsonl");
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(new ChunkAnswers("Squat pattern", Integer.MAX_VALUE));
            KbGeneration.Result r = KbGeneration.run(
                    round(fake),
                    dir.resolve("st"),
                    out,
                    quotas,
                    GroundingChecker.builder().build(),
                    0,
                    null);
            // the engine rejected every squat answer (4 attempts per slot), so it stopped short
            assertThat(r.rounds().get(0).complete()).isFalse();
            KbCoverage.ChunkRow squat = row(r, "Squat");
            KbCoverage.ChunkRow bench = row(r, "Bench");
            assertThat(squat.accepted()).isZero();
            assertThat(squat.status()).isEqualTo(KbCoverage.Status.UNDER_MIN);
            assertThat(bench.status()).isEqualTo(KbCoverage.Status.OK);
            assertThat(r.rounds().get(0).totals().rejected()).isEqualTo(4L * squat.target());
            assertThat(r.coverage().rejected())
                    .as("nothing ungrounded reached the output")
                    .isZero();
            assertThat(r.shortfall()).isEqualTo(squat.target());
            assertThat(r.ok()).isFalse();
            List<String> engineRejects = Files.readAllLines(r(out, ".rejects.jsonl"));
            assertThat(engineRejects)
                    .hasSize(4 * squat.target())
                    .allSatisfy(l -> assertThat(l).contains("\"reason\":\"ungrounded\"", "answer ignores the chunk"));
        }
    }

    @Test
    void ungroundedAnswersAreRefilledInTheSameRoundAndRerunIsANoOp() throws Exception {
        List<KbChunk> two = sample.stream()
                .filter(c -> "equipment_substitutions".equals(c.category()))
                .limit(2)
                .toList();
        List<QuotaPolicy.ChunkQuota> quotas = QuotaPolicy.defaults().plan(two);
        Path out = dir.resolve("subs.jsonl");
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            // the first 3 answers about the squat chunk are fluff, later ones are grounded
            fake.answerer(new ChunkAnswers("Squat pattern", 3));
            KbGeneration.Result r = KbGeneration.run(
                    round(fake),
                    dir.resolve("st"),
                    out,
                    quotas,
                    GroundingChecker.builder().build(),
                    2,
                    10.0);
            assertThat(r.rounds())
                    .as("the engine refilled the slots itself: no top-up round")
                    .hasSize(1);
            assertThat(r.shortfall()).isZero();
            assertThat(r.ok()).isTrue();
            assertThat(row(r, "Squat").accepted()).isEqualTo(row(r, "Squat").target());
            assertThat(r.rounds().get(0).totals().rejected()).isEqualTo(3);
            assertThat(r.rounds().get(0).rejectsByReason()).containsExactly(Map.entry("ungrounded", 3L));
            int total = quotas.stream().mapToInt(QuotaPolicy.ChunkQuota::target).sum();
            assertThat(total).isEqualTo(10); // 12 spread over 2 chunks = 6 each, clamped to the max of 5
            assertThat(Files.readAllLines(r.grounded())).hasSize(total);
            assertThat(Files.readAllLines(out)).hasSize(total);
            assertThat(Files.readAllLines(r(out, ".rejects.jsonl")))
                    .hasSize(3)
                    .allSatisfy(l -> assertThat(l).contains("\"reason\":\"ungrounded\""));
            assertThat(r(out, ".topup-1.jsonl")).doesNotExist();
            int calls = fake.requestCount();
            assertThat(calls).isEqualTo(total + 3); // one call per slot, plus one per ungrounded answer replaced

            KbGeneration.Result again = KbGeneration.run(
                    round(fake),
                    dir.resolve("st"),
                    out,
                    quotas,
                    GroundingChecker.builder().build(),
                    2,
                    10.0);
            assertThat(fake.requestCount()).isEqualTo(calls); // everything came from state
            assertThat(again.ok()).isTrue();
            assertThat(Files.readAllLines(again.grounded())).isEqualTo(Files.readAllLines(r.grounded()));
        }
    }

    @Test
    void cliRunsThePlanAndPrintsTheCoverage() throws Exception {
        Path chunks = dir.resolve("chunks.jsonl");
        Files.write(
                chunks,
                sample.stream()
                        .filter(c -> "injury_modifications".equals(c.category()))
                        .map(ChunkJsonl::toLine)
                        .toList());
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(new ChunkAnswers(null));
            var r = dev.spotter.cli.CliRun.run(
                    "kb",
                    "generate",
                    "--chunks",
                    chunks.toString(),
                    "--base-url",
                    fake.baseUrl(),
                    "--api-key-env",
                    "none",
                    "--model",
                    "fake",
                    "--state",
                    dir.resolve("st").toString(),
                    "-o",
                    dir.resolve("inj.jsonl").toString(),
                    "--concurrency",
                    "2");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .contains("round 0 (12 examples asked)")
                    .contains("examples read 12, accepted 12, rejected 0")
                    .contains("grounded examples: ");
            assertThat(Files.readAllLines(dir.resolve("inj.grounded.jsonl"))).hasSize(12);
        }
    }

    private static KbCoverage.ChunkRow row(KbGeneration.Result r, String titlePrefix) {
        return r.coverage().rows().stream()
                .filter(x -> x.title().startsWith(titlePrefix))
                .findFirst()
                .orElseThrow();
    }

    private static Path r(Path out, String suffix) {
        return dev.spotter.kernel.Sidecars.of(out, suffix);
    }
}
