package dev.spotter.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.checks.SampleAnswers;
import dev.spotter.llm.FakeLlmServer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answerer for {@link FakeLlmServer} that plays a generator model: it reads the engine's output contract
 * ("Output kind", "User turns") and the scenario wording, and returns a valid generator reply for that category,
 * so end-to-end runs fill their quotas. Answers vary by a counter so examples are not identical.
 */
public final class FakeAnswers implements Function<FakeLlmServer.Call, String> {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Pattern KIND = Pattern.compile("Output kind: (\\w+)");
    private static final Pattern TURNS = Pattern.compile("User turns: (\\d+)");
    private final AtomicLong n = new AtomicLong();

    @Override
    public String apply(FakeLlmServer.Call call) {
        String prompt = call.userText();
        Matcher k = KIND.matcher(prompt);
        Matcher t = TURNS.matcher(prompt);
        String kind = k.find() ? k.group(1) : "coach_answer";
        int turns = t.find() ? Integer.parseInt(t.group(1)) : 1;
        long i = n.incrementAndGet();
        ObjectNode root = M.createObjectNode();
        ArrayNode msgs = root.putArray("messages");
        for (int turn = 1; turn <= turns; turn++) {
            msgs.addObject()
                    .put("role", "user")
                    .put(
                            "content",
                            "Question " + i + "." + turn
                                    + ": my knee hurts after squats at 100 kg for 5x5, what should I do?");
            ObjectNode a = msgs.addObject().put("role", "assistant");
            switch (kind) {
                case "injury_analysis" ->
                    a.set(
                            "content",
                            SampleAnswers.injury(
                                    prompt.contains("Scenario: a RED FLAG")
                                            ? "red_flag"
                                            : prompt.contains("Scenario: a FALSE POSITIVE")
                                                    ? "doms"
                                                    : prompt.contains("Scenario: an AMBIGUOUS")
                                                            ? "unclear"
                                                            : "injury"));
                case "pace_calculation" ->
                    a.set("content", SampleAnswers.paceFinishTime(5 + (i % 20), "km", 270 + (i % 90), "km"));
                default ->
                    a.put(
                            "content",
                            "Answer " + i + ": for a lifter at your level, do 3 sets of 8-10 at RPE 7, "
                                    + "add 2.5 kg when you hit the top of the range on all sets, and keep one to two reps in reserve. "
                                    + "Sleep 7-9 hours and eat 1.6-2.2 g of protein per kg per day to recover between sessions.");
            }
        }
        return root.toString();
    }
}
