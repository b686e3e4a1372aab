package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kb commands against a Supabase-shaped database (the independent fixtures {@code supabase/schema.sql} and
 * {@code rows.sql}: uuid ids, jsonb, text[], an embedding column, RLS on, roles with and without a policy or a grant,
 * 47 hostile rows) on the real PostgreSQL the suite starts, directly and through a real PgBouncer in transaction
 * mode. Role kb_reader's password is the marker of {@code urls.md}; every run's stdout, stderr, the driver's
 * java.util.logging records and every file written are searched for it and its fragments.
 */
class KbSupabaseTest {
    static final String M = UrlCases.MARKER;
    static final String SIMPLE = "kb_reader_simple_pw";
    static final Map<String, String> PASSWORDS = Map.of(
            "kb_reader", M, "kb_reader_simple", SIMPLE, "kb_nopolicy", "kb_nopolicy_pw", "kb_nogrant", "kb_nogrant_pw");

    static PgServer server;
    static PgBouncer bouncer;
    static final List<String> driverLog = Collections.synchronizedList(new ArrayList<>());
    static final Logger PGJDBC = Logger.getLogger("org.postgresql");
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            driverLog.add(r.getLevel() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    /** All output of the class, searched for the secrets at the end of each test. */
    final StringBuilder printed = new StringBuilder();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = new PgServer();
        try (Connection c = server.admin();
                Statement st = c.createStatement()) {
            for (String f : List.of("schema.sql", "rows.sql")) {
                try (var in = KbSupabaseTest.class.getResourceAsStream("/dev/spotter/kb/supabase/" + f)) {
                    st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        bouncer = new PgBouncer(server.port(), PgServer.DB, PASSWORDS);
        PGJDBC.setLevel(Level.ALL);
        PGJDBC.addHandler(CAPTURE);
    }

    @AfterAll
    static void stop() throws Exception {
        PGJDBC.removeHandler(CAPTURE);
        PGJDBC.setLevel(null);
        if (bouncer != null) {
            bouncer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    CliRun.Result kb(Map<String, String> env, String... args) {
        String[] all = Stream.concat(Stream.of("kb"), Stream.of(args)).toArray(String[]::new);
        CliRun.Result r = CliRun.run(Environment.of(env), all);
        printed.append(r.out()).append('\n').append(r.err()).append('\n');
        return r;
    }

    static String url(String user, int port) {
        return "postgresql://" + user + "@127.0.0.1:" + port + "/" + PgServer.DB;
    }

    /** Nothing the runs printed or wrote, nor any driver log record, holds the password or a fragment of it. */
    void assertNoSecretAnywhere() throws Exception {
        StringBuilder all = new StringBuilder(printed);
        synchronized (driverLog) {
            driverLog.forEach(l -> all.append(l).append('\n'));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(f).append('\n').append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        PgUrlTest.noSecret(all.toString());
    }

    @Test
    void everyConnectionStringOfUrlsMdConnectsOrIsRefusedAndTheMarkerIsNowhere() throws Exception {
        Map<String, Object> expected = PgUrlTest.expected();
        List<UrlCases.Case> cases = UrlCases.all("127.0.0.1", server.port(), PgServer.DB);
        List<String> exported = new ArrayList<>();
        for (UrlCases.Case c : cases) {
            if (c.id().startsWith("S")) {
                continue; // Supabase hosts: parsed offline in PgUrlTest (no network here)
            }
            Map<String, String> env = c.pgPassword() == null ? Map.of() : Map.of("PGPASSWORD", c.pgPassword());
            Path out = dir.resolve(c.id() + ".jsonl");
            CliRun.Result r = kb(env, "export", "--db-url", c.input(), "-o", out.toString());
            String said = c.id() + ": " + r.out() + r.err();
            Object e = expected.get(c.id());
            if (e instanceof PgUrlTest.Refused refused) {
                assertThat(r.code()).as(said).isEqualTo(2);
                assertThat(r.err()).as(said).contains(refused.words());
                continue;
            }
            PgUrlTest.Ok ok = (PgUrlTest.Ok) e;
            String pw = ok.password() != null ? ok.password() : c.pgPassword();
            boolean v6 = ok.jdbcUrl().contains("[::1]");
            if (v6 && r.err().contains("cannot connect")) {
                continue; // the embedded server listens on IPv4 only: a clear failure is the right answer
            }
            if (c.expected().contains("does not support SSL")) {
                assertThat(r.code()).as(said).isEqualTo(2); // sslmode=require never falls back to plain text
                assertThat(r.err()).as(said).contains("does not support SSL", "sslmode");
            } else if (!pw.equals(PASSWORDS.get(ok.user()))) {
                assertThat(r.code()).as(said).isEqualTo(2);
                assertThat(r.err()).as(said).contains("authentication failed for user " + ok.user());
            } else if (ok.user().equals("kb_nopolicy")) {
                assertThat(r.code()).as(said).isEqualTo(2);
                assertThat(r.err())
                        .as(said)
                        .contains("row-level security is enabled")
                        .contains("no policy lets role kb_nopolicy read it")
                        .contains("CREATE POLICY");
            } else if (ok.user().equals("kb_nogrant")) {
                assertThat(r.code()).as(said).isEqualTo(2);
                assertThat(r.err()).as(said).contains("permission denied", "GRANT SELECT ON public.knowledge_base");
            } else {
                assertThat(r.code()).as(said).isIn(0, 1);
                assertThat(r.out()).as(said).contains("kb export: read 72,");
                exported.add(c.id());
            }
        }
        assertThat(exported).as("cases that exported").hasSizeGreaterThanOrEqualTo(15);
        assertNoSecretAnywhere();
    }

    @Test
    void transactionPoolerOnAnyPortWorksEveryRun() throws Exception {
        // the marker role through PgBouncer (port != 6543), password from PGPASSWORD: five runs in a row
        Map<String, String> env = Map.of("PGPASSWORD", M);
        List<String> outputs = new ArrayList<>();
        for (int run = 1; run <= 5; run++) {
            Path out = dir.resolve("bouncer-" + run + ".jsonl");
            CliRun.Result r = kb(env, "export", "--db-url", url("kb_reader", bouncer.port), "-o", out.toString());
            assertThat(r.out()).as("run " + run + ": " + r.err()).contains("kb export: read 72,");
            assertThat(r.err()).as("run " + run).doesNotContain("already exists");
            outputs.add(Files.readString(out));
        }
        assertThat(outputs).as("every run exports the same bytes").containsOnly(outputs.get(0));
        // Prisma's ?pgbouncer=true wins over a prepareThreshold the URL sets; kb quota (a second reader) in between
        String prisma = "postgresql://kb_reader_simple:" + SIMPLE + "@127.0.0.1:" + bouncer.port + "/" + PgServer.DB
                + "?pgbouncer=true&prepareThreshold=5";
        for (int run = 1; run <= 3; run++) {
            Path out = dir.resolve("prisma-" + run + ".jsonl");
            CliRun.Result r = kb(Map.of(), "export", "--db-url", prisma, "-o", out.toString());
            assertThat(r.out()).as("prisma run " + run + ": " + r.err()).contains("kb export: read 72,");
            assertThat(Files.readString(out)).isEqualTo(outputs.get(0));
            CliRun.Result q = kb(Map.of("SPOTTER_KB_URL", url("kb_reader", bouncer.port), "PGPASSWORD", M), "quota");
            assertThat(q.code()).as(q.out() + q.err()).isZero();
        }
        assertNoSecretAnywhere();
    }

    @Test
    void theBouncerReallyReusesServerConnections() throws Exception {
        // control: pgjdbc with its default prepareThreshold through the same PgBouncer fails on a later run, so the
        // test above would catch a regression (the bug of issue 14 item 2)
        Properties p = new Properties();
        p.setProperty("user", "kb_reader_simple");
        p.setProperty("password", SIMPLE);
        String jdbc = "jdbc:postgresql://127.0.0.1:" + bouncer.port + "/" + PgServer.DB;
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            try (Connection c = DriverManager.getConnection(jdbc, p)) {
                c.setAutoCommit(false);
                for (int i = 0; i < 6; i++) {
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT count(*) FROM knowledge_base")) {
                        rs.next();
                    }
                    c.rollback();
                }
            } catch (SQLException e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as("default pgjdbc through a transaction pooler").isNotEmpty();
        assertThat(String.join("\n", failures)).contains("already exists");
    }

    @Test
    void rowLevelSecurityAndMissingGrantsFailWithTheFix() throws Exception {
        Map<String, String> env = new HashMap<>();
        for (int port : List.of(server.port(), bouncer.port)) {
            env.put("PGPASSWORD", "kb_nopolicy_pw");
            CliRun.Result r = kb(
                    env,
                    "export",
                    "--db-url",
                    url("kb_nopolicy", port),
                    "-o",
                    dir.resolve("np.jsonl").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .contains("table public.knowledge_base returned 0 rows: row-level security is enabled")
                    .contains("CREATE POLICY \"spotter can read\" ON public.knowledge_base FOR SELECT TO kb_nopolicy")
                    .contains("service_role");
            assertThat(dir.resolve("np.jsonl")).doesNotExist();
            // the policy exists but its condition hides rows: documents as a role whose policy matches nothing
            env.put("PGPASSWORD", "kb_nogrant_pw");
            CliRun.Result g = kb(env, "quota", "--db-url", url("kb_nogrant", port));
            assertThat(g.code()).isEqualTo(2);
            assertThat(g.err()).contains("permission denied reading table knowledge_base", "GRANT SELECT ON");
        }
        assertNoSecretAnywhere();
    }

    @Test
    void aGivenSourceIsNeverReplacedByTheSample() throws Exception {
        Map<String, String> env = Map.of("SPOTTER_KB_URL", url("kb_reader", server.port()), "PGPASSWORD", M);
        CliRun.Result q = kb(env, "quota");
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.out()).doesNotContain("sample").contains("knowledge_base").contains("$SPOTTER_KB_URL");
        CliRun.Result d = kb(
                env,
                "generate",
                "--dry-run",
                "--state",
                dir.resolve("st").toString(),
                "-o",
                dir.resolve("gen.jsonl").toString());
        assertThat(d.out() + d.err()).doesNotContain("bundled sample").contains("$SPOTTER_KB_URL");
        // a chunks file that does not exist is an error, not the sample
        CliRun.Result f =
                kb(Map.of(), "quota", "--chunks", dir.resolve("none.jsonl").toString());
        assertThat(f.code()).isEqualTo(2);
        assertThat(f.out() + f.err()).doesNotContain("bundled sample");
        // set but empty is an error too
        CliRun.Result e = kb(Map.of("SPOTTER_KB_URL", " "), "quota");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("SPOTTER_KB_URL is set but empty");
        // and when the sample is used, the command says so
        CliRun.Result s = kb(Map.of(), "quota");
        assertThat(s.out()).contains("the bundled sample");
        CliRun.Result sd = kb(
                Map.of(),
                "generate",
                "--dry-run",
                "--state",
                dir.resolve("st2").toString(),
                "-o",
                dir.resolve("gen2.jsonl").toString());
        assertThat(sd.out()).contains("the bundled sample");
        assertNoSecretAnywhere();
    }

    @Test
    void columnMappingReadsLangChainAndHandRolledTables() throws Exception {
        Map<String, String> env = Map.of("PGPASSWORD", M);
        String db = url("kb_reader", server.port());
        Path docs = dir.resolve("documents.jsonl");
        CliRun.Result r = kb(
                env,
                "export",
                "--db-url",
                db,
                "--table",
                "documents",
                "--column",
                "category=metadata->>category",
                "-o",
                docs.toString());
        assertThat(r.out()).as(r.err()).contains("kb export: read 18,"); // id 17 is private: hidden by RLS
        assertThat(Files.readString(docs)).contains("\"category\":\"mvq\"");
        Path chunks = dir.resolve("kb_chunks.jsonl");
        CliRun.Result c = kb(
                env,
                "export",
                "--db-url",
                db,
                "--table",
                "kb_chunks",
                "--column",
                "id=chunk_id",
                "--column",
                "content=chunk_text",
                "--column",
                "category=topic",
                "--column",
                "created_at=inserted_at",
                "-o",
                chunks.toString());
        assertThat(c.out()).as(c.err()).contains("kb export: read 15,");
        assertThat(Files.readAllLines(chunks))
                .anyMatch(l -> l.startsWith("{\"id\":\"chunk-0002\",\"category\":\"experience_classification\""));
        // without the mapping the message names the columns and the flag
        CliRun.Result m = kb(
                env,
                "export",
                "--db-url",
                db,
                "--table",
                "kb_chunks",
                "-o",
                dir.resolve("x.jsonl").toString());
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("--column");
        assertNoSecretAnywhere();
    }

    @Test
    void hostileRowsAreAccountedAndNullMetadataAndInfinityKeepTheChunk() throws Exception {
        Path out = dir.resolve("kb.jsonl");
        CliRun.Result r = kb(
                Map.of("PGPASSWORD", M), "export", "--db-url", url("kb_reader", server.port()), "-o", out.toString());
        assertThat(r.out()).as(r.err()).contains("kb export: read 72,");
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            for (String key : List.of("N25", "H26", "H27", "H33", "H34")) {
                if (line.contains(md5Uuid("kb:" + key))) {
                    byKey.put(key, line);
                }
            }
        }
        // H33 (created_at 'infinity') and H34 ('-infinity') are exported, without the field
        assertThat(byKey).containsKeys("N25", "H26", "H27", "H33", "H34");
        assertThat(byKey.get("H33")).doesNotContain("created_at\":\"");
        // JSON null and SQL NULL metadata export the same way
        assertThat(metadataOf(byKey.get("H26"))).isEqualTo(metadataOf(byKey.get("N25")));
        // every row is exported or quarantined: the counts add up
        String line = r.out()
                .lines()
                .filter(l -> l.startsWith("kb export:"))
                .findFirst()
                .orElseThrow();
        var nums = java.util.regex.Pattern.compile("read (\\d+), exported (\\d+), rejected (\\d+)")
                .matcher(line);
        assertThat(nums.find()).isTrue();
        assertThat(Long.parseLong(nums.group(2)) + Long.parseLong(nums.group(3)))
                .isEqualTo(Long.parseLong(nums.group(1)));
        assertNoSecretAnywhere();
    }

    @Test
    void lintReportsTheHostileRowsAndGenerateRefusesWithoutForce() throws Exception {
        Map<String, String> env = Map.of("PGPASSWORD", M);
        String db = url("kb_reader", server.port());
        Path out = dir.resolve("lint.jsonl");
        CliRun.Result r = kb(env, "export", "--db-url", db, "-o", out.toString());
        String lint = Files.readString(dir.resolve("lint.lint.jsonl"));
        for (String kind : List.of(
                "special_tokens",
                "prompt_injection",
                "duplicate",
                "near_duplicate",
                "too_long",
                "no_category",
                "unknown_category",
                "category_variant")) {
            assertThat(lint).as(kind + " in " + r.out()).contains("\"kind\":\"" + kind + "\"");
        }
        // the byte-identical pair H19/H20: one is the duplicate of the other; the 200 KB chunk H23 is too long
        assertThat(lint).contains(md5Uuid("kb:H20")).contains(md5Uuid("kb:H23"));
        // '  mvq  ', 'MVQ' and 'Mvq' are the policy's mvq, in the lint and in --category alike
        Path mvq = dir.resolve("mvq.jsonl");
        CliRun.Result c = kb(env, "export", "--db-url", db, "--category", "  MVQ ", "-o", mvq.toString());
        assertThat(c.out()).as(c.err()).contains("exported 13,");
        // generate refuses before any request; the dry run says it would
        CliRun.Result g = kb(
                env,
                "generate",
                "--db-url",
                db,
                "--model",
                "m",
                "--base-url",
                "http://127.0.0.1:9",
                "--api-key-env",
                "none",
                "--state",
                dir.resolve("st").toString(),
                "-o",
                dir.resolve("gen.jsonl").toString());
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err()).contains("blocking lint findings", "--force", "nothing was sent");
        CliRun.Result d = kb(
                env,
                "generate",
                "--db-url",
                db,
                "--dry-run",
                "--state",
                dir.resolve("st").toString(),
                "-o",
                dir.resolve("gen.jsonl").toString());
        assertThat(d.out()).contains("would refuse to start");
        // --split-long turns the long chunks into parts that keep the parent id
        Path split = dir.resolve("split.jsonl");
        CliRun.Result sp = kb(env, "export", "--db-url", db, "--split-long", "-o", split.toString());
        assertThat(sp.out()).as(sp.err()).contains("split ");
        assertThat(Files.readString(split)).contains(md5Uuid("kb:H23") + "#part-");
        assertNoSecretAnywhere();
    }

    private static String metadataOf(String line) {
        int i = line.indexOf("\"metadata\":");
        if (i < 0) {
            return "(absent)";
        }
        int end = line.indexOf(',', i);
        return line.substring(i, end < 0 ? line.length() : end);
    }

    private static String md5Uuid(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        String h = java.util.HexFormat.of().formatHex(d);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}
