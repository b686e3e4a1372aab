package dev.spotter.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuneJobsTest {
    @TempDir
    Path dir;

    FakeTogether fake;
    TogetherClient client;
    Path train;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeTogether();
        client = TogetherClient.builder()
                .apiKey(FakeTogether.KEY)
                .baseUrl(fake.baseUrl())
                .requestTimeout(Duration.ofSeconds(5))
                .maxAttempts(3)
                .backoff(Duration.ofMillis(1))
                .sleeper(d -> {})
                .build();
        train = dir.resolve("train.jsonl");
        Files.writeString(
                train,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"bench 225 for 8\"},"
                        + "{\"role\":\"assistant\",\"content\":\"{\\\"reps\\\":8}\"}]}\n");
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    JobSpec spec() {
        return JobSpec.builder().suffix("coach").epochs(3).build();
    }

    @Test
    void declinedConfirmationCreatesNothing() {
        FineTuneJobs.Outcome o =
                new FineTuneJobs(client, TrainState.open(dir)).submit(train, null, spec(), e -> false, log::add);
        assertThat(o).isInstanceOf(FineTuneJobs.Outcome.Declined.class);
        assertThat(((FineTuneJobs.Outcome.Declined) o).estimate().totalUsd()).isEqualTo(12.5);
        assertThat(fake.jobs).isEmpty();
    }

    @Test
    void withoutPlatformEstimateTheDatedPriceTableIsUsed() {
        fake.estimate = null; // estimate-price answers 404
        List<PriceEstimate> seen = new ArrayList<>();
        new FineTuneJobs(client, TrainState.open(dir)).submit(train, null, spec(), e -> seen.add(e), log::add);
        PriceEstimate e = seen.get(0);
        assertThat(e.source()).startsWith("price table dated 2025-11-07");
        assertThat(e.trainTokens()).isGreaterThan(30).isEqualTo(3 * (e.trainTokens() / 3));
        // exact money arithmetic: the nearest double to the exact cost, not a double product that may be 1 ulp off
        assertThat(e.totalUsd())
                .isCloseTo(0.0008 * e.trainTokens() / 1000.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(log).anyMatch(l -> l.contains("platform price estimate unavailable") && l.contains("404"));
        assertThat(fake.jobs).hasSize(1);
    }

    @Test
    void noEstimateFromThePlatformIsNeverShownAsItsPrice() {
        fake.estimationAvailable = false; // the platform answers with a zero price and estimation_available: false
        List<PriceEstimate> seen = new ArrayList<>();
        new FineTuneJobs(client, TrainState.open(dir)).submit(train, null, spec(), e -> seen.add(e), log::add);
        PriceEstimate e = seen.get(0);
        assertThat(e.source()).startsWith("price table dated");
        assertThat(e.totalUsd()).isPositive();
        assertThat(log).anyMatch(l -> l.contains("the platform gave no price estimate"));
    }

    @Test
    void repeatingASubmitIsRefusedUnlessAskedFor() {
        FineTuneJobs jobs = new FineTuneJobs(client, TrainState.open(dir));
        jobs.submit(train, null, spec(), e -> true, log::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.submit(train, null, spec(), e -> true, log::add))
                .hasMessageContaining("already trains these files")
                .hasMessageContaining("--again");
        assertThat(fake.jobs).hasSize(1);
        jobs.submit(train, null, spec(), e -> true, log::add, true);
        assertThat(fake.jobs).hasSize(2);
    }

    @Test
    void anInterruptedSubmitIsRecoveredNotRepeated() throws Exception {
        TrainState state = TrainState.open(dir);
        RemoteFile f = client.upload(train);
        // The previous process recorded the token, POSTed, and died before recording the job id.
        state.begin("tok12345", "coach", JobSpec.LLAMA33_70B, f.id(), null);
        FineTuneJob created = client.createJob(spec(), f.id(), null, "tok12345");
        assertThat(TrainState.open(dir).submissions().get(0).jobId()).isNull();

        FineTuneJobs.Outcome o =
                new FineTuneJobs(client, TrainState.open(dir)).submit(train, null, spec(), e -> true, log::add);
        assertThat(o).isInstanceOf(FineTuneJobs.Outcome.Submitted.class);
        FineTuneJobs.Outcome.Submitted s = (FineTuneJobs.Outcome.Submitted) o;
        assertThat(s.recovered()).isTrue();
        assertThat(s.job().id()).isEqualTo(created.id());
        assertThat(fake.jobs).hasSize(1);
        assertThat(TrainState.open(dir).submissions())
                .singleElement()
                .satisfies(sub -> assertThat(sub.jobId()).isEqualTo(created.id()));
        assertThat(Files.readString(dir.resolve(TrainState.FILE_NAME))).doesNotContain(FakeTogether.KEY);
    }
}
