package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class VoiceAuditTest {
    /** The validate command's definition of a valid example decides which lines are audited. */
    static final dev.spotter.format.ChatValidator VALIDATOR = dev.spotter.format.ChatValidator.builder()
            .tokenCounter(dev.spotter.format.TokenCounter.llama3())
            .build();

    static final String SYS =
            "{\"role\":\"system\",\"content\":\"You are a voice command parser for workout logging.\"}";

    static String ex(String user, String label) {
        return "{\"messages\":[" + SYS + ",{\"role\":\"user\",\"content\":\"" + user + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"" + label.replace("\"", "\\\"") + "\"}]}";
    }

    static final String FILE = String.join(
            "\n",
            // 1: agrees (legacy label: no type, unit or sets)
            ex(
                    "bench press 225 for 8 at RPE 8",
                    "{\"exercise_id\": \"barbell-bench-press\", \"exercise_name\": "
                            + "\"Barbell Bench Press\", \"weight\": 225, \"reps\": 8, \"rpe\": 8, \"confidence\": 0.95}"),
            // 2: label weight wrong (says 235)
            ex(
                    "RDL 315 for 5",
                    "{\"exercise_id\": \"rdl\", \"exercise_name\": \"Romanian Deadlift\", \"weight\": 235, "
                            + "\"reps\": 5, \"rpe\": null, \"confidence\": 0.9}"),
            // 3: malformed
            "{not json",
            // 4: multi-turn with a context reference; second label's reps wrong
            "{\"messages\":[" + SYS + ",{\"role\":\"user\",\"content\":\"squat 315 for 5\"},{\"role\":\"assistant\","
                    + "\"content\":\"{\\\"exercise_name\\\": \\\"Barbell Back Squat\\\", \\\"weight\\\": 315, "
                    + "\\\"reps\\\": 5}\"},{\"role\":\"user\",\"content\":\"same weight for 4\"},{\"role\":\"assistant\","
                    + "\"content\":\"{\\\"exercise_name\\\": \\\"Barbell Back Squat\\\", \\\"weight\\\": 315, "
                    + "\\\"reps\\\": 3}\"}]}",
            // 5: no JSON label
            "{\"messages\":[" + SYS
                    + ",{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}",
            "");

    @Test
    void countsEveryLineAndComparesOnlyLabelledFields() throws IOException {
        VoiceAudit.Report r = new VoiceAudit(VoiceParser.defaults(), 10)
                .audit(
                        VALIDATOR,
                        new java.io.ByteArrayInputStream(FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "voice.jsonl");
        assertThat(r.linesRead).isEqualTo(5);
        assertThat(r.invalidLines() + r.linesAudited + r.skippedTotal()).isEqualTo(r.linesRead);
        assertThat(r.invalidLines())
                .as("the malformed line 3 is left out, as validate rejects it")
                .isEqualTo(1);
        assertThat(r.skippedTotal()).as("line 5 is valid but has no JSON label").isEqualTo(1);
        assertThat(r.linesAudited).isEqualTo(3);
        assertThat(r.turnsCompared).isEqualTo(4);
        assertThat(r.fields.get("weight")).containsExactly(3, 4);
        assertThat(r.fields.get("reps")).containsExactly(3, 4);
        assertThat(r.fields.get("unit")[1]).isZero(); // never labelled: not a disagreement
        assertThat(r.fields.get("sets")[1]).isZero();
        assertThat(r.fields.get("rpe")).containsExactly(2, 2);
        assertThat(r.fields.get("exercise")).containsExactly(4, 4);
        assertThat(r.summaryLine())
                .startsWith("100.00% exercise / 75.00% weight / n/a unit / 75.00% reps / n/a sets" + " / 100.00% RPE");
        assertThat(r.disagreements)
                .extracting(d -> d.where() + " " + d.field() + " " + d.label() + " " + d.parser())
                .containsExactly("voice.jsonl:2 weight 235 315", "voice.jsonl:4 reps 3 4");
        assertThat(r.disagreementCount).isEqualTo(2);
    }

    @Test
    void listIsCappedButCountIsNot() throws IOException {
        VoiceAudit.Report r = new VoiceAudit(VoiceParser.defaults(), 1)
                .audit(
                        VALIDATOR,
                        new java.io.ByteArrayInputStream(FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "f");
        assertThat(r.disagreements).hasSize(1);
        assertThat(r.disagreementCount).isEqualTo(2);
    }

    @Test
    void newContractFieldsAreComparedWhereLabelledAndNotLabelledInLegacyLabels() throws IOException {
        String file = String.join(
                "\n",
                // per_side labelled and right
                ex(
                        "db rows 90 for 10 each arm",
                        "{\"type\": \"strength\", \"exercise_id\": \"dumbbell-row\", \"weight\": 90, \"reps\": 10,"
                                + " \"per_side\": true, \"to_failure\": false}"),
                // to_failure labelled and wrong
                ex(
                        "squat 315 for 8",
                        "{\"type\": \"strength\", \"exercise_id\": \"barbell-back-squat\", \"weight\": 315,"
                                + " \"reps\": 8, \"per_side\": false, \"to_failure\": true}"),
                // legacy: neither field
                ex(
                        "bench press 225 for 8 at RPE 8",
                        "{\"exercise_id\": \"barbell-bench-press\", \"weight\": 225, \"reps\": 8, \"rpe\": 8}"),
                "");
        VoiceAudit.Report r = new VoiceAudit(VoiceParser.defaults(), 10)
                .audit(
                        VALIDATOR,
                        new java.io.ByteArrayInputStream(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "f");
        assertThat(r.fields.get("per_side")).containsExactly(2, 2);
        assertThat(r.fields.get("to_failure")).containsExactly(1, 2);
        assertThat(r.disagreements)
                .extracting(d -> d.where() + " " + d.field() + " " + d.label() + " " + d.parser())
                .containsExactly("f:2 to_failure true false");
        assertThat(r.summaryLine()).endsWith("100.00% per_side / 50.00% to_failure");
        assertThat(VoiceAudit.agree(
                        VoiceLabel.parse(
                                "{\"exercise_id\": \"dumbbell-row\", \"weight\": 90, \"reps\": 10}",
                                VoiceParser.defaults().catalog()),
                        VoiceParser.defaults().parse("db rows 90 for 10 each arm")))
                .as("a label without per_side does not disagree with a per-side parse")
                .isTrue();
    }
}
