package dev.spotter.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A generated JSONL file whose answer is known by construction (not by running either implementation):
 * 41 distinct examples, example {@code i < 40} written {@code 1 + i % 4} times as case and whitespace variants
 * (the exact-duplicate key normalises both), plus rejects and line-ending traps.
 */
final class ChatLines {
    /** Accepted lines: 10 × (1 + 2 + 3 + 4) variants of examples 0..39, plus the lone-CR example. */
    static final long ACCEPTED = 100;

    static final long DISTINCT = 40;
    static final long READ = ACCEPTED + 7; // + bom 1, blank_line 3, invalid_json 2, raw_carriage_return 1

    private ChatLines() {}

    static byte[] file() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // a byte order mark before a valid, otherwise unique record: the embedded build rejects it (bom)
            out.write(JsonlInput.BOM);
            out.write(example("a record behind a byte order mark", false).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            for (int i = 0; i < 40; i++) {
                for (int v = 0; v <= i % 4; v++) {
                    String line = example("how do I brace for squat number " + i, v % 2 == 1);
                    if (v == 2) {
                        line = line.replace("how do I", "How  do\\tI");
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    // every third line CRLF: the \r is stripped as by the embedded reader
                    out.write(((i + v) % 3 == 0) ? "\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {'\n'});
                }
                if (i == 7 || i == 19 || i == 33) {
                    out.write('\n'); // blank_line
                }
                if (i == 11 || i == 29) {
                    out.write("{\"messages\": [}\n".getBytes(StandardCharsets.US_ASCII)); // invalid_json
                }
            }
            // a lone CR inside a line: one line (not two broken ones), rejected as raw_carriage_return because
            // Python-based platform checkers would split it there
            out.write(("{\"messages\":\r[{\"role\":\"user\",\"content\":\"lone carriage return\"},"
                            + "{\"role\":\"assistant\",\"content\":\"still one line\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
            // no newline at the end of the file: still a line
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** One valid conversation; {@code upper} changes case only (same exact-duplicate key). */
    private static String example(String question, boolean upper) {
        String q = upper ? question.toUpperCase(java.util.Locale.ROOT) : question;
        return "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a strength coach.\"}, "
                + "{\"role\": \"user\", \"content\": \"" + q + "\"}, "
                + "{\"role\": \"assistant\", \"content\": \"Brace before you descend, then breathe at the top.\"}]}";
    }
}
