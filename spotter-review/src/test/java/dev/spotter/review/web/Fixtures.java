package dev.spotter.review.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.checks.SampleAnswers;
import dev.spotter.generate.Plans;
import dev.spotter.kb.KbChunks;
import dev.spotter.review.ReviewPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic generated records, hostile ones included: answers that embed HTML and script, markdown, a very long
 * unbroken line, right-to-left text, and JSON with wrong types, each with a generation provenance line.
 */
final class Fixtures {
    static final ObjectMapper M = new ObjectMapper();
    static final String XSS_USER = "<script>window.__xss='user'</script>My knee hurts going down stairs";
    static final String XSS_SUMMARY =
            "<img src=x onerror=\"window.__xss='img'\">Knee pain on stairs <b>most</b> consistent with patellofemoral pain.";
    static final String XSS_CONDITION = "<svg onload=\"window.__xss='svg'\">Patellofemoral pain syndrome";
    static final String RTL = "عندي ألم في الكتف عند الضغط — כאב בכתף";
    static final String KEY_MARKER = "sk-review-marker-0123456789abcdef";

    private Fixtures() {}

    /** The injury plan's system prompt (what generation writes). */
    static String injurySystem() {
        return Plans.load("injury").systemPrompt();
    }

    static String example(String system, List<String[]> turns) {
        ObjectNode root = M.createObjectNode();
        ArrayNode msgs = root.putArray("messages");
        msgs.addObject().put("role", "system").put("content", system);
        for (String[] t : turns) {
            msgs.addObject().put("role", t[0]).put("content", t[1]);
        }
        return root.toString();
    }

    static ObjectNode prov(int line, String plan, String category, String customId) {
        ObjectNode p = M.createObjectNode();
        p.put("line", line);
        p.put("plan", plan);
        p.put("category", category);
        p.put("slot", line - 1);
        p.put("custom_id", customId);
        p.putObject("attributes").put("experience", "intermediate");
        p.put("prompt_sha256", "6c5263433f6c" + "0".repeat(52));
        p.put("provider", "openai");
        p.put("model", "gpt-4o-mini");
        p.put("mode", "live");
        p.put("cost_usd", 0.0012);
        return p;
    }

    /**
     * Six injury records, one batch (all reviewed): 1 valid; 2 XSS in the user turn and the answer; 3 differential
     * probabilities summing to 1.3 (fails probability_sum: the one to edit); 4 wrong JSON types; 5 markdown, RTL and
     * a 3,000-character unbroken line; 6 valid.
     */
    static ReviewSource injury(Path dir) throws IOException {
        String sys = injurySystem();
        List<String> data = new ArrayList<>();
        List<String> prov = new ArrayList<>();
        ObjectNode ok = SampleAnswers.injury("injury");
        data.add(example(
                sys,
                List.of(
                        new String[] {"user", "Sharp pain in the front of my shoulder when I bench, worse overhead."},
                        new String[] {"assistant", ok.toString()})));
        ObjectNode xss = SampleAnswers.injury("injury");
        xss.put("summary", XSS_SUMMARY);
        ((ObjectNode) xss.withArray("differential_diagnoses").get(0)).put("condition", XSS_CONDITION);
        data.add(example(sys, List.of(new String[] {"user", XSS_USER}, new String[] {"assistant", xss.toString()})));
        ObjectNode sum = SampleAnswers.injury("injury");
        ((ObjectNode) sum.withArray("differential_diagnoses").get(0)).put("probability", 0.9);
        data.add(example(
                sys,
                List.of(
                        new String[] {"user", "My elbow aches after every pull day for two months."},
                        new String[] {"assistant", sum.toString()})));
        ObjectNode types = SampleAnswers.injury("injury");
        ((ObjectNode) types.withArray("differential_diagnoses").get(0)).put("probability", "70%");
        ((ObjectNode) types.withArray("exercise_modifications").get(0)).put("sets", "three");
        types.put("reasoning_chain", "first I looked at the pain");
        data.add(example(
                sys,
                List.of(
                        new String[] {"user", "Lower back pain and numbness in my groin since yesterday's deadlifts."},
                        new String[] {"assistant", types.toString()})));
        ObjectNode md = SampleAnswers.injury("injury");
        md.put("summary", "**Likely** a rotator cuff _tendinopathy_:\n\n- rest\n- `ice`\n\n" + "x".repeat(3000));
        data.add(example(sys, List.of(new String[] {"user", RTL}, new String[] {"assistant", md.toString()})));
        data.add(example(
                sys,
                List.of(
                        new String[] {"user", "Front of shoulder pinches on overhead press since last week."},
                        new String[] {
                            "assistant", SampleAnswers.injury("injury").toString()
                        })));
        String[] cats = {"acute", "acute", "chronic-overuse", "acute", "impingement", "acute"};
        for (int i = 0; i < data.size(); i++) {
            ObjectNode p = prov(i + 1, "injury", cats[i], cats[i] + "_" + i + "_a1");
            if (i == 0) {
                p.put("api_key", KEY_MARKER); // never sent to the page
            }
            prov.add(p.toString());
        }
        Path f = dir.resolve("injury.jsonl");
        Files.write(f, data);
        Files.write(ReviewSource.sidecarOf(f), prov);
        return ReviewSource.generated(
                "injury", f, ReviewPolicy.builder().batchSize(50).build());
    }

    /** Two pace answers: one right (10 km at 5:00/km = 50:00), one with wrong arithmetic. */
    static ReviewSource running(Path dir) throws IOException {
        String sys = Plans.load("running").systemPrompt();
        ObjectNode good = SampleAnswers.paceFinishTime(10, "km", 300, "km");
        ObjectNode bad = good.deepCopy();
        ((ObjectNode) bad.path("calculation").path("result")).put("time_seconds", 2700);
        bad.put("answer", "At 5:00 per km, 10 km takes 45:00. Keep the first mile controlled.");
        List<String> data = List.of(
                example(sys, List.of(new String[] {"user", "How long is a 10k at 5:00 per km?"}, new String[] {
                    "assistant", good.toString()
                })),
                example(sys, List.of(new String[] {"user", "Finish time for 10 km at 5 min/km?"}, new String[] {
                    "assistant", bad.toString()
                })));
        Path f = dir.resolve("running.jsonl");
        Files.write(f, data);
        Files.write(
                ReviewSource.sidecarOf(f),
                List.of(
                        prov(1, "running", "pace-calculations", "pace-calculations_0_a1")
                                .toString(),
                        prov(2, "running", "pace-calculations", "pace-calculations_1_a1")
                                .toString()));
        return ReviewSource.generated("running", f, ReviewPolicy.defaults());
    }

    /** The sample's hand-written knowledge-base answers with their chunks (the bundled 23-chunk sample). */
    static ReviewSource kb(Path dir) throws IOException {
        Path f = dir.resolve("kb_qa.jsonl");
        Files.copy(Path.of("examples/assemble/kb/kb_qa.jsonl"), f);
        Files.copy(Path.of("examples/assemble/kb/kb_qa.provenance.jsonl"), ReviewSource.sidecarOf(f));
        return new ReviewSource(
                "kb",
                f,
                ReviewSource.sidecarOf(f),
                "",
                "kb",
                KbChunks.sample(),
                ReviewPolicy.builder()
                        .mode(ReviewPolicy.Mode.SAMPLE)
                        .sample(25, 5)
                        .maxRejectRate(0.2)
                        .build());
    }
}
