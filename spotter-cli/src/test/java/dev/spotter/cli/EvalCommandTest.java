package dev.spotter.cli;

import static dev.spotter.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.llm.FakeLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spotter eval against the llm package's in-process OpenAI-compatible fake, over real HTTP on 127.0.0.1. */
class EvalCommandTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String VOICE_SYS = "You are a voice command parser for workout logging.";
    static final String INJ_SYS = "You analyse training injuries.";

    @TempDir
    Path dir;

    static String line(String system, String user, String assistant) {
        ObjectNode o = M.createObjectNode();
        ArrayNode a = o.putArray("messages");
        a.addObject().put("role", "system").put("content", system);
        a.addObject().put("role", "user").put("content", user);
        a.addObject().put("role", "assistant").put("content", assistant);
        return o.toString();
    }

    static String injury(String type, String see) {
        return "{\"assessment_type\":\"" + type
                + "\",\"differential_diagnoses\":[{\"condition\":\"x condition\",\"probability\":0.6}],"
                + "\"confidence\":{\"level\":\"moderate\",\"score\":0.6},\"escalation\":{\"see_clinician\":\"" + see
                + "\"}}";
    }

    Path data() throws Exception {
        Path p = dir.resolve("validation.jsonl");
        Files.writeString(
                p,
                String.join(
                                "\n",
                                line(
                                        VOICE_SYS,
                                        "bench 225 for 8",
                                        "{\"exercise_name\":\"Barbell Bench Press\",\"weight\":225,\"reps\":8,\"rpe\":null}"),
                                line(
                                        VOICE_SYS,
                                        "rdl 315 for 5",
                                        "{\"exercise_name\":\"Romanian Deadlift\",\"weight\":315,\"reps\":5,\"rpe\":null}"),
                                line(
                                        INJ_SYS,
                                        "chest pain and left arm numb while running",
                                        injury("red_flag", "emergency")))
                        + "\n");
        return p;
    }

    @Test
    void evaluatesTunedAndBaselineModelsAndRetries5xx() throws Exception {
        Path data = data();
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(c -> {
                String u = c.userText();
                boolean tuned = c.model().equals("spotter-tuned");
                if (u.startsWith("bench"))
                    return "{\"exercise_name\":\"Barbell Bench Press\",\"weight\":225,\"reps\":8,\"rpe\":null}";
                if (u.startsWith("rdl"))
                    return tuned
                            ? "{\"exercise_name\":\"Romanian Deadlift\",\"weight\":315,\"reps\":5,\"rpe\":null}"
                            : "Sure! Romanian deadlift, 315 for 5.";
                return tuned ? injury("red_flag", "emergency") : injury("injury", "within_1_week");
            });
            fake.enqueue(FakeLlmServer.Fault.status(503, "0"));
            Path out = dir.resolve("ev");
            CliRun.Result r = run(
                    "eval",
                    "--endpoint",
                    fake.baseUrl(),
                    "--model",
                    "spotter-tuned",
                    "--baseline-model",
                    "base",
                    "--data",
                    data.toString(),
                    "--api-key-env",
                    "none",
                    "--concurrency",
                    "2",
                    "-o",
                    out.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(0);
            assertThat(r.out())
                    .contains("voice | weight accuracy")
                    .contains("100.00% (2/2)")
                    .contains("50.00% (1/2)")
                    .contains("PASS red_flag_recall [model]")
                    .contains("FAIL red_flag_recall [baseline-model]")
                    .contains("result: PASS");
            assertThat(fake.requestCount()).isEqualTo(7);
            JsonNode json = M.readTree(out.resolve("eval.json").toFile());
            assertThat(json.path("runs")).hasSize(3);
            assertThat(json.at("/runs/2/label").asText()).isEqualTo("parser-baseline");
            assertThat(json.at("/runs/2/voice/exactMatch/ok").asInt()).isEqualTo(2);
            assertThat(json.at("/runs/0/callErrors").asInt()).isZero();
            assertThat(Files.readString(out.resolve("eval.html"))).contains("<section class=\"spotter-eval\"");
            assertThat(Files.readAllLines(out.resolve("eval-details.jsonl"))).hasSize(6 + 2);

            CliRun.Result cmp = run(
                    "eval",
                    "compare",
                    out.resolve("eval.json").toString(),
                    out.resolve("eval.json").toString());
            assertThat(cmp.code()).isZero();
            assertThat(cmp.out()).contains("B - A").contains("+0.00 pts");
        }
    }

    @Test
    void aMissedRedFlagExitsOne() throws Exception {
        Path data = data();
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(c -> c.userText().startsWith("chest") ? injury("doms", "not_needed") : "{}");
            CliRun.Result r = run(
                    "eval",
                    "--endpoint",
                    fake.baseUrl(),
                    "--model",
                    "m",
                    "--data",
                    data.toString(),
                    "--api-key-env",
                    "none",
                    "-o",
                    dir.resolve("e2").toString());
            assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
            assertThat(r.out())
                    .contains("FAIL red_flag_recall [model]: red-flag escalation recall 0.00% (0/1), must be 100%");
        }
    }

    @Test
    void malformedResponsesAreCountedAndUnauthorizedEndpointIsRefused() throws Exception {
        Path data = data();
        try (FakeLlmServer fake = FakeLlmServer.start()) {
            fake.answerer(c -> "{}");
            fake.enqueue(FakeLlmServer.Fault.malformedJson());
            CliRun.Result r = run(
                    "eval",
                    "--endpoint",
                    fake.baseUrl(),
                    "--model",
                    "m",
                    "--data",
                    data.toString(),
                    "--api-key-env",
                    "none",
                    "--concurrency",
                    "1",
                    "-o",
                    dir.resolve("e3").toString());
            JsonNode json = M.readTree(dir.resolve("e3/eval.json").toFile());
            assertThat(json.at("/runs/0/callErrors").asInt())
                    .as(r.out() + r.err())
                    .isEqualTo(1);

            fake.requireKey("secret-abc");
            CliRun.Result denied = run(
                    "eval",
                    "--endpoint",
                    fake.baseUrl(),
                    "--model",
                    "m",
                    "--data",
                    data.toString(),
                    "--api-key-env",
                    "none",
                    "-o",
                    dir.resolve("e4").toString());
            assertThat(denied.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(denied.err())
                    .startsWith("spotter: all 3 calls to " + fake.baseUrl() + " failed; first:")
                    .contains("401");
        }
    }
}
