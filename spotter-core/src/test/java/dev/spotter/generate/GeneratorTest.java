package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Role;
import dev.spotter.llm.FakeLlmServer;
import dev.spotter.llm.FakeLlmServer.Fault;
import dev.spotter.llm.InferencePrices;
import dev.spotter.llm.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    private static final String KEY = "sk-live-TOPSECRET-9f8e7d6c5b4a";
    private static final ObjectMapper M = new ObjectMapper();
    private final FakeLlmServer fake = FakeLlmServer.start().requireKey(KEY).answerer(new FakeAnswers());
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final List<dev.spotter.kernel.ProgressEvent> events =
            java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fake.close();
    }

    private GenerateOptions.Builder opts(String plan, Provider p, int limit) {
        return GenerateOptions.builder(Plans.load(plan), dir.resolve("state"), dir.resolve("out/data.jsonl"))
                .provider(p)
                .model(p == Provider.OPENAI ? "gpt-4o-mini" : "claude-haiku-4-5")
                .baseUrl(fake.baseUrl())
                .env(Map.of(p.defaultKeyEnv(), KEY)::get)
                .limit(limit)
                .concurrency(4)
                .maxRetries(4)
                .maxAttemptsPerSlot(6)
                // generous: on a loaded machine a normal fake answer can take seconds; only the Slow fault times out
                .requestTimeout(Duration.ofSeconds(10))
                .progress(e -> {
                    events.add(e);
                    progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8));
                })
                .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p);
    }

    @Test
    void fillsExactQuotasThroughFaultsAndRecordsEveryResponse() throws Exception {
        String schemaViolating = "{\"messages\":[{\"role\":\"user\",\"content\":\"my shoulder hurts\"},"
                + "{\"role\":\"assistant\",\"content\":{\"assessment_type\":\"injury\",\"summary\":\"too thin\"}}]}";
        fake.enqueue(
                Fault.status(429, "0"),
                Fault.status(500),
                Fault.status(503),
                Fault.status(529),
                Fault.reset(),
                Fault.slow(Duration.ofSeconds(60)),
                Fault.malformedJson(),
                Fault.truncated(),
                Fault.refusal(),
                Fault.answer(schemaViolating),
                Fault.answer("Sure! Here is your example: ..."));
        Report r = Generator.run(opts("injury", Provider.OPENAI, 3).build());

        assertThat(r.complete()).isTrue();
        assertThat(r.categories()).allSatisfy(c -> assertThat(c.accepted()).isEqualTo(3));
        assertThat(fake.pendingFaults()).isZero();
        List<String> out = lines(dir.resolve("out/data.jsonl"));
        assertThat(out).hasSize(27);
        assertThat(new HashSet<>(out)).as("no duplicate lines").hasSize(27);
        for (String line : out) {
            JsonNode n = M.readTree(line);
            assertThat(n.properties())
                    .extracting(Map.Entry::getKey)
                    .as("upload file carries only messages")
                    .containsExactly("messages");
            ChatExample ex = ChatJson.parse(line);
            assertThat(ex.messages().getFirst().role()).isEqualTo(Role.SYSTEM);
            assertThat(ex.messages().getFirst().content())
                    .isEqualTo(Plans.load("injury").systemPrompt());
            assertThat(M.readTree(ex.last(Role.ASSISTANT).orElseThrow().content())
                            .path("recovery_timeline")
                            .isArray())
                    .isTrue();
        }
        // multi-turn category produced multi-turn conversations
        List<String> prov = lines(dir.resolve("out/data.provenance.jsonl"));
        assertThat(prov).hasSize(27);
        for (int i = 0; i < prov.size(); i++) {
            JsonNode p = M.readTree(prov.get(i));
            assertThat(p.path("line").asInt()).isEqualTo(i + 1);
            assertThat(p.path("plan").asText()).isEqualTo("injury");
            assertThat(p.path("prompt_sha256").asText()).hasSize(64);
            assertThat(p.path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(p.path("cost_usd").asDouble()).isPositive();
            assertThat(p.path("price_as_of").asText())
                    .isEqualTo(InferencePrices.bundled().asOf());
            assertThat(p.path("attributes").has("experience")).isTrue();
            if (p.path("category").asText().equals("multi-turn")) {
                int turns = p.path("attributes").path("turns").asInt();
                assertThat(ChatJson.parse(out.get(i)).messages()).hasSize(1 + 2 * turns);
            }
        }
        // the malformed, truncated, refused, schema-violating and non-JSON answers are quarantined with reasons
        List<String> rejects = lines(dir.resolve("out/data.rejects.jsonl"));
        String all = String.join("\n", rejects);
        assertThat(all)
                .contains(
                        "\"reason\":\"malformed_response\"",
                        "\"reason\":\"truncated\"",
                        "\"reason\":\"refusal\"",
                        "\"reason\":\"schema\"",
                        "\"reason\":\"not_json\"");
        // accounting: every 200 the client received is recorded as accepted or rejected, nothing else: 27 + the 5
        // injected bad answers. The fake's count of normal completions excludes the malformed 200 (one more) and
        // the slow fault, which is never answered (the client abandoned it at its timeout and retried).
        assertThat(r.totals().accepted()).isEqualTo(27);
        assertThat(r.totals().rejected()).isEqualTo(5);
        assertThat(r.totals().surplus()).isZero();
        assertThat(fake.abandonedCount()).isEqualTo(1);
        assertThat(r.totals().accepted() + r.totals().rejected()).isEqualTo(fake.okCount() + 1L);
        assertThat(r.totals().errors())
                .as("429/5xx/529/reset/timeout were retried inside the client")
                .isZero();
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("generate: 27/27 accepted")
                .contains("rejects 5");
        // the one progress mechanism: accepted counts never go down and the last event, finished, is the target
        List<dev.spotter.kernel.ProgressEvent> seen = List.copyOf(events);
        assertThat(seen).hasSizeGreaterThan(27);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).count())
                    .isGreaterThanOrEqualTo(seen.get(i - 1).count());
        }
        dev.spotter.kernel.ProgressEvent last = seen.get(seen.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.count()).isEqualTo(27).isEqualTo(last.total());
        assertThat(seen.subList(0, seen.size() - 1)).noneMatch(dev.spotter.kernel.ProgressEvent::finished);
    }

    @Test
    void extraCheckRejectsInsideTheEngineAndTheSlotIsRetried() throws Exception {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        List<Plan.SourceItem> sources = Collections.synchronizedList(new ArrayList<>());
        ExampleCheck firstTwoFail = (category, source, example) -> {
            sources.add(source);
            assertThat(example.messages().getFirst().role()).isEqualTo(Role.SYSTEM);
            return seen.incrementAndGet() <= 2
                    ? dev.spotter.checks.CheckResult.of("ungrounded", "answer ignores the source")
                    : dev.spotter.checks.CheckResult.OK;
        };
        Report r = Generator.run(opts("running", Provider.OPENAI, 1)
                .concurrency(1)
                .extraCheck(firstTwoFail)
                .build());
        assertThat(r.complete()).isTrue();
        assertThat(r.totals().accepted()).isEqualTo(3);
        assertThat(r.totals().rejected()).isEqualTo(2);
        assertThat(r.rejectsByReason()).containsExactly(Map.entry("ungrounded", 2L));
        assertThat(fake.requestCount())
                .as("each reject cost one more request for its slot")
                .isEqualTo(5);
        assertThat(sources).hasSize(5).containsOnlyNulls(); // the running plan has no sources
        assertThat(lines(dir.resolve("out/data.jsonl"))).hasSize(3);
        assertThat(lines(dir.resolve("out/data.rejects.jsonl")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"reason\":\"ungrounded\"", "answer ignores the source"));
    }

    @Test
    void rerunIsANoOpAndRewritesIdenticalOutput() throws Exception {
        Generator.run(opts("running", Provider.ANTHROPIC, 2).build());
        List<String> first = lines(dir.resolve("out/data.jsonl"));
        int calls = fake.requestCount();
        Files.writeString(dir.resolve("out/data.jsonl"), "corrupted {");
        Path stale = dir.resolve("out/.data.jsonl.12345.tmp"); // what a kill during the final write leaves
        Files.writeString(stale, "{\"messages\":[{\"ro");
        // a file changed since the state wrote it is not silently replaced ...
        assertThatThrownBy(() ->
                        Generator.run(opts("running", Provider.ANTHROPIC, 2).build()))
                .hasMessageContaining("will not replace")
                .hasMessageContaining("has changed since this generation state");
        assertThat(Files.readString(dir.resolve("out/data.jsonl"))).isEqualTo("corrupted {");
        // ... only on request
        Report again = Generator.run(
                opts("running", Provider.ANTHROPIC, 2).replaceOutput(true).build());
        assertThat(fake.requestCount()).isEqualTo(calls);
        assertThat(again.complete()).isTrue();
        assertThat(lines(dir.resolve("out/data.jsonl"))).isEqualTo(first).hasSize(6);
        assertThat(stale).doesNotExist();
        // raising the limit continues from the state without redoing filled slots
        Generator.run(opts("running", Provider.ANTHROPIC, 3).build());
        List<String> more = lines(dir.resolve("out/data.jsonl"));
        assertThat(more).hasSize(9).containsAll(first);
        assertThat(fake.requestCount()).isEqualTo(calls + 3);
    }

    @Test
    void eachRunIsOneReviewBatchThroughTheRunIdInProvenance() throws Exception {
        Generator.run(opts("running", Provider.ANTHROPIC, 2).build());
        Generator.run(opts("running", Provider.ANTHROPIC, 2).build()); // nothing to do: no new run id on any line
        Generator.run(opts("running", Provider.ANTHROPIC, 3).build());
        Path out = dir.resolve("out/data.jsonl");
        List<String> prov = lines(dev.spotter.kernel.Sidecars.provenance(out));
        Set<String> runIds = new HashSet<>();
        for (String l : prov) {
            assertThat(M.readTree(l).path("run_id").isTextual()).as(l).isTrue();
            runIds.add(M.readTree(l).get("run_id").asText());
        }
        assertThat(runIds).hasSize(2);
        var index = dev.spotter.review.SourceIndex.scan(
                "running", out, dev.spotter.kernel.Sidecars.provenance(out), "", 50);
        assertThat(index.batches()).hasSize(2);
        assertThat(index.batches()).extracting(b -> b.records().size()).containsExactlyInAnyOrder(6, 3);
        assertThat(index.batches()).allSatisfy(b -> assertThat(b.id()).startsWith("run-"));
    }

    @Test
    void paceAnswersWithWrongArithmeticAreRejected() throws Exception {
        String wrong =
                "{\"messages\":[{\"role\":\"user\",\"content\":\"How long is 10 km at 5:30/km?\"},{\"role\":\"assistant\",\"content\":"
                        + "{\"answer\":\"10 km at 5:30 per km takes 56:00.\",\"calculation\":{\"type\":\"finish_time\",\"inputs\":{\"distance\":10,"
                        + "\"distance_unit\":\"km\",\"pace_seconds\":330,\"pace_unit\":\"km\"},\"result\":{\"time_seconds\":3360}}}}]}";
        GenerateOptions o = GenerateOptions.builder(onlyPace(), dir.resolve("state"), dir.resolve("out/data.jsonl"))
                .provider(Provider.OPENAI)
                .model("gpt-4o")
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", KEY)::get)
                .limit(2)
                .concurrency(1)
                .progress(e -> progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8)))
                .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)))
                .build();
        fake.enqueue(Fault.answer(wrong));
        Report r = Generator.run(o);
        assertThat(r.complete()).isTrue();
        assertThat(r.rejectsByReason()).containsEntry("calc_wrong", 1L);
        assertThat(lines(dir.resolve("out/data.rejects.jsonl")).getFirst())
                .contains("the calculator gives 3300.0 s (55:00)");
    }

    private static Plan onlyPace() {
        Plan p = Plans.load("running");
        return new Plan(
                p.name(),
                p.description(),
                p.systemPrompt(),
                p.authorPrompt(),
                p.seed(),
                List.of(p.category("pace-calculations")));
    }

    @Test
    void budgetCapStopsBeforeARequestCouldOverspend() throws Exception {
        // gpt-4o: $2.50/$10 per M; one injury request reserves ~3.2k prompt + 3000 output tokens ≈ $0.038
        Report r = Generator.run(opts("injury", Provider.OPENAI, 5)
                .model("gpt-4o")
                .budgetUsd(0.10)
                .concurrency(2)
                .build());
        assertThat(r.complete()).isFalse();
        assertThat(r.stopReason()).startsWith("budget:");
        assertThat(r.totals().costUsd()).isPositive().isLessThanOrEqualTo(0.10);
        long accepted = r.totals().accepted();
        assertThat(lines(dir.resolve("out/data.jsonl"))).hasSize((int) accepted);
        // the cap is over the whole state: running again never goes past it either
        Report again = Generator.run(opts("injury", Provider.OPENAI, 5)
                .model("gpt-4o")
                .budgetUsd(0.10)
                .concurrency(2)
                .build());
        assertThat(again.stopReason()).startsWith("budget:");
        assertThat(again.totals().costUsd())
                .isGreaterThanOrEqualTo(r.totals().costUsd())
                .isLessThanOrEqualTo(0.10);
    }

    @Test
    void aRepeatedQuestionIsRejectedAsDuplicate() throws Exception {
        String same = new FakeAnswers()
                .apply(new FakeLlmServer.Call(
                        Provider.OPENAI, "m", "", List.of("Output kind: coach_answer"), M.createObjectNode(), Map.of()))
                .replace("Question 1.", "Question 999.");
        fake.enqueue(Fault.answer(same), Fault.answer(same));
        GenerateOptions o = GenerateOptions.builder(
                        Plans.load("coach-qa"), dir.resolve("state"), dir.resolve("out/data.jsonl"))
                .provider(Provider.OPENAI)
                .model("gpt-4o")
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", KEY)::get)
                .limit(1)
                .concurrency(1)
                .progress(e -> progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8)))
                .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)))
                .build();
        Report r = Generator.run(o);
        assertThat(r.complete()).isTrue();
        assertThat(r.rejectsByReason()).containsEntry("duplicate", 1L);
        assertThat(lines(dir.resolve("out/data.rejects.jsonl")).getFirst())
                .contains("same first user message as programming_0_a1");
    }

    @Test
    void aFileTheStateDidNotWriteIsNeverReplacedAndNothingIsSent() throws Exception {
        // the trap a user walks into: the project's generated source already holds hand-written examples and the
        // build's hint points generate at that file with a new state; a failed run used to leave it empty
        Path out = dir.resolve("out/data.jsonl");
        Files.createDirectories(out.getParent());
        List<String> mine = List.of("{\"messages\":[{\"role\":\"user\",\"content\":\"mine\"}]}", "{}", "{}");
        Files.write(out, mine);
        Path provenance = dir.resolve("out/data.provenance.jsonl");
        Files.writeString(provenance, "{\"line\":1}\n");
        assertThatThrownBy(() ->
                        Generator.run(opts("running", Provider.ANTHROPIC, 1).build()))
                .isInstanceOf(dev.spotter.FileException.class)
                .hasMessageContaining("will not replace " + out)
                .hasMessageContaining("it holds 3 lines that this generation state")
                .hasMessageContaining("--replace-output");
        assertThat(fake.requestCount()).isZero();
        assertThat(lines(out)).isEqualTo(mine);
        assertThat(Files.readString(provenance)).isEqualTo("{\"line\":1}\n");
        // batch import writes the same file: refused too
        Path results = dir.resolve("results.jsonl");
        Files.writeString(results, "");
        assertThatThrownBy(() -> Generator.importBatch(
                        opts("running", Provider.ANTHROPIC, 1).build(), results))
                .hasMessageContaining("will not replace");
        assertThat(lines(out)).isEqualTo(mine);
        // an empty file holds nothing to lose; after a run the state owns what it wrote, so a rerun goes ahead
        Files.writeString(out, "");
        Generator.run(opts("running", Provider.ANTHROPIC, 1).build());
        int calls = fake.requestCount();
        assertThat(lines(out)).hasSize(3);
        Generator.run(opts("running", Provider.ANTHROPIC, 1).build());
        assertThat(fake.requestCount()).isEqualTo(calls);
    }

    @Test
    void budgetNeedsAKnownPrice() {
        assertThatThrownBy(() -> Generator.run(opts("running", Provider.OPENAI, 1)
                        .model("my-local-model")
                        .budgetUsd(1.0)
                        .build()))
                .hasMessageContaining("--price-in");
    }

    @Test
    void badKeyStopsTheRunAsRefusedAndKeepsTheKeySecret() throws Exception {
        GenerateOptions o = opts("running", Provider.OPENAI, 2)
                .env(Map.of("OPENAI_API_KEY", "sk-wrong-KEY-123")::get)
                .build();
        assertThatThrownBy(() -> Generator.run(o))
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining("sk-wrong-KEY-123");
    }

    @Test
    void keyNeverReachesStateOutputOrProgress() throws Exception {
        fake.enqueue(Fault.status(401)); // the error body and message path are scanned too
        try {
            Generator.run(opts("running", Provider.OPENAI, 2).build());
        } catch (Exception ignored) {
            // 401 stops the run; rerun below fills it
        }
        Generator.run(opts("running", Provider.OPENAI, 2).build());
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("state.db", "data.jsonl", "data.rejects.jsonl");
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(content).as(f.toString()).doesNotContain(KEY).doesNotContain("TOPSECRET");
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).doesNotContain("TOPSECRET");
    }

    @Test
    void missingKeyFailsBeforeAnyRequest() {
        GenerateOptions o =
                opts("running", Provider.ANTHROPIC, 1).env(n -> null).build();
        assertThatThrownBy(() -> Generator.run(o)).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    @SuppressWarnings("try") // the state is opened only to hold its lock while the second run tries
    void stateBelongsToOnePlanAndOneRunAtATime() throws Exception {
        Generator.run(opts("running", Provider.OPENAI, 1).build());
        assertThatThrownBy(
                        () -> Generator.run(opts("coach-qa", Provider.OPENAI, 1).build()))
                .hasMessageContaining("holds plan 'running'");
        try (GenerationState held = GenerationState.open(dir.resolve("state"))) {
            assertThatThrownBy(() ->
                            Generator.run(opts("running", Provider.OPENAI, 1).build()))
                    .hasMessageContaining("in use by another");
            // a dry run reads the state while a run holds it
            assertThat(Generator.dryRun(opts("running", Provider.OPENAI, 1).build()))
                    .containsPattern("pace-calculations\\s+1\\s+1 ");
        }
    }

    @Test
    void batchExportImportRoundTripOutOfOrderWithErrorsAndExpiry() throws Exception {
        for (Provider p : Provider.values()) {
            Path d = dir.resolve(p.name());
            GenerateOptions o = GenerateOptions.builder(
                            Plans.load("running"), d.resolve("state"), d.resolve("out.jsonl"))
                    .provider(p)
                    .model(p == Provider.OPENAI ? "gpt-4o" : "claude-sonnet-4-5")
                    .limit(2)
                    .progress(e -> progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8)))
                    .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)))
                    .build();
            Path req = d.resolve("batch.jsonl");
            assertThat(Generator.exportBatch(o, req)).isEqualTo(6);
            List<String> requests = lines(req);
            Set<String> ids = new HashSet<>();
            for (String l : requests) {
                JsonNode n = M.readTree(l);
                ids.add(n.path("custom_id").asText());
                assertThat(n.path("custom_id").asText()).matches("[A-Za-z0-9_-]{1,64}");
                if (p == Provider.OPENAI) {
                    assertThat(n.path("url").asText()).isEqualTo("/v1/chat/completions");
                    assertThat(n.path("body")
                                    .path("response_format")
                                    .path("type")
                                    .asText())
                            .isEqualTo("json_object");
                } else {
                    assertThat(n.path("params").path("system").asText()).isNotEmpty();
                }
            }
            assertThat(ids).hasSize(6);
            // results: shuffled; the first errored, the second expired, the rest succeed
            FakeAnswers answers = new FakeAnswers();
            List<String> results = new ArrayList<>();
            int k = 0;
            for (String l : requests) {
                JsonNode n = M.readTree(l);
                JsonNode body = p == Provider.OPENAI ? n.path("body") : n.path("params");
                String prompt = body.path("messages")
                        .get(p == Provider.OPENAI ? 1 : 0)
                        .path("content")
                        .asText();
                String text = answers.apply(new FakeLlmServer.Call(p, "m", "", List.of(prompt), body, Map.of()));
                results.add(resultLine(p, n.path("custom_id").asText(), text, k++));
            }
            Collections.shuffle(results, new java.util.Random(7));
            Path res = d.resolve("results.jsonl");
            Files.write(res, results);
            Generator.ImportResult r = Generator.importBatch(o, res);
            assertThat(r.lines()).isEqualTo(6);
            assertThat(r.recorded()).isEqualTo(6);
            assertThat(r.unmatched()).isEmpty();
            assertThat(r.report().totals().accepted()).isEqualTo(4);
            assertThat(r.report().totals().errors()).isEqualTo(2);
            assertThat(r.report().rejectsByReason())
                    .containsKeys("batch_error", p == Provider.OPENAI ? "batch_http_500" : "batch_expired");
            assertThat(r.report().complete()).isFalse();
            assertThat(lines(d.resolve("out.jsonl"))).hasSize(4);
            // importing the same file again changes nothing
            Generator.ImportResult again = Generator.importBatch(o, res);
            assertThat(again.recorded()).isZero();
            assertThat(again.duplicates()).isEqualTo(6);
            // the next export covers only the two open slots, with new attempt numbers
            Path req2 = d.resolve("batch2.jsonl");
            assertThat(Generator.exportBatch(o, req2)).isEqualTo(2);
            assertThat(lines(req2))
                    .allSatisfy(l ->
                            assertThat(M.readTree(l).path("custom_id").asText()).endsWith("_a2"));
            // a line from another state is reported, not guessed
            Files.writeString(res, "{\"custom_id\":\"zzz_1_a1\",\"result\":{\"type\":\"expired\"}}\nnot json\n");
            assertThat(Generator.importBatch(o, res).unmatched()).hasSize(2);
        }
    }

    @Test
    void surplusFromDuplicateBatchResultsFillsNewSlotsWithoutNewRequests() throws Exception {
        GenerateOptions one = GenerateOptions.builder(
                        Plans.load("running"), dir.resolve("state"), dir.resolve("out.jsonl"))
                .provider(Provider.OPENAI)
                .model("gpt-4o")
                .limit(1)
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", KEY)::get)
                .progress(e -> progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8)))
                .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)))
                .build();
        // two exports before any import: every open slot is requested twice (attempts a1 and a2)
        Generator.exportBatch(one, dir.resolve("b1.jsonl"));
        Generator.exportBatch(one, dir.resolve("b2.jsonl"));
        List<String> requests = new ArrayList<>(lines(dir.resolve("b1.jsonl")));
        requests.addAll(lines(dir.resolve("b2.jsonl")));
        assertThat(requests).hasSize(6);
        FakeAnswers answers = new FakeAnswers();
        List<String> results = new ArrayList<>();
        for (String l : requests) {
            JsonNode n = M.readTree(l);
            String prompt =
                    n.path("body").path("messages").get(1).path("content").asText();
            results.add(resultLine(
                    Provider.OPENAI,
                    n.path("custom_id").asText(),
                    answers.apply(new FakeLlmServer.Call(
                            Provider.OPENAI, "m", "", List.of(prompt), n.path("body"), Map.of())),
                    5));
        }
        Files.write(dir.resolve("results.jsonl"), results);
        Generator.ImportResult r = Generator.importBatch(one, dir.resolve("results.jsonl"));
        assertThat(r.report().complete()).isTrue();
        assertThat(r.report().totals().accepted()).isEqualTo(3);
        assertThat(r.report().totals().surplus()).as("paid, valid, kept").isEqualTo(3);
        assertThat(lines(dir.resolve("out.jsonl"))).hasSize(3);
        // raising the limit: the three new slots are filled from surplus, no request is sent
        GenerateOptions two = GenerateOptions.builder(
                        Plans.load("running"), dir.resolve("state"), dir.resolve("out.jsonl"))
                .provider(Provider.OPENAI)
                .model("gpt-4o")
                .limit(2)
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", KEY)::get)
                .progress(e -> progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8)))
                .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)))
                .build();
        Report live = Generator.run(two);
        assertThat(live.complete()).isTrue();
        assertThat(fake.requestCount()).isZero();
        assertThat(live.totals().surplus()).isZero();
        assertThat(lines(dir.resolve("out.jsonl"))).hasSize(6).doesNotHaveDuplicates();
    }

    private static String resultLine(Provider p, String cid, String text, int k) {
        var root = M.createObjectNode().put("custom_id", cid);
        if (p == Provider.OPENAI) {
            if (k == 0) {
                root.put("id", "b1").putNull("response");
                root.putObject("error").put("code", "server_error").put("message", "boom");
            } else {
                var resp = root.putObject("response")
                        .put("status_code", k == 1 ? 500 : 200)
                        .put("request_id", "r" + k);
                var body = resp.putObject("body").put("id", "chatcmpl-" + k);
                var choice = body.putArray("choices").addObject();
                choice.putObject("message").put("role", "assistant").put("content", text);
                choice.put("finish_reason", "stop");
                body.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 500);
                root.putNull("error");
            }
        } else {
            var result = root.putObject("result");
            if (k == 0) {
                result.put("type", "errored").putObject("error").put("type", "invalid_request_error");
            } else if (k == 1) {
                result.put("type", "expired");
            } else {
                result.put("type", "succeeded");
                var msg = result.putObject("message")
                        .put("id", "msg_" + k)
                        .put("type", "message")
                        .put("stop_reason", "end_turn");
                msg.putArray("content").addObject().put("type", "text").put("text", text);
                msg.putObject("usage").put("input_tokens", 1000).put("output_tokens", 500);
            }
        }
        return root.toString();
    }
}
