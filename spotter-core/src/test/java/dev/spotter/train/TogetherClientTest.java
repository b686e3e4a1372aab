package dev.spotter.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.PlatformException;
import dev.spotter.train.FakeTogether.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TogetherClientTest {
    @TempDir
    Path dir;

    FakeTogether fake;
    final List<Duration> sleeps = new ArrayList<>();
    TogetherClient client;
    Path train;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeTogether();
        client = client(FakeTogether.KEY);
        train = dir.resolve("train.jsonl");
        Files.writeString(
                train,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n");
    }

    TogetherClient client(String key) {
        return client(key, Duration.ofSeconds(5));
    }

    // 5 s is generous for a local answer on a loaded machine; only HANG faults (60 s) may time out
    TogetherClient client(String key, Duration timeout) {
        return TogetherClient.builder()
                .apiKey(key)
                .baseUrl(fake.baseUrl())
                .requestTimeout(timeout)
                .maxAttempts(3)
                .backoff(Duration.ofMillis(10))
                .sleeper(sleeps::add)
                .build();
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    JobSpec spec() {
        return JobSpec.builder()
                .suffix("spotter-v1")
                .epochs(2)
                .learningRate(2e-5)
                .batchSize(8)
                .build();
    }

    @Test
    void uploadSendsMultipartWithContentHashNameAndReusesSameBytes() throws Exception {
        RemoteFile first = client.upload(train);
        String sha = dev.spotter.kernel.Hashing.sha256Hex(train);
        assertThat(first.filename()).isEqualTo("train-" + sha.substring(0, 16) + ".jsonl");
        assertThat(first.bytes()).isEqualTo(Files.size(train));
        assertThat(fake.uploadBodies.get(0))
                .contains("name=\"purpose\"\r\n\r\nfine-tune")
                .contains("name=\"file_type\"\r\n\r\njsonl")
                .contains("\"content\":\"yo\"");

        RemoteFile again = client.upload(train);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(fake.count("POST /files/upload")).isEqualTo(1);

        Files.writeString(
                train,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"changed\"},{\"role\":\"assistant\",\"content\":\"x\"}]}\n");
        assertThat(client.upload(train).id()).isNotEqualTo(first.id());
        assertThat(fake.count("POST /files/upload")).isEqualTo(2);
    }

    @Test
    void uploadThatTimesOutAfterTheServerStoredItIsNotRepeated() {
        fake.fault("POST /files/upload", Fault.PROCESS_THEN_HANG);
        RemoteFile f = client.upload(train);
        assertThat(fake.count("POST /files/upload")).isEqualTo(1);
        assertThat(fake.files).hasSize(1).containsKey(f.id());
    }

    @Test
    void createThatTimesOutAfterTheServerCreatedTheJobDoesNotDuplicate() {
        RemoteFile f = client.upload(train);
        fake.fault("POST /fine-tunes", Fault.PROCESS_THEN_HANG);
        FineTuneJob job = client.createJob(spec(), f.id(), null, "abcd1234");
        assertThat(fake.jobs).hasSize(1);
        assertThat(fake.count("POST /fine-tunes")).isEqualTo(1);
        assertThat(job.id()).isEqualTo(fake.jobs.keySet().iterator().next());
        assertThat(job.suffix()).isEqualTo("spotter-v1-abcd1234");
    }

    @Test
    void createThatGets502AfterCreatingDoesNotDuplicate() {
        RemoteFile f = client.upload(train);
        fake.fault("POST /fine-tunes", Fault.PROCESS_THEN_500);
        client.createJob(spec(), f.id(), null, "zzzz0000");
        assertThat(fake.jobs).hasSize(1);
    }

    @Test
    void createRetriesAfter500WhenNoJobWasCreated() {
        RemoteFile f = client.upload(train);
        fake.fault("POST /fine-tunes", Fault.STATUS_500);
        FineTuneJob job = client.createJob(spec(), f.id(), null, "abcd1234");
        assertThat(fake.jobs).hasSize(1);
        assertThat(fake.count("POST /fine-tunes")).isEqualTo(2);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    }

    @Test
    void createSendsTheDocumentedBody() {
        RemoteFile f = client.upload(train);
        client.createJob(spec(), f.id(), "file-v", "abcd1234");
        var req = fake.jobs.values().iterator().next().get("request");
        assertThat(req.path("model").asText()).isEqualTo(JobSpec.LLAMA33_70B);
        assertThat(req.path("n_epochs").asInt()).isEqualTo(2);
        assertThat(req.path("batch_size").asInt()).isEqualTo(8);
        assertThat(req.path("learning_rate").asDouble()).isEqualTo(2e-5);
        assertThat(req.path("training_type").path("type").asText()).isEqualTo("Lora");
        assertThat(req.path("training_method").path("method").asText()).isEqualTo("sft");
        assertThat(req.path("training_method").path("train_on_inputs").asText()).isEqualTo("auto");
        assertThat(req.path("validation_file").asText()).isEqualTo("file-v");
        assertThat(req.path("suffix").asText()).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void badRequestIsOneLineWithThePlatformMessageAndNotRetried() {
        RemoteFile f = client.upload(train);
        fake.fault("POST /fine-tunes", Fault.STATUS_400);
        assertThatThrownBy(() -> client.createJob(spec(), f.id(), null, "abcd1234"))
                .isInstanceOf(PlatformException.class)
                .hasMessage("Together: POST /fine-tunes -> 400: learning_rate is out of range");
        assertThat(fake.count("POST /fine-tunes")).isEqualTo(1);
    }

    @Test
    void unauthorizedSaysSoWithoutTheKey() {
        TogetherClient bad = client("wrong-key-zzz");
        assertThatThrownBy(bad::listJobs)
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("401 unauthorized")
                .hasMessageContaining("Invalid API key provided")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("wrong-key-zzz")
                        .doesNotContain("\n"));
        assertThat(fake.count("GET /fine-tunes")).isEqualTo(1);
    }

    @Test
    void getsAreRetriedOn5xxAndTimeoutsWithBackoff() {
        fake.fault("GET /fine-tunes", Fault.STATUS_500, Fault.HANG);
        assertThat(client.listJobs()).isEmpty();
        assertThat(fake.count("GET /fine-tunes")).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void persistentTimeoutBecomesOneLine() {
        fake.fault("GET /fine-tunes", Fault.HANG, Fault.HANG, Fault.HANG);
        // every attempt hangs, so a short timeout cannot race a real answer
        assertThatThrownBy(client(FakeTogether.KEY, Duration.ofMillis(300))::listJobs)
                .hasMessage("Together: GET /fine-tunes timed out after 300ms (after 3 attempts)");
    }

    @Test
    void malformedJsonIsAClearError() {
        fake.fault("GET /files", Fault.MALFORMED);
        assertThatThrownBy(client::listFiles)
                .isInstanceOf(PlatformException.class)
                .hasMessageStartingWith("Together: GET /files -> 200 with malformed JSON");
    }

    @Test
    void rateLimitHonoursRetryAfterEvenForCreate() {
        RemoteFile f = client.upload(train);
        sleeps.clear();
        fake.fault("POST /fine-tunes", Fault.STATUS_429);
        client.createJob(spec(), f.id(), null, "abcd1234");
        assertThat(fake.jobs).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ZERO);
    }

    @Test
    void pollsUntilTerminalReportingProgress() {
        RemoteFile f = client.upload(train);
        FineTuneJob job = client.createJob(spec(), f.id(), null, "abcd1234");
        List<String> seen = new ArrayList<>();
        FineTuneJob done = client.waitForTerminal(
                job.id(),
                j -> seen.add(j.status().wire() + " " + j.progress()),
                Duration.ofMillis(5),
                Duration.ofMillis(50),
                Duration.ofMinutes(1));
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.modelOutputName()).contains("spotter-v1-abcd1234");
        assertThat(seen)
                .containsExactly(
                        "queued 0/100 steps (0%)",
                        "running 25/100 steps (25%)", "running 50/100 steps (50%)", "completed 100/100 steps (100%)");
    }

    @Test
    void followingSurvivesAnOutageLongerThanOnePollsRetries() {
        RemoteFile f = client.upload(train);
        FineTuneJob job = client.createJob(spec(), f.id(), null, "abcd1234");
        fake.fault("GET /fine-tunes/{id}", Fault.STATUS_500, Fault.STATUS_500, Fault.STATUS_500, Fault.STATUS_500);
        FineTuneJob done = client.waitForTerminal(
                job.id(), j -> {}, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMinutes(1));
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(fake.count("GET /fine-tunes/{id}")).isEqualTo(4 + 4);

        fake.fault("GET /fine-tunes/{id}", Fault.STATUS_401);
        assertThatThrownBy(() -> client.waitForTerminal(
                        job.id(), j -> {}, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMinutes(1)))
                .hasMessageContaining("401");
    }

    @Test
    void eventsAndCancel() {
        RemoteFile f = client.upload(train);
        FineTuneJob job = client.createJob(spec(), f.id(), null, "abcd1234");
        assertThat(client.events(job.id()))
                .extracting(FineTuneEvent::message)
                .containsExactly("Training started", "Epoch 1/3 completed");
        assertThat(client.cancel(job.id()).status()).isEqualTo(JobStatus.CANCEL_REQUESTED);
        assertThatThrownBy(() -> client.getJob("ft-missing")).hasMessageContaining("404");
    }

    @Test
    void estimatePrice() {
        RemoteFile f = client.upload(train);
        PriceEstimate p = client.estimatePrice(spec(), f.id(), null).orElseThrow();
        assertThat(p.totalUsd()).isEqualTo(12.5);
        assertThat(p.trainTokens()).isEqualTo(123456);
        // only the fields of the estimate-price schema are sent (issue 13 item 9)
        assertThat(fake.lastEstimateBody.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder(
                        "model", "n_epochs", "n_evals", "training_type", "training_method", "training_file");
        fake.estimationAvailable = false;
        assertThat(client.estimatePrice(spec(), f.id(), null))
                .as("estimation_available: false is no price")
                .isEmpty();
    }

    @Test
    void builderAndSpecFailFast() {
        assertThatThrownBy(() -> TogetherClient.builder().baseUrl("http://x").build())
                .hasMessage("API key is required");
        assertThatThrownBy(() ->
                        TogetherClient.builder().apiKey("k").baseUrl("ftp://x").build())
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> JobSpec.builder()
                        .suffix("this-suffix-is-much-too-long-for-together")
                        .build())
                .hasMessageContaining("suffix must be 1..31");
        assertThatThrownBy(() -> JobSpec.builder().epochs(0).build()).hasMessageContaining("epochs must be 1..20");
        assertThatThrownBy(() -> JobSpec.builder().trainOnInputs("maybe").build())
                .hasMessageContaining("train_on_inputs");
    }

    /** Issue 16 item 6: a refused connection names the host and port and says "connection refused". */
    @Test
    void aRefusedConnectionNamesHostPortAndTheReason() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed below: nothing listens there
        }
        TogetherClient c = TogetherClient.builder()
                .apiKey("k")
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .maxAttempts(1)
                .sleeper(d -> {})
                .build();
        assertThatThrownBy(c::listFiles)
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("GET /files")
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("connection refused")
                .hasMessageNotContaining("ConnectException");
    }
}
