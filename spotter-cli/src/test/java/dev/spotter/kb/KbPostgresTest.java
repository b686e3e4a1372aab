package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import dev.spotter.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Against a real PostgreSQL 18 server, started once for the class. */
class KbPostgresTest {
    static PgServer server;
    static PgBouncer bouncer;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = new PgServer();
        bouncer = new PgBouncer(server.port(), PgServer.DB, Map.of(PgServer.USER, PgServer.PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bouncer != null) {
            bouncer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private KbDatabase db() {
        return KbDatabase.fromUrl(server.uri(), Environment.of(Map.of()));
    }

    /** Hostile but storable text: quotes, backslashes, SQL, JSON-ish, CR/LF, tabs, control chars, RTL, emoji. */
    static final String HOSTILE = "It's \"quoted\" \\ back\\slash \\\\ '; DROP TABLE knowledge_base; --\r\n"
            + "tab\there \u0001\u0002\u001f\u007f \u2028 \u2029 café ñ 日本語 עברית \u202Eevil\u202C 💪🏋️‍♀️ 𝔘𝔫𝔦 \uFEFF"
            + " {\"json\": [1, 2]} $1 ? :name %s %n E'\\x00' \\u0000-as-text";

    private static String line(Object id, String cat, String title, String content, String metaJson, String ts) {
        KbChunk c = new KbChunk(
                String.valueOf(id),
                id instanceof Number,
                cat,
                title,
                content,
                metaJson == null ? null : Canonical.json(metaJson),
                ts == null ? null : Canonical.timestamp(ts));
        return ChunkJsonl.toLine(c);
    }

    @Test
    void hostileContentRoundTripsByteForByteWithBigintIds() throws Exception {
        String longText = "Squat deep. ".repeat(300_000) + HOSTILE; // ~3.6 MB
        List<String> lines = List.of(
                line(1, "decision_trees", "Nulls everywhere", "content only", null, null),
                line(
                        2,
                        "mvq",
                        HOSTILE,
                        HOSTILE,
                        "{\"z\":\"" + "\\\"quoted\\\" \\\\ 💪" + "\",\"a\":[1.50,100,-3,true,null,{\"y\":1,\"b\":2}]}",
                        "2025-11-07T09:00:00.123456Z"),
                line(3, "mvq", null, longText, "{}", "1999-12-31T23:59:59Z"),
                line(
                        Long.MAX_VALUE,
                        "\u00e9t\u00e9",
                        "",
                        " leading and trailing spaces ",
                        "{\"emoji\":\"🏋️\"}",
                        "2025-01-01T00:00:00Z"));
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        KbImporter.Stats imp = new KbImporter(db(), "kb_bigint")
                .createTable(KbImporter.IdType.AUTO)
                .importFile(in, dir.resolve("in.q.jsonl"));
        assertThat(imp).isEqualTo(new KbImporter.Stats(4, 4, 0));

        Path out = dir.resolve("out.jsonl");
        KbReader.Stats exp = KbExport.toFile(new KbReader(db(), "kb_bigint"), null, out, dir.resolve("out.q.jsonl"));
        assertThat(exp).isEqualTo(new KbReader.Stats(4, 4, 0));
        // export order is (category, id) in byte order: decision_trees, mvq 2, mvq 3, été
        List<String> expected = List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(3));
        assertThat(Files.readAllBytes(out))
                .isEqualTo((String.join("\n", expected) + "\n").getBytes(StandardCharsets.UTF_8));

        // the database holds the real values, not escaped text
        try (Connection c = server.admin();
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT title, content, metadata->>'z', pg_typeof(id)::text FROM kb_bigint WHERE id = 2")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(HOSTILE);
            assertThat(rs.getString(2)).isEqualTo(HOSTILE);
            assertThat(rs.getString(3)).isEqualTo("\"quoted\" \\ 💪");
            assertThat(rs.getString(4)).isEqualTo("bigint");
        }
        // and a second import of the export is an idempotent upsert
        KbImporter.Stats again = new KbImporter(db(), "kb_bigint").importFile(out, dir.resolve("again.q.jsonl"));
        assertThat(again).isEqualTo(new KbImporter.Stats(4, 4, 0));
        Path out2 = dir.resolve("out2.jsonl");
        KbExport.toFile(new KbReader(db(), "kb_bigint"), null, out2, dir.resolve("out2.q.jsonl"));
        assertThat(Files.readAllBytes(out2)).isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void uuidIdsAndCategoryFilter() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 450; i++) { // more than one fetch and more than one batch
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            lines.add(line(
                    id,
                    i % 3 == 0 ? "mvq" : "decision_trees",
                    "t" + i,
                    "content " + i + " " + HOSTILE,
                    "{\"i\":" + i + "}",
                    "2025-11-07T09:00:00Z"));
        }
        Path in = dir.resolve("uuid.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        var imp = new KbImporter(db(), "kb_uuid")
                .createTable(KbImporter.IdType.AUTO)
                .importFile(in, dir.resolve("q"));
        assertThat(imp.upserted()).isEqualTo(450);
        try (Connection c = server.admin();
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'kb_uuid'::regclass AND attname = 'id'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("uuid");
        }
        Path out = dir.resolve("mvq.jsonl");
        var s = KbExport.toFile(new KbReader(db(), "kb_uuid"), "mvq", out, dir.resolve("mvq.q"));
        assertThat(s.accepted()).isEqualTo(150);
        List<String> mvq =
                lines.stream().filter(l -> l.contains("\"category\":\"mvq\"")).toList();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactlyElementsOf(mvq);
    }

    @Test
    void poolerSettingStillStreamsInsideOneTransaction() throws Exception {
        // prepareThreshold=0 (what the Supabase pooler gets) with a fetch size: many fetches, one transaction
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < KbReader.FETCH_SIZE * 3 + 7; i++) {
            lines.add(line(i, "mvq", "t", "c" + i, null, null));
        }
        Path in = dir.resolve("pool.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        new KbImporter(db(), "kb_pool").createTable(KbImporter.IdType.BIGINT).importFile(in, dir.resolve("pool.q"));
        KbDatabase pooled = KbDatabase.fromUrl(server.uri() + "?prepareThreshold=0", Environment.of(Map.of()));
        assertThat(pooled.visibleProperties()).containsEntry("prepareThreshold", "0"); // a property, not in the URL
        assertThat(pooled.jdbcUrl()).doesNotContain("prepareThreshold");
        Path out = dir.resolve("pool.out.jsonl");
        var s = KbExport.toFile(new KbReader(pooled, "kb_pool"), null, out, dir.resolve("pool.out.q"));
        assertThat(s.accepted()).isEqualTo(lines.size());
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(lines);
    }

    /**
     * Ids of each type come out in that type's order (bigint numerically, uuid by its bytes, text in byte order),
     * the same bytes through every way of connecting: the driver preparing statements on the server
     * ({@code prepareThreshold=5}), the pooler-safe default ({@code prepareThreshold=0}), the simple-query protocol,
     * and a real PgBouncer in transaction mode (with and without {@code ?pgbouncer=true}). Rows are inserted
     * shuffled and span several fetch windows. Regression: a bigint id was sorted as its text (0, 1, 10, 100, 2).
     */
    @ParameterizedTest
    @EnumSource(
            value = KbImporter.IdType.class,
            names = {"BIGINT", "UUID", "TEXT"})
    void idsExportInTheirTypesOrderThroughEveryConnectionPath(KbImporter.IdType type) throws Exception {
        java.util.Random random = new java.util.Random(14);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        switch (type) {
            case BIGINT -> {
                ids.addAll(List.of("0", "1", "2", "9", "10", "11", "100", "-1", "-5", "-10", "" + Long.MAX_VALUE));
                ids.add("" + Long.MIN_VALUE);
                while (ids.size() < KbReader.FETCH_SIZE * 2 + 50) {
                    ids.add(Integer.toString(random.nextInt(-2000, 200_000)));
                }
            }
            case UUID -> {
                ids.add("00000000-0000-0000-0000-000000000000");
                ids.add("ffffffff-ffff-ffff-ffff-ffffffffffff");
                ids.add("7fffffff-ffff-4fff-8fff-ffffffffffff");
                ids.add("80000000-0000-4000-8000-000000000000"); // signed comparison (java.util.UUID) would differ
                while (ids.size() < KbReader.FETCH_SIZE * 2 + 50) {
                    ids.add(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
                }
            }
            default -> {
                // byte order differs from any natural-language collation: upper before lower, digits as text,
                // accents after z, punctuation and spaces in code-point order
                ids.addAll(List.of("a", "B", "b", "Z", "_x", "10", "9", "é", "e", "E", " lead", "x-y", "x_y", "日本"));
                String alphabet = "abcXYZ019_- éß";
                while (ids.size() < KbReader.FETCH_SIZE * 2 + 50) {
                    StringBuilder id = new StringBuilder("k");
                    for (int n = random.nextInt(1, 8); n > 0; n--) {
                        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    ids.add(id.toString());
                }
            }
        }
        List<String> shuffled = new ArrayList<>(ids);
        java.util.Collections.shuffle(shuffled, random);
        Map<String, String> lineOf = new java.util.HashMap<>();
        List<String> lines = new ArrayList<>();
        for (String id : shuffled) {
            Object v = type == KbImporter.IdType.BIGINT ? (Object) Long.parseLong(id) : id;
            lineOf.put(id, line(v, "mvq", "t", "content of " + id, null, null));
            lines.add(lineOf.get(id));
        }
        String table = "kb_order_" + type.name().toLowerCase(java.util.Locale.ROOT);
        Path in = dir.resolve(table + ".jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        var imp = new KbImporter(db(), table).createTable(type).importFile(in, dir.resolve(table + ".q"));
        assertThat(imp.upserted()).isEqualTo(ids.size());

        // the expected order, computed here from the type's own rules (not by asking the server)
        java.util.Comparator<String> byType = switch (type) {
            case BIGINT -> java.util.Comparator.comparingLong(Long::parseLong);
            // PostgreSQL compares uuids as 16 unsigned bytes: the canonical lower-case hex text in byte order
            default ->
                java.util.Comparator.comparing(
                        (String id) -> id.getBytes(StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned);
        };
        List<String> expected =
                shuffled.stream().sorted(byType).map(lineOf::get).toList();
        byte[] want = (String.join("\n", expected) + "\n").getBytes(StandardCharsets.UTF_8);

        String viaBouncer = "postgresql://" + PgServer.USER + "@127.0.0.1:" + bouncer.port + "/" + PgServer.DB;
        Environment pw = Environment.of(Map.of("PGPASSWORD", PgServer.PASSWORD));
        Map<String, KbDatabase> paths = new java.util.LinkedHashMap<>();
        paths.put("server-side prepared", KbDatabase.fromUrl(server.uri() + "?prepareThreshold=5", pw));
        paths.put("default (prepareThreshold=0)", db());
        paths.put("simple query protocol", KbDatabase.fromUrl(server.uri() + "?preferQueryMode=simple", pw));
        paths.put("PgBouncer, transaction mode", KbDatabase.fromUrl(viaBouncer, pw));
        paths.put(
                "PgBouncer + ?pgbouncer=true",
                KbDatabase.fromUrl(viaBouncer + "?pgbouncer=true&prepareThreshold=5", pw));
        for (var p : paths.entrySet()) {
            for (int run = 1; run <= 2; run++) { // twice: a reused pooled server connection must not change anything
                Path out = dir.resolve(table + "." + run + "." + p.getKey().hashCode() + ".jsonl");
                var s = KbExport.toFile(new KbReader(p.getValue(), table), null, out, dir.resolve(table + ".out.q"));
                assertThat(s.accepted()).as(p.getKey()).isEqualTo(ids.size());
                assertThat(new String(Files.readAllBytes(out), StandardCharsets.UTF_8))
                        .as(type + " ids through " + p.getKey() + ", run " + run)
                        .isEqualTo(new String(want, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void cliWrongPasswordPrintsOneRedactedLine() {
        String bad = "postgresql://" + PgServer.USER + ":Cli-Secret-123@localhost:" + server.port() + "/" + PgServer.DB;
        var r = CliRun.run(
                "kb",
                "export",
                "--db-url",
                bad,
                "-o",
                dir.resolve("never.jsonl").toString());
        assertThat(r.code()).isEqualTo(2);
        String err = r.err()
                .lines()
                .filter(l -> l.startsWith("spotter:"))
                .findFirst()
                .orElse("");
        assertThat(err).startsWith("spotter: authentication failed for user kbuser at jdbc:postgresql://localhost:");
        assertThat(r.out() + r.err()).doesNotContain("Cli-Secret-123").doesNotContain("\tat ");
        assertThat(dir.resolve("never.jsonl")).doesNotExist();
    }

    @Test
    void nulAndBadRecordsAreQuarantinedAndCounted() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(
                in,
                String.join(
                        "\n",
                        "{\"id\":1,\"category\":\"mvq\",\"title\":\"ok\",\"content\":\"fine\",\"metadata\":null,\"created_at\":null}",
                        "{\"id\":2,\"category\":\"mvq\",\"title\":\"nul\",\"content\":\"a\\u0000b\",\"metadata\":null,\"created_at\":null}",
                        "{\"id\":3,\"category\":\"mvq\",\"title\":\"meta nul\",\"content\":\"x\",\"metadata\":{\"k\":\"\\u0000\"},\"created_at\":null}",
                        "not json",
                        "",
                        "{\"id\":\"not-a-number\",\"category\":\"mvq\",\"title\":null,\"content\":\"x\",\"metadata\":null,\"created_at\":null}",
                        "{\"id\":5,\"content\":\"   \"}",
                        "{\"id\":6,\"content\":\"x\",\"embedding\":[0.1]}",
                        "{\"id\":7,\"content\":\"x\",\"created_at\":\"yesterday\"}",
                        "{\"id\":8,\"content\":\"x\",\"title\":\"lone \\ud800 surrogate\"}"),
                StandardCharsets.UTF_8);
        Path q = dir.resolve("bad.q.jsonl");
        var s = new KbImporter(db(), "kb_bad")
                .createTable(KbImporter.IdType.BIGINT)
                .importFile(in, q);
        assertThat(s).isEqualTo(new KbImporter.Stats(9, 1, 8));
        List<String> rejects = Files.readAllLines(q, StandardCharsets.UTF_8);
        assertThat(rejects).hasSize(8);
        assertThat(rejects.get(0)).contains("\"line\":2").contains("NUL (U+0000)");
        assertThat(rejects.get(1)).contains("\"line\":3").contains("metadata contains NUL");
        assertThat(rejects.get(2)).contains("\"line\":4").contains("not JSON");
        assertThat(rejects.get(3)).contains("\"line\":6").contains("is not an integer (column id is int8)");
        assertThat(rejects.get(4)).contains("content is missing or blank");
        assertThat(rejects.get(5)).contains("unknown key \\\"embedding\\\"");
        assertThat(rejects.get(6)).contains("created_at is not an ISO-8601 timestamp");
        assertThat(rejects.get(7)).contains("unpaired surrogate");
    }

    @Test
    void supabaseShapedTableWithExtraColumnsAndServerDefaults() throws Exception {
        // pgvector is not installed in the test server: an extra real[] column stands in for `embedding vector(1536)`;
        // the reader selects only the six columns, so the extra column's type never matters.
        server.sql(
                "CREATE TABLE kb_supa (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), category text, title text,"
                        + " content text, metadata jsonb DEFAULT '{}'::jsonb, created_at timestamptz DEFAULT now(),"
                        + " embedding real[], fts tsvector, updated_at timestamptz)",
                "INSERT INTO kb_supa (id, category, title, content, metadata, created_at, embedding) VALUES"
                        + " ('11111111-1111-4111-8111-111111111111', 'mvq', 'Q', E'line1\\nline2', '{\"b\": 1e2, \"a\": 1.50}',"
                        + " '2025-11-07 10:00:00+01', '{0.1,0.2}'),"
                        + " ('22222222-2222-4222-8222-222222222222', 'mvq', NULL, NULL, NULL, NULL, NULL),"
                        + " ('33333333-3333-4333-8333-333333333333', NULL, NULL, 'no category', NULL, '2025-11-07 09:00:00.5+00', NULL)");
        Path out = dir.resolve("supa.jsonl");
        Path q = dir.resolve("supa.q.jsonl");
        var s = KbExport.toFile(new KbReader(db(), "kb_supa"), null, out, q);
        assertThat(s).isEqualTo(new KbReader.Stats(3, 2, 1));
        assertThat(Files.readAllLines(out))
                .containsExactly(
                        "{\"id\":\"11111111-1111-4111-8111-111111111111\",\"category\":\"mvq\",\"title\":\"Q\",\"content\":\"line1\\nline2\","
                                + "\"metadata\":{\"a\":1.50,\"b\":100},\"created_at\":\"2025-11-07T09:00:00Z\"}",
                        "{\"id\":\"33333333-3333-4333-8333-333333333333\",\"category\":null,\"title\":null,\"content\":\"no category\","
                                + "\"metadata\":null,\"created_at\":\"2025-11-07T09:00:00.500Z\"}");
        assertThat(Files.readString(q))
                .contains("\"id\":\"22222222-2222-4222-8222-222222222222\"")
                .contains("content is NULL");
    }

    @Test
    void readerTransactionIsReadOnly() throws Exception {
        server.sql(
                "CREATE TABLE kb_ro (id bigint PRIMARY KEY, category text, title text, content text, metadata jsonb, created_at timestamptz)");
        try (Connection c = db().open(true)) {
            assertThatThrownBy(() -> c.createStatement().execute("INSERT INTO kb_ro (id, content) VALUES (1, 'x')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction");
        }
    }

    @Test
    void wrongPasswordIsOneLineWithoutThePassword() {
        String bad =
                "postgresql://" + PgServer.USER + ":Wr0ng-Secret-Pw@localhost:" + server.port() + "/" + PgServer.DB;
        assertThatThrownBy(() ->
                        new KbReader(KbDatabase.fromUrl(bad, Environment.of(Map.of())), null).read(null, ignore()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageStartingWith("authentication failed for user kbuser")
                .hasMessageNotContaining("Wr0ng-Secret-Pw")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // the same through PGPASSWORD and through a jdbc URL with ?password=
        String noPw = "postgresql://" + PgServer.USER + "@localhost:" + server.port() + "/" + PgServer.DB;
        assertThatThrownBy(() -> new KbReader(
                                KbDatabase.fromUrl(noPw, Environment.of(Map.of("PGPASSWORD", "Env-Secret-77"))), null)
                        .read(null, ignore()))
                .hasMessageNotContaining("Env-Secret-77")
                .hasMessageContaining("authentication failed");
        String jdbc = "jdbc:postgresql://localhost:" + server.port() + "/" + PgServer.DB
                + "?user=kbuser&password=Jdbc-Secret-55";
        assertThatThrownBy(() ->
                        new KbReader(KbDatabase.fromUrl(jdbc, Environment.of(Map.of())), null).read(null, ignore()))
                .hasMessageNotContaining("Jdbc-Secret-55")
                .hasMessageContaining("authentication failed");
    }

    @Test
    void badUrlMissingTableAndMissingColumnAreOneLine() throws Exception {
        assertThatThrownBy(() -> new KbReader(
                                KbDatabase.fromUrl(
                                        "postgresql://kbuser:Secret-9@localhost:1/kbtest", Environment.of(Map.of())),
                                null)
                        .read(null, ignore()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageStartingWith("cannot connect to jdbc:postgresql://localhost:1/kbtest")
                .hasMessageNotContaining("Secret-9");
        assertThatThrownBy(() -> KbDatabase.fromUrl("mysql://root:Secret-9@db/x", Environment.of(Map.of())))
                .hasMessageContaining("unsupported database URL (scheme mysql)")
                .hasMessageNotContaining("Secret-9");
        assertThatThrownBy(() -> new KbReader(db(), "no_such_table").read(null, ignore()))
                .hasMessageStartingWith(
                        "table no_such_table not found in jdbc:postgresql://localhost:" + server.port());
        String missingDb = "postgresql://kbuser:" + "x@localhost:" + server.port() + "/nope";
        assertThatThrownBy(() -> new KbReader(KbDatabase.fromUrl(missingDb, Environment.of(Map.of())), null)
                        .read(null, ignore()))
                .isInstanceOf(DataSourceException.class)
                .hasMessageNotContaining(":x@");
        server.sql("CREATE TABLE kb_cols (id bigint, title text, body text)");
        assertThatThrownBy(() -> new KbReader(db(), "kb_cols").read(null, ignore()))
                .hasMessageContaining("has no column content; its columns: id, title, body")
                .hasMessageContaining("--column content=COLUMN");
    }

    @Test
    void cliImportExportAndErrorsExitCodes() throws Exception {
        Path in = dir.resolve("cli.jsonl");
        Files.writeString(
                in,
                line(10, "mvq", "t", "body", "{\"a\":1}", "2025-11-07T09:00:00Z") + "\n"
                        + "{\"id\":11,\"content\":\"a\\u0000\"}\n");
        var r = CliRun.run(
                "kb", "import", in.toString(), "--db-url", server.uri(), "--table", "kb_cli", "--create-table");
        assertThat(r.code()).isEqualTo(1); // one reject
        assertThat(r.out()).contains("read 2, upserted 1, rejected 1");
        assertThat(r.out() + r.err()).doesNotContain(PgServer.PASSWORD);
        Path out = dir.resolve("cli.out.jsonl");
        var e = CliRun.run("kb", "export", "--db-url", server.uri(), "--table", "kb_cli", "-o", out.toString());
        assertThat(e.code()).isEqualTo(0);
        assertThat(Files.readString(out)).isEqualTo(Files.readAllLines(in).get(0) + "\n");

        var bad = CliRun.run(
                "kb",
                "export",
                "--db-url",
                server.uri().replace(PgServer.DB, "kbtest"),
                "--table",
                "missing_t",
                "-o",
                dir.resolve("x.jsonl").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip())
                .startsWith("spotter: table missing_t not found")
                .doesNotContain("\n")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    /** The URL and password from the environment, in a real child process (the only way to set env vars). */
    @Test
    void childProcessTakesUrlFromSpotterKbUrlAndPasswordFromPgpassword() throws Exception {
        server.sql(
                "CREATE TABLE IF NOT EXISTS kb_env (id bigint PRIMARY KEY, category text, title text, content text,"
                        + " metadata jsonb, created_at timestamptz)",
                "INSERT INTO kb_env (id, content) VALUES (1, 'env works')");
        String url = "postgresql://" + PgServer.USER + "@localhost:" + server.port() + "/" + PgServer.DB;
        Path out = dir.resolve("env.jsonl");
        Child ok = child(
                Map.of("SPOTTER_KB_URL", url, "PGPASSWORD", PgServer.PASSWORD),
                "kb",
                "export",
                "--table",
                "kb_env",
                "-o",
                out.toString());
        assertThat(ok.code).as(ok.output).isZero();
        assertThat(ok.output).contains("read 1, exported 1").doesNotContain(PgServer.PASSWORD);
        assertThat(Files.readString(out)).contains("\"content\":\"env works\"");
        Child bad = child(
                Map.of("SPOTTER_KB_URL", url, "PGPASSWORD", "Env-Wrong-Pw-42"),
                "kb",
                "export",
                "--table",
                "kb_env",
                "-o",
                dir.resolve("bad.jsonl").toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.output)
                .contains("spotter: authentication failed for user kbuser")
                .doesNotContain("Env-Wrong-Pw-42");
    }

    record Child(int code, String output) {}

    /** {@code spotter ARGS} in-process with {@code env} as the whole environment (stdout, then stderr). */
    static Child child(Map<String, String> env, String... args) {
        dev.spotter.cli.CliRun.Result r = dev.spotter.cli.CliRun.run(Environment.of(env), args);
        return new Child(r.code(), r.out() + r.err());
    }

    static KbReader.Sink ignore() {
        return new KbReader.Sink() {
            @Override
            public void accept(KbChunk chunk) {}

            @Override
            public void reject(long row, String id, String reason) {}
        };
    }
}
