package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.Environment;
import dev.spotter.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spotter kb export --supabase-url} end to end: the CLI in-process against {@link FakePostgrest} (PostgREST's
 * documented paging and errors) with the key in an environment variable holding a marker, compared byte for byte
 * with the SQL path's export of the same rows ({@code kb import} into SQLite, then {@code kb export --db-url}).
 */
class KbRestCliTest {
    static final String KEY = "sb_secret_MARKER-rest-cli-7f3a";
    static final String ANON = "sb_publishable_MARKER-anon-9c1d";
    static final String VAR = "SUPABASE_SERVICE_ROLE_KEY";
    static final int MAX_ROWS = 300; // db-max-rows below the client's 1000-row page: pages are capped
    static final List<String> CATEGORIES =
            List.of("mvq", "MVQ", "decision_trees", "equipment_substitutions", "injury_modifications", "été");

    @TempDir
    Path dir;

    FakePostgrest rest;
    final StringBuilder printed = new StringBuilder();
    /** The chunks as the SQL path exports them (canonical lines), text ids and bigint ids. */
    final List<String> textLines = new ArrayList<>();

    final List<String> numberLines = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Random random = new Random(6);
        List<ObjectNode> textRows = new ArrayList<>();
        for (int i = 0; i < 777; i++) {
            String id = (i % 3 == 0 ? "Kb-" : "kb-") + String.format("%04d", (i * 7919) % 1000);
            String ts = i % 50 == 7 ? null : "2025-11-%02dT%02d:00:00.%06dZ".formatted(1 + i % 28, i % 24, i);
            KbChunk c = new KbChunk(
                    id,
                    false,
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                    i % 11 == 0 ? null : "Title " + i + " \"quoted\" \\ 💪",
                    "Content " + i + ": It's \"hostile\" \\ '; DROP TABLE x; --\r\n\ttabs \u2028 café 日本語 🏋️‍♀️",
                    i % 5 == 0 ? null : Canonical.json("{\"z\":" + i + ",\"a\":{\"tags\":[\"x\",null,1.5]}}"),
                    ts == null ? null : Canonical.timestamp(ts));
            String line = ChunkJsonl.toLine(c);
            textLines.add(line);
            ObjectNode row = FakePostgrest.rowOf(line);
            if (i % 50 == 7) {
                row.put("created_at", i % 100 == 7 ? "infinity" : "-infinity"); // PostgREST prints them as strings
            }
            row.put("embedding", "[0.1,0.2]"); // a column Spotter never selects
            textRows.add(row);
        }
        List<ObjectNode> numberRows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 1200; i++) {
            ids.add(i * 37 - 600);
        }
        ids.add(Long.MAX_VALUE);
        Collections.shuffle(ids, random);
        for (long id : ids) {
            String line =
                    ChunkJsonl.toLine(new KbChunk(Long.toString(id), true, "mvq", "t", "numbered " + id, null, null));
            numberLines.add(line);
            numberRows.add(FakePostgrest.rowOf(line));
        }
        rest = new FakePostgrest(MAX_ROWS)
                .table("knowledge_base", textRows)
                .table("kb_numbers", numberRows)
                .key(KEY, FakePostgrest.Role.SERVICE)
                .key(ANON, FakePostgrest.Role.RLS_EMPTY);
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    CliRun.Result spotter(Map<String, String> env, String... args) {
        CliRun.Result r = CliRun.run(Environment.of(env), args);
        printed.append(r.out()).append('\n').append(r.err()).append('\n');
        return r;
    }

    CliRun.Result restExport(String key, String table, Path out) {
        return spotter(
                key == null ? Map.of() : Map.of(VAR, key),
                "kb",
                "export",
                "--supabase-url",
                rest.base(),
                "--supabase-key-env",
                VAR,
                "--table",
                table,
                "-o",
                out.toString());
    }

    /** The SQL path on the same chunks: import into SQLite, export from it. */
    byte[] sqlExport(String table, List<String> lines) throws Exception {
        Path in = dir.resolve(table + ".in.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        String db = "jdbc:sqlite:" + dir.resolve("kb.db");
        CliRun.Result imp =
                spotter(Map.of(), "kb", "import", in.toString(), "--db-url", db, "--table", table, "--create-table");
        assertThat(imp.code()).as(imp.out() + imp.err()).isZero();
        Path out = dir.resolve(table + ".sql.jsonl");
        CliRun.Result exp = spotter(Map.of(), "kb", "export", "--db-url", db, "--table", table, "-o", out.toString());
        assertThat(exp.code()).as(exp.err()).isZero();
        return Files.readAllBytes(out);
    }

    @Test
    void restExportPagesPastTheServerCapAndEqualsTheSqlPathByteForByte() throws Exception {
        Path out = dir.resolve("rest.jsonl");
        CliRun.Result r = restExport(KEY, "knowledge_base", out);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("kb export: read 777, exported 777, rejected 0")
                .contains("through the REST API at " + rest.base() + " (key from $" + VAR + ")");
        assertThat(r.out() + r.err()).contains("created_at 'infinity': field dropped, chunk kept");
        // paging: every page starts after the rows received (300 per response), never after the 1000 asked for
        assertThat(rest.requests.stream().map(q -> q.substring(q.indexOf(" Range: ") + 8)))
                .containsExactly("0-999", "300-1299", "600-1599");
        assertThat(rest.requests.get(0))
                .startsWith("knowledge_base?select=id,content,category,title,metadata,created_at,updated_at")
                .contains("&order=category.asc,id.asc");
        // the SQL path on the same rows writes the same bytes
        assertThat(new String(Files.readAllBytes(out), StandardCharsets.UTF_8))
                .isEqualTo(new String(sqlExport("knowledge_base", textLines), StandardCharsets.UTF_8));
        assertThat(Files.readAllLines(out)).containsExactlyInAnyOrderElementsOf(textLines);

        // bigint ids: numeric order over REST as over SQL (-600, -563, …, 2^63-1), five capped pages
        rest.requests.clear();
        Path numbers = dir.resolve("numbers.jsonl");
        CliRun.Result n = restExport(KEY, "kb_numbers", numbers);
        assertThat(n.code()).as(n.err()).isZero();
        assertThat(rest.requests).hasSize(5);
        List<String> sorted = new ArrayList<>(numberLines);
        sorted.sort(java.util.Comparator.comparingLong(
                l -> Long.parseLong(l.substring("{\"id\":".length(), l.indexOf(',')))));
        assertThat(Files.readAllLines(numbers)).containsExactlyElementsOf(sorted);
        assertThat(Files.readAllBytes(numbers)).isEqualTo(sqlExport("kb_numbers", numberLines));
        assertNoKeyAnywhere();
    }

    @Test
    void errorBodiesBecomeOneLineWithTheFixAndNeverTheKey() throws Exception {
        Path out = dir.resolve("never.jsonl");
        // the gateway's 401 (no code): a wrong key
        CliRun.Result wrong = restExport("sb_secret_MARKER-wrong-key-0000", "knowledge_base", out);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().strip())
                .startsWith("spotter: the REST API refused the key in $" + VAR + ": Invalid API key")
                .contains("HTTP 401")
                .doesNotContain("\n");
        // PostgREST's 404 PGRST205 with its hint
        CliRun.Result table = restExport(KEY, "knowledge_bse", out);
        assertThat(table.code()).isEqualTo(2);
        assertThat(table.err())
                .contains("table knowledge_bse is not exposed through the REST API: PGRST205: Could not find the"
                        + " table 'public.knowledge_bse' in the schema cache (hint: Perhaps you meant the table"
                        + " 'public.knowledge_base')");
        // RLS: 200 [] with Content-Range */0 is an error, not an empty export
        CliRun.Result anon = restExport(ANON, "knowledge_base", out);
        assertThat(anon.code()).isEqualTo(2);
        assertThat(anon.err()).contains("returned 0 rows through the REST API").contains("row-level security");
        // the variable is not set
        CliRun.Result unset = restExport(null, "knowledge_base", out);
        assertThat(unset.code()).isEqualTo(2);
        assertThat(unset.err()).contains("environment variable " + VAR + " (--supabase-key-env) is not set");
        for (CliRun.Result r : List.of(wrong, table, anon, unset)) {
            assertThat(r.err()).doesNotContain("\tat ");
        }
        assertThat(out).doesNotExist();
        assertNoKeyAnywhere();
    }

    /** Neither the key nor any fragment of the marker is in anything printed or any file written. */
    void assertNoKeyAnywhere() throws Exception {
        List<String> hits = new ArrayList<>();
        for (String secret : List.of("MARKER", "7f3a", "9c1d", "sb_secret", "sb_publishable")) {
            if (printed.indexOf(secret) >= 0) {
                hits.add("output holds " + secret);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : List.of("MARKER", "sb_secret", "sb_publishable")) {
                    if (text.contains(secret)) {
                        hits.add(f + " holds " + secret);
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
    }
}
