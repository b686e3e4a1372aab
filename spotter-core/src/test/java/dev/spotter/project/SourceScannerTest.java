package dev.spotter.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    @TempDir
    Path dir;

    private List<SourceRecord> scan(String content, String extraYaml) throws Exception {
        Files.write(dir.resolve("in.jsonl"), content.getBytes(StandardCharsets.UTF_8));
        Project p = ProjectLoader.parse(
                dir.resolve("spotter.yaml"),
                "sources:\n  - {id: s, kind: jsonl, path: in.jsonl, categoryField: meta.cat}\n" + extraYaml,
                Environment.empty());
        List<SourceRecord> out = new ArrayList<>();
        new SourceScanner(p, ExampleTokenCounter.estimate()).scan(p.sources().get(0), out::add);
        return out;
    }

    private static String ok(String user) {
        return "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\""
                + user + "\"},{\"role\":\"assistant\",\"content\":\"a\",\"weight\":1}]}";
    }

    @Test
    void everyLineIsAcceptedOrRejectedWithAReasonAndItsLineNumber() throws Exception {
        String in = String.join(
                "\n",
                ok("fine"),
                "",
                "{not json",
                "[1,2]",
                "{\"messages\":[]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi <|eot_id|>\"},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"user\",\"content\":\"r\"},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"tool\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"   \"},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"q\",\"content\":\"r\"},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                "{\"meta\":{\"cat\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"q\",\"extra\":1},{\"role\":\"assistant\",\"content\":\"a\"}]}",
                ok("also fine") + "\r");
        List<SourceRecord> r = scan(in + "\n", "");
        assertThat(r)
                .extracting(SourceRecord::line)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        assertThat(r)
                .extracting(x -> x.accepted() ? "ok" : x.reason())
                .containsExactly(
                        "ok",
                        "blank_line",
                        "invalid_json",
                        "data_type",
                        "empty_messages",
                        "special_token_in_content",
                        "example_missing_assistant_message",
                        "consecutive_same_role",
                        "unrecognized_role",
                        "empty_content",
                        "missing_category",
                        "duplicate_key",
                        "message_unrecognized_key",
                        "ok");
        assertThat(r.get(0).category()).isEqualTo("x");
        assertThat(r.get(0).example().messages().get(2).weight()).isEqualTo(1);
        assertThat(r.get(2).raw()).isEqualTo("{not json");
        assertThat(r.get(0).id()).isEqualTo("s:in.jsonl:1");
    }

    @Test
    void overTheTokenLimitIsRejected() throws Exception {
        String longText = "word ".repeat(400);
        List<SourceRecord> r = scan(ok(longText) + "\n" + ok("short") + "\n", "tokenLimit: 100\n");
        assertThat(r).extracting(x -> x.accepted() ? "ok" : x.reason()).containsExactly("over_token_limit", "ok");
        assertThat(r.get(0).detail()).contains("> limit 100");
    }

    @Test
    void invalidUtf8AndBomAreRejectedNotFatal() throws Exception {
        byte[] bad = (ok("caf\u00e9") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = new byte[bad.length + 1];
        System.arraycopy(bad, 0, withBadByte, 0, 40);
        withBadByte[40] = (byte) 0xC3; // truncated sequence
        System.arraycopy(bad, 40, withBadByte, 41, bad.length - 40);
        Files.write(dir.resolve("in.jsonl"), withBadByte);
        Project p = ProjectLoader.parse(
                dir.resolve("spotter.yaml"),
                "sources:\n  - {id: s, kind: jsonl, path: in.jsonl, categoryField: meta.cat}\n",
                Environment.empty());
        List<SourceRecord> out = new ArrayList<>();
        new SourceScanner(p, ExampleTokenCounter.estimate()).scan(p.sources().get(0), out::add);
        assertThat(out).extracting(SourceRecord::reason).containsExactly("invalid_utf8");

        List<SourceRecord> bom = scan("\uFEFF" + ok("x") + "\n" + ok("y") + "\n", "");
        assertThat(bom).extracting(x -> x.accepted() ? "ok" : x.reason()).containsExactly("bom", "ok");
    }

    @Test
    void aHugeLineIsSkippedWithoutHoldingIt() throws Exception {
        var reader = new SourceScanner.LineReader(new java.io.StringReader("x".repeat(5000) + "\nnext\n"), 1000);
        String first = reader.next();
        assertThat(reader.tooLong()).isTrue();
        assertThat(first).hasSize(200);
        assertThat(reader.next()).isEqualTo("next");
        assertThat(reader.tooLong()).isFalse();
        assertThat(reader.next()).isNull();
    }

    @Test
    void classifyGivesScanFilesRecordForEveryLine() throws Exception {
        // BOM, CRLF, a lone CR, a blank line, invalid UTF-8, a line over the cap, broken JSON, no final newline
        byte[] bad = {'{', (byte) 0xC3, '}'};
        String tooLong = "x".repeat(SourceScanner.MAX_LINE_CHARS + 5);
        String text = "\uFEFF" + ok("bom") + "\n" + ok("crlf") + "\r\n" + ok("lone\\r") + "\rrest\n\n" + tooLong
                + "\n{not json\n" + ok("last");
        byte[] head = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = '\n';
        System.arraycopy(bad, 0, all, head.length + 1, bad.length);
        Files.write(dir.resolve("in.jsonl"), all);
        Project p = ProjectLoader.parse(
                dir.resolve("spotter.yaml"),
                "sources:\n  - {id: s, kind: jsonl, path: in.jsonl, categoryField: meta.cat}\n",
                Environment.empty());
        SourceScanner scanner = new SourceScanner(p, ExampleTokenCounter.estimate());
        List<SourceRecord> scanned = new ArrayList<>();
        scanner.scan(p.sources().get(0), scanned::add);

        String[] lines = new String(all, StandardCharsets.UTF_8).split("\n", -1);
        List<SourceRecord> classified = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            classified.add(scanner.classify(p.sources().get(0), "in.jsonl", i + 1, lines[i]));
        }

        assertThat(classified).hasSize(8).isEqualTo(scanned);
        assertThat(scanned)
                .extracting(x -> x.accepted() ? "ok" : x.reason())
                .containsExactly(
                        "bom",
                        "ok",
                        "raw_carriage_return",
                        "blank_line",
                        "line_too_long",
                        "invalid_json",
                        "ok",
                        "invalid_utf8");
    }
}
