package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.train.FakeTogether;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI in-process with a fixed environment: the API key comes from it and nowhere else. */
class TrainCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    /** {@code spotter ARGS} with {@code env} as the whole environment; relative paths are under the test's dir. */
    Run spotter(Map<String, String> env, String... args) {
        String[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("train.jsonl") || a[i].equals("st")) {
                a[i] = dir.resolve(a[i]).toString();
            }
        }
        CliRun.Result r = CliRun.run(Environment.of(env), a);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void submitWaitRecordsJobAndModelWithoutTheKey() throws Exception {
        Path train = dir.resolve("train.jsonl");
        Files.writeString(
                train,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n",
                StandardCharsets.UTF_8);
        try (FakeTogether fake = new FakeTogether()) {
            Map<String, String> env = Map.of("TOGETHER_API_KEY", FakeTogether.KEY);
            Run r = spotter(
                    env,
                    "train",
                    "submit",
                    "--train",
                    "train.jsonl",
                    "--suffix",
                    "coach",
                    "--yes",
                    "--wait",
                    "--poll",
                    "PT0.01S",
                    "--state",
                    "st",
                    "--base-url",
                    fake.baseUrl());
            assertThat(r.code()).as(r.err()).isEqualTo(0);
            assertThat(r.out())
                    .contains("estimated price: $12.50")
                    .contains("submitted ft-")
                    .contains("running 50/100 steps")
                    .contains("completed");
            String state = Files.readString(dir.resolve("st/train-state.json"));
            assertThat(state)
                    .contains("\"status\" : \"completed\"")
                    .contains("Llama-3.3-70B-Instruct-Reference-coach-")
                    .doesNotContain(FakeTogether.KEY);
            assertThat(r.out() + r.err()).doesNotContain(FakeTogether.KEY);

            Run again = spotter(
                    env,
                    "train",
                    "submit",
                    "--train",
                    "train.jsonl",
                    "--suffix",
                    "coach",
                    "--state",
                    "st",
                    "--base-url",
                    fake.baseUrl());
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.err()).contains("already trains these files").contains("pass --again");
            Run unconfirmed = spotter(
                    env,
                    "train",
                    "submit",
                    "--train",
                    "train.jsonl",
                    "--suffix",
                    "coach",
                    "--again",
                    "--state",
                    "st",
                    "--base-url",
                    fake.baseUrl());
            assertThat(unconfirmed.code()).isEqualTo(2);
            assertThat(unconfirmed.err()).contains("pass --yes");
            assertThat(fake.jobs).hasSize(1);
            assertThat(fake.count("POST /files/upload")).isEqualTo(1);

            Run status = spotter(env, "train", "status", "--state", "st", "--base-url", fake.baseUrl());
            assertThat(status.out()).contains("completed").contains("100/100 steps");
        }
    }

    @Test
    void missingKeyIsAUsageError() {
        Run r = spotter(Map.of(), "train", "list", "--base-url", "http://127.0.0.1:9/v1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip())
                .isEqualTo("spotter: TOGETHER_API_KEY is not set (the API key is read from the environment only)");
    }
}
