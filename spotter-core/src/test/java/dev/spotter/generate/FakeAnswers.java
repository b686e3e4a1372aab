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
 * ("Output kind", "User turns") and the scenario wording (the red flag, examine-first trigger, look-alike,
 * context or calculation the prompt asks for), and returns a generator reply that passes the checks for that
 * slot, so end-to-end runs fill their quotas. Answers vary by a counter so examples are not identical.
 */
public final class FakeAnswers implements Function<FakeLlmServer.Call, String> {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Pattern KIND = Pattern.compile("Output kind: (\\w+)");
    private static final Pattern TURNS = Pattern.compile("User turns: (\\d+)");
    private static final Pattern RED_FLAG = Pattern.compile("escalation\\.red_flag_id \"([a-z0-9_]+)\"");
    private static final Pattern EXAMINE = Pattern.compile("\"get it examined first\" trigger \\(id ([a-z0-9_]+)\\)");
    private static final Pattern LOOKALIKE_EF =
            Pattern.compile("look-alike id [a-z0-9_]+\\).*?trigger \\(id ([a-z0-9_]+)\\)", Pattern.DOTALL);
    private static final Pattern CONTEXT = Pattern.compile(
            "(?:Context that must change the advice|Medication or condition the user reveals \\(for that twist only\\)): ([^\\n]+)\\.\\n");
    private static final Pattern CALC = Pattern.compile("- Calculation type: ([a-z_]+)\\.");
    private static final Pattern UNITS = Pattern.compile("uses (miles|kilometres)");
    /** A plan's warning-symptom slot (coach-qa, running): the faithful answer stops coaching and escalates. */
    private static final Pattern WARNING = Pattern.compile("Warning symptom the user mentions: (?!none\\.)");

    private final AtomicLong n = new AtomicLong();

    @Override
    public String apply(FakeLlmServer.Call call) {
        return answerFor(call.userText());
    }

    /** The generator reply for a rendered slot prompt. */
    public String answerFor(String prompt) {
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
                case "injury_analysis" -> a.set("content", injury(prompt, turn == turns));
                case "pace_calculation" -> {
                    Matcher c = CALC.matcher(prompt);
                    Matcher u = UNITS.matcher(prompt);
                    a.set(
                            "content",
                            c.find()
                                    ? SampleAnswers.pace(c.group(1), u.find() ? u.group(1) : "kilometres")
                                    : SampleAnswers.paceFinishTime(5 + (i % 20), "km", 270 + (i % 90), "km"));
                }
                default ->
                    a.put(
                            "content",
                            WARNING.matcher(prompt).find()
                                    ? "Answer " + i
                                            + ": stop training now. That symptom needs the emergency number or the"
                                            + " emergency department now, not a coaching plan, and no exercise of any kind"
                                            + " until a doctor has cleared you. Please do not drive yourself there."
                                    : "Answer " + i + ": for a lifter at your level, do 3 sets of 8-10 at RPE 7, "
                                            + "add 2.5 kg when you hit the top of the range on all sets, and keep one to two reps in reserve. "
                                            + "Sleep 8-9 hours and eat 1.6-2.2 g of protein per kg per day to recover between sessions.");
            }
        }
        return root.toString();
    }

    /** A valid analysis for the scenario the prompt describes (earlier turns of a conversation: unclear). */
    static ObjectNode injury(String prompt, boolean last) {
        if (!last) {
            return SampleAnswers.unclear();
        }
        Matcher rf = RED_FLAG.matcher(prompt);
        if (rf.find()) {
            return SampleAnswers.redFlag(rf.group(1));
        }
        Matcher ef = EXAMINE.matcher(prompt);
        if (ef.find()) {
            return SampleAnswers.examineFirst(ef.group(1));
        }
        Matcher lef = LOOKALIKE_EF.matcher(prompt);
        if (lef.find()) {
            return SampleAnswers.examineFirst(lef.group(1));
        }
        if (prompt.contains("Scenario: a FALSE POSITIVE")) {
            return SampleAnswers.doms();
        }
        if (prompt.contains("Scenario: an AMBIGUOUS")) {
            return SampleAnswers.unclear();
        }
        ObjectNode a = SampleAnswers.injury("injury");
        Matcher c = CONTEXT.matcher(prompt);
        if (c.find() && !c.group(1).equals("none")) {
            ((ObjectNode) a.path("reasoning_chain").get(0))
                    .put("inference", "The context (" + c.group(1) + ") changes the plan");
        }
        return a;
    }
}
