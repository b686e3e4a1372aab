package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every connection string of the independent fixture urls.md, parsed offline: what it connects as (user, the exact
 * decoded password, host, port, database, parameters), or the refusal and its wording. The messages must not hold
 * the password or any fragment of it. The same strings against a real server: KbSupabaseTest (spotter-cli).
 */
class PgUrlTest {
    static final String M = UrlCases.MARKER;
    static final String REF = "abcdefghijklmnopqrst";

    /** An accepted string: who it logs in as and where. */
    record Ok(String user, String password, String jdbcUrl) {}

    /** A refused one: words the message must contain. */
    record Refused(String... words) {}

    static final Refused ENCODE = new Refused("ambiguous", "percent-encode the password", "PGPASSWORD");

    static Map<String, Object> expected() {
        String local = "jdbc:postgresql://127.0.0.1:5432/kbtest";
        String v6 = "jdbc:postgresql://[::1]:5432/kbtest";
        String simple = "kb_reader_simple_pw";
        Map<String, Object> m = new HashMap<>();
        m.put("L01", new Ok("kb_reader", M, local));
        m.put("L02", new Ok("kb_reader", M, local));
        m.put("L03", new Ok("kb_reader", M, local)); // a literal + stays a +
        m.put("L04", new Ok("kb_reader", "S3cr3t-MARKER-p@ss:w/rd#?&%+=+x", local)); // + is not a space: wrong pw
        m.put("L05", ENCODE);
        m.put("L06", ENCODE);
        m.put("L07", ENCODE);
        m.put("L08", new Ok("kb_reader_simple", simple, v6));
        m.put("L09", new Ok("kb_reader_simple", simple, local));
        m.put("L10", new Ok("kb_reader_simple", simple, local));
        m.put("L11", new Ok("kb_reader", null, local)); // PGPASSWORD fills it (checked below)
        m.put("L12", new Ok("kb_reader", "wrong", local)); // the URL's password wins, as in libpq
        m.put("L13", new Ok("kb_reader", M, local));
        for (String id : List.of("L14", "L15", "L16", "L17", "L18", "L19", "L22", "L28")) {
            m.put(id, new Ok("kb_reader_simple", simple, local));
        }
        m.put("L20", new Ok("kb_reader", M, local)); // jdbc userinfo moved out and percent-decoded
        m.put("L21", new Ok("kb_reader", M, local));
        m.put("L23", ENCODE);
        m.put("L24", ENCODE);
        m.put("L25", new Ok("kb_reader_simple", simple, v6));
        m.put("L26", new Ok("kb_nopolicy", "kb_nopolicy_pw", local));
        m.put("L27", new Ok("kb_nogrant", "kb_nogrant_pw", local));
        m.put("L29", new Refused("Unix-domain sockets", "not supported"));
        m.put("L30", new Refused("[YOUR-PASSWORD]", "PGPASSWORD"));
        String direct = "jdbc:postgresql://db." + REF + ".supabase.co:5432/postgres";
        String session = "jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres";
        String tx = "jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres";
        m.put("S01", new Ok("postgres", M, direct));
        m.put("S02", new Refused("[YOUR-PASSWORD]"));
        m.put("S03", new Ok("postgres." + REF, M, session)); // the dotted pooler user kept verbatim
        m.put("S04", new Ok("postgres", M, session));
        m.put(
                "S05",
                new Ok("postgres." + REF, M, "jdbc:postgresql://aws-1-us-east-2.pooler.supabase.com:6543/postgres"));
        m.put("S06", new Ok("postgres." + REF, M, tx));
        m.put("S07", new Ok("postgres." + REF, M, tx));
        m.put("S08", new Ok("postgres", M, direct));
        m.put("S09", new Ok("postgres", M, direct));
        m.put("S10", ENCODE);
        m.put("S11", new Ok("postgres", "Simple123", direct));
        m.put("S12", new Ok("postgres", M, direct));
        m.put("S13", new Ok("postgres", "Simple123", direct));
        m.put("S14", new Refused("REST API", "--supabase-url"));
        m.put("S15", new Ok("postgres", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.sig", direct));
        return m;
    }

    @Test
    void everyStringOfUrlsMdParsesOrIsRefusedAsExpected() throws Exception {
        List<UrlCases.Case> cases = UrlCases.all("127.0.0.1", 5432, "kbtest");
        Map<String, Object> exp = expected();
        assertThat(cases).extracting(UrlCases.Case::id).containsExactlyInAnyOrderElementsOf(exp.keySet());
        for (UrlCases.Case c : cases) {
            Object e = exp.get(c.id());
            Environment env = Environment.of(c.pgPassword() == null ? Map.of() : Map.of("PGPASSWORD", c.pgPassword()));
            if (e instanceof Ok ok) {
                PgUrl p = PgUrl.parse(PgUrl.clean(c.input()));
                assertThat(p.user).as(c.id()).isEqualTo(ok.user());
                assertThat(p.password).as(c.id()).isEqualTo(ok.password());
                assertThat(p.jdbcUrl()).as(c.id()).isEqualTo(ok.jdbcUrl());
                KbDatabase db = KbDatabase.fromUrl(c.input(), env);
                assertThat(db.jdbcUrl()).as(c.id()).isEqualTo(ok.jdbcUrl());
                assertThat(db.visibleProperties()).as(c.id()).containsEntry("prepareThreshold", "0");
                assertThat(db.toString() + db.visibleProperties()).as(c.id()).satisfies(PgUrlTest::noSecret);
            } else {
                Refused r = (Refused) e;
                assertThatThrownBy(() -> KbDatabase.fromUrl(c.input(), env))
                        .as(c.id())
                        .isInstanceOf(DataSourceException.class)
                        .satisfies(x -> assertThat(x.getMessage()).contains(r.words()))
                        .satisfies(x -> noSecret(x.getMessage()));
            }
        }
    }

    @Test
    void parametersAreTranslatedNotPassedThrough() throws Exception {
        Map<String, UrlCases.Case> byId = new HashMap<>();
        UrlCases.all("127.0.0.1", 5432, "kbtest").forEach(c -> byId.put(c.id(), c));
        Environment none = Environment.of(Map.of());
        KbDatabase l28 = KbDatabase.fromUrl(byId.get("L28").input(), none);
        assertThat(l28.visibleProperties())
                .containsEntry("sslmode", "disable")
                .containsEntry("ApplicationName", "kb export");
        KbDatabase l10 = KbDatabase.fromUrl(byId.get("L10").input(), none);
        assertThat(l10.visibleProperties()).doesNotContainKey("pgbouncer").containsEntry("prepareThreshold", "0");
        KbDatabase s07 = KbDatabase.fromUrl(byId.get("S07").input(), none);
        assertThat(s07.visibleProperties())
                .doesNotContainKeys("pgbouncer", "connection_limit")
                .containsEntry("sslmode", "require"); // Supabase host: TLS by default
        KbDatabase s09 = KbDatabase.fromUrl(byId.get("S09").input(), none);
        assertThat(s09.visibleProperties()).containsEntry("sslmode", "verify-full");
        // PGPASSWORD is taken raw (L11) and loses to a password in the URL (L12)
        KbDatabase l11 = KbDatabase.fromUrl(byId.get("L11").input(), Environment.of(Map.of("PGPASSWORD", M)));
        assertThat(l11.redact("x " + M + " y")).isEqualTo("x *** y");
        KbDatabase l12 = KbDatabase.fromUrl(byId.get("L12").input(), Environment.of(Map.of("PGPASSWORD", M)));
        assertThat(l12.redact("x " + M + " y")).isEqualTo("x " + M + " y"); // M is not its password
        // ?pgbouncer=true wins over an explicit prepareThreshold
        assertThat(KbDatabase.fromUrl("postgresql://u@h:6432/d?prepareThreshold=5&pgbouncer=true", none)
                        .visibleProperties())
                .containsEntry("prepareThreshold", "0");
    }

    @Test
    void moreAmbiguousShapesAreRefusedWithoutEchoingThem() {
        Environment none = Environment.of(Map.of());
        for (String url : List.of(
                "postgresql://kb_t:Zq1/Wv2@127.0.0.1:5432/kbtest", // a / in the password
                "postgresql://kb_t:123/Wv2@127.0.0.1:5432/kbtest", // ... that leaves a numeric "port"
                "postgresql://kb_t:Zq1?Wv2@127.0.0.1:5432/kbtest", // a ? in the password
                "postgresql://kb_t:Zq1#Wv2@127.0.0.1:5432/kbtest", // a # in the password
                "postgresql://kb_t:Zq1 Wv2@127.0.0.1:5432/kbtest", // a space
                "jdbc:postgresql://127.0.0.1/kbtest?user=u&password=Zq1&Wv2", // an & in the password
                "jdbc:postgresql://127.0.0.1/kbtest?user=u&password=Zq1&password=Wv2")) {
            assertThatThrownBy(() -> KbDatabase.fromUrl(url, none))
                    .as(url)
                    .isInstanceOf(DataSourceException.class)
                    .hasMessageContaining("percent-encode the password")
                    .satisfies(x -> assertThat(x.getMessage()).doesNotContain("Zq1", "Wv2", "kb_t", "127.0.0.1"));
        }
        assertThatThrownBy(() -> KbDatabase.fromUrl("mysql://root:Secret-9@db/x", none))
                .hasMessageContaining("unsupported database URL (scheme mysql)")
                .hasMessageNotContaining("Secret-9");
    }

    static void noSecret(String text) {
        for (String f : UrlCases.FRAGMENTS) {
            assertThat(text).as("secret fragment " + f).doesNotContain(f);
        }
    }
}
