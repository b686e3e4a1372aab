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

    /** One {@link KbGeneration#run} against the fake with the default grounding checker. */
    private KbGeneration.Result generate(
            FakeLlmServer fake, Path state, Path out, List<QuotaPolicy.ChunkQuota> quotas, int topUps, Double budget)
            throws Exception {
        return KbGeneration.run(
                round(fake), state, out, quotas, GroundingChecker.builder().build(), topUps, budget);
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
            KbGeneration.Result r = generate(fake, dir.resolve("state"), out, quotas, 2, null);
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
            KbGeneration.Result r = generate(fake, dir.resolve("st"), out, quotas, 0, null);
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
            KbGeneration.Result r = generate(fake, dir.resolve("st"), out, quotas, 2, 10.0);
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

            KbGeneration.Result again = generate(fake, dir.resolve("st"), out, quotas, 2, 10.0);
            assertThat(fake.requestCount()).isEqualTo(calls); // everything came from state
            assertThat(again.ok()).isTrue();
            assertThat(Files.readAllLines(again.grounded())).isEqualTo(Files.readAllLines(r.grounded()));
        }
    }

    /** The two equipment-substitution chunks (single-turn, 5 examples each): squat and bench. */
    private static List<QuotaPolicy.ChunkQuota> squatAndBench() {
        List<KbChunk> two = sample.stream()
                .filter(c -> "equipment_substitutions".equals(c.category()))
                .limit(2)
                .toList();
        return QuotaPolicy.defaults().plan(two);
    }

    /** Records the title of the chunk each request was about, in order. */
    private static Function<FakeLlmServer.Call, String> recording(
            Function<FakeLlmServer.Call, String> answers, List<String> titles) {
        Pattern title = Pattern.compile("<<<\\nTitle: ([^\\n]*)");
        return call -> {
            Matcher m = title.matcher(call.userText());
            titles.add(m.find() ? m.group(1) : "?");
            return answers.apply(call);
        };
    }

    @Test
    void topUpRoundsAskOnlyForTheShortfallAndTheAccountingAddsUp() throws Exception {
        List<QuotaPolicy.ChunkQuota> quotas = squatAndBench();
        int squatTarget = quotas.stream()
                .filter(q -> q.chunk().title().startsWith("Squat"))
                .findFirst()
                .orElseThrow()
                .target();
        assertThat(squatTarget).isEqualTo(5);
        Path out = dir.resolve("subs.jsonl");
        List<String> titles = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            // every squat answer of round 0 (5 slots x 4 attempts) and of top-up round 1 is fluff; later ones are
            // grounded: round 0 and round 1 each leave the squat chunk 5 short, round 2 fills it
            int perRound = 4 * squatTarget;
            fake.answerer(recording(new ChunkAnswers("Squat pattern", 2 * perRound), titles));
            KbGeneration.Result r = generate(fake, dir.resolve("st"), out, quotas, 2, 10.0);

            assertThat(r.rounds()).hasSize(3);
            assertThat(r.asked()).containsExactly(10, squatTarget, squatTarget); // only what was missing
            assertThat(r.rounds().get(0).outOfAttemptsOnly()).isTrue();
            assertThat(r.rounds().get(1).outOfAttemptsOnly()).isTrue();
            assertThat(r.rounds().get(2).complete()).isTrue();
            // accounting: round 0 = 5 bench + 20 rejected squat; round 1 = 20 rejected squat; round 2 = 5 squat
            assertThat(r.rounds().get(0).totals().rejected()).isEqualTo(perRound);
            assertThat(r.rounds().get(1).totals().rejected()).isEqualTo(perRound);
            assertThat(r.rounds().get(2).totals().rejected()).isZero();
            assertThat(fake.requestCount())
                    .as(titles + " " + r.rounds().stream().map(x -> x.summary()).toList())
                    .isEqualTo(5 + perRound + perRound + squatTarget);
            // the top-up rounds asked about the squat chunk only
            List<String> topUps = titles.subList(5 + perRound, titles.size());
            assertThat(topUps).hasSize(perRound + squatTarget).allMatch(t -> t.startsWith("Squat"));
            assertThat(titles.subList(0, 5 + perRound))
                    .filteredOn(t -> t.startsWith("Bench"))
                    .hasSize(5);
            // outputs per round, and all of them together in the grounded file
            assertThat(Files.readAllLines(out)).hasSize(5);
            assertThat(r(out, ".topup-1.jsonl"))
                    .satisfiesAnyOf(
                            f -> assertThat(f).doesNotExist(),
                            f -> assertThat(Files.readAllLines(f)).isEmpty());
            assertThat(Files.readAllLines(r(out, ".topup-2.jsonl"))).hasSize(squatTarget);
            assertThat(Files.readAllLines(r(out, ".rejects.jsonl"))).hasSize(perRound);
            assertThat(Files.readAllLines(r(out, ".topup-1.rejects.jsonl"))).hasSize(perRound);
            assertThat(Files.readAllLines(r.grounded())).hasSize(10);
            assertThat(r.coverage().accepted()).isEqualTo(10);
            assertThat(row(r, "Squat").accepted()).isEqualTo(squatTarget);
            assertThat(row(r, "Bench").accepted()).isEqualTo(5);
            assertThat(r.shortfall()).isZero();
            assertThat(r.ok()).isTrue();
            // rerun: every round comes from its state, no request
            int calls = fake.requestCount();
            KbGeneration.Result again = generate(fake, dir.resolve("st"), out, quotas, 2, 10.0);
            assertThat(fake.requestCount()).isEqualTo(calls);
            assertThat(again.asked()).isEqualTo(r.asked());
            assertThat(Files.readAllLines(again.grounded())).isEqualTo(Files.readAllLines(r.grounded()));
        }
    }

    @Test
    void topUpRoundsAreBoundedAndTheShortfallIsReported() throws Exception {
        List<QuotaPolicy.ChunkQuota> quotas = squatAndBench();
        Path out = dir.resolve("subs.jsonl");
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(new ChunkAnswers("Squat pattern", Integer.MAX_VALUE)); // never grounded
            KbGeneration.Result r = generate(fake, dir.resolve("st"), out, quotas, 1, null);
            assertThat(r.rounds()).hasSize(2); // round 0 and at most one top-up round
            assertThat(r.asked()).containsExactly(10, 5);
            assertThat(r.shortfall()).isEqualTo(5);
            assertThat(r.ok()).isFalse();
            assertThat(fake.requestCount()).isEqualTo(5 + 20 + 20);
            assertThat(row(r, "Squat").status()).isEqualTo(KbCoverage.Status.UNDER_MIN);
        }
    }

    @Test
    void cliReportsEachTopUpRound() throws Exception {
        Path chunks = dir.resolve("chunks.jsonl");
        Files.write(
                chunks,
                squatAndBench().stream().map(q -> ChunkJsonl.toLine(q.chunk())).toList());
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(new ChunkAnswers("Squat pattern", 20));
            var r = generateCli(chunks, fake, "subs.jsonl", "--top-up-rounds", "1");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .contains("round 0 (10 examples asked)")
                    .contains("top-up round 1 (5 examples asked)")
                    .contains("grounded examples: ")
                    .doesNotContain("still short");
            assertThat(Files.readAllLines(dir.resolve("subs.grounded.jsonl"))).hasSize(10);
            assertThat(fake.requestCount()).isEqualTo(5 + 20 + 5);
        }
    }

    @Test
    void aChangedChunksExamplesAreStaleReportedNotShippedAndOnlyTheyAreRegenerated() throws Exception {
        List<QuotaPolicy.ChunkQuota> before = squatAndBench();
        Path out = dir.resolve("subs.jsonl");
        Path state = dir.resolve("st");
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            List<String> titles = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            fake.answerer(recording(new ChunkAnswers(null), titles));
            KbGeneration.Result first = generate(fake, state, out, before, 2, null);
            assertThat(first.ok()).isTrue();
            assertThat(first.retired()).isZero();
            List<String> firstOut = Files.readAllLines(out);
            List<String> firstProv = Files.readAllLines(r(out, ".provenance.jsonl"));
            assertThat(firstOut).hasSize(10);

            // the bench chunk's text changes in the knowledge base (same id); the squat chunk does not
            KbChunk bench = before.stream()
                    .map(QuotaPolicy.ChunkQuota::chunk)
                    .filter(c -> c.title().startsWith("Bench"))
                    .findFirst()
                    .orElseThrow();
            KbChunk changed = new KbChunk(
                    bench.id(),
                    bench.numericId(),
                    bench.category(),
                    bench.title(),
                    bench.content() + " Keep the shoulder blades pulled back on every rep.",
                    bench.metadata(),
                    bench.createdAt(),
                    bench.updatedAt());
            List<QuotaPolicy.ChunkQuota> after = before.stream()
                    .map(q -> q.chunk().id().equals(bench.id())
                            ? new QuotaPolicy.ChunkQuota(changed, q.category(), q.target(), q.multiTurn())
                            : q)
                    .toList();
            Map<String, String> now = new HashMap<>();
            after.forEach(q -> now.put(q.chunk().id(), KbPlan.sourceSha256(q.chunk())));

            // reported: the provenance lines of exactly the bench examples are stale, with the reason
            List<KbCoverage.StaleExample> stale = KbCoverage.staleExamples(r(out, ".provenance.jsonl"), now);
            assertThat(stale).hasSize(5).allSatisfy(x -> {
                assertThat(x.chunkId()).isEqualTo(bench.id());
                assertThat(x.reason()).contains("changed since this example was generated");
            });
            // not shipped: the coverage check of the old output quarantines them (stale_chunk) and keeps the rest
            Path grounded = dir.resolve("check.grounded.jsonl");
            Path rejects = dir.resolve("check.rejects.jsonl");
            KbCoverage.Report cov = new KbCoverage(
                            after, GroundingChecker.builder().build())
                    .check(out, r(out, ".provenance.jsonl"), grounded, rejects);
            assertThat(cov.stale()).hasSize(5);
            assertThat(cov.rejectReasons()).containsEntry("stale_chunk", 5L);
            assertThat(Files.readAllLines(grounded)).hasSize(5).allMatch(firstOut::contains);
            assertThat(Files.readAllLines(rejects))
                    .hasSize(5)
                    .allSatisfy(l -> assertThat(l).contains("\"reason\":\"stale_chunk\"", bench.id()));
            assertThat(KbCoverage.table(cov)).contains("5 examples are stale");

            // regenerated: only the bench slots, with the new text; the squat examples are kept as they were
            titles.clear();
            int calls = fake.requestCount();
            KbGeneration.Result second = generate(fake, state, out, after, 2, null);
            assertThat(second.retired()).isEqualTo(5);
            assertThat(fake.requestCount() - calls).isEqualTo(5);
            assertThat(titles).hasSize(5).allMatch(t -> t.startsWith("Bench"));
            assertThat(second.ok()).isTrue();
            assertThat(second.coverage().stale()).isEmpty();
            List<String> secondOut = Files.readAllLines(out);
            List<String> secondProv = Files.readAllLines(r(out, ".provenance.jsonl"));
            assertThat(secondOut).hasSize(10);
            for (int i = 0; i < firstOut.size(); i++) {
                boolean wasBench = firstProv.get(i).contains(bench.id());
                assertThat(secondOut.contains(firstOut.get(i)))
                        .as("line " + i + (wasBench ? " (bench: regenerated)" : " (squat: kept)"))
                        .isEqualTo(!wasBench);
            }
            assertThat(KbCoverage.staleExamples(r(out, ".provenance.jsonl"), now))
                    .isEmpty();
            assertThat(secondProv.stream().filter(l -> l.contains(now.get(bench.id()))))
                    .hasSize(5);
            assertThat(Files.readAllLines(r(out, ".rejects.jsonl")))
                    .filteredOn(l -> l.contains("\"reason\":\"stale_chunk\""))
                    .hasSize(5);
            // and a third run with the same chunks changes nothing and asks nothing
            int settled = fake.requestCount();
            KbGeneration.Result third = generate(fake, state, out, after, 2, null);
            assertThat(third.retired()).isZero();
            assertThat(fake.requestCount()).isEqualTo(settled);
            assertThat(Files.readAllLines(out)).isEqualTo(secondOut);
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
            var r = generateCli(chunks, fake, "inj.jsonl");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .contains("round 0 (12 examples asked)")
                    .contains("examples read 12, accepted 12, rejected 0")
                    .contains("grounded examples: ");
            assertThat(Files.readAllLines(dir.resolve("inj.grounded.jsonl"))).hasSize(12);
        }
    }

    /** {@code spotter kb generate --chunks CHUNKS} against the fake (no key), state {@code st}, output {@code out}. */
    private dev.spotter.cli.CliRun.Result generateCli(Path chunks, FakeLlmServer fake, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
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
                dir.resolve(out).toString(),
                "--concurrency",
                "2"));
        args.addAll(List.of(extra));
        return dev.spotter.cli.CliRun.run(args.toArray(String[]::new));
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
