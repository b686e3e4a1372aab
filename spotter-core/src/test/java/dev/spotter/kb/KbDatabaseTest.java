package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.DataSourceException;
import dev.spotter.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KbDatabaseTest {
    @Test
    void convertsSupabaseUriAndHidesThePassword() {
        KbDatabase db = KbDatabase.fromUrl(
                "postgresql://postgres.abcd:p%40ss%2Fw%3Ard@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require",
                Environment.of(Map.of()));
        assertThat(db.dialect()).isEqualTo(KbDatabase.Dialect.POSTGRES);
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
        assertThat(db.visibleProperties())
                .containsEntry("user", "postgres.abcd")
                .containsEntry("sslmode", "require")
                .containsEntry("prepareThreshold", "0")
                .doesNotContainKey("password");
        assertThat(db.toString()).doesNotContain("p@ss").contains("user postgres.abcd");
        assertThat(db.redact("FATAL: password p@ss/w:rd rejected")).isEqualTo("FATAL: password *** rejected");
    }

    @Test
    void directConnectionGetsNoPoolerSettingAndPasswordMayComeFromEnv() {
        KbDatabase db = KbDatabase.fromUrl(
                "postgres://db.abcd.supabase.co:5432/postgres",
                Environment.of(Map.of("PGPASSWORD", "env-secret", "PGUSER", "postgres")));
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.abcd.supabase.co:5432/postgres");
        // every connection is pooler-safe, whatever the host and port (issue 14 item 2); Supabase hosts get TLS
        assertThat(db.visibleProperties())
                .containsEntry("user", "postgres")
                .containsEntry("prepareThreshold", "0")
                .containsEntry("sslmode", "require");
        assertThat(db.redact("x env-secret y")).isEqualTo("x *** y");
    }

    @Test
    void passwordWithAtSignUnencodedIsRefusedAsAmbiguous() {
        // which @ ends the password cannot be known in general (issue 14 item 1): refuse, never guess or echo
        assertThatThrownBy(() -> KbDatabase.fromUrl("postgresql://u:ab@cd@host:5432/db", Environment.of(Map.of())))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("percent-encode the password")
                .hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("ab@cd");
    }

    @Test
    void jdbcUrlPasswordParameterIsMovedOut() {
        KbDatabase db = KbDatabase.fromUrl(
                "jdbc:postgresql://h:5432/d?user=u&password=pw1&sslmode=require", Environment.of(Map.of()));
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");
        assertThat(db.visibleProperties()).containsEntry("user", "u").containsEntry("sslmode", "require");
        KbDatabase first = KbDatabase.fromUrl("jdbc:postgresql://h/d?password=pw1&user=u", Environment.of(Map.of()));
        assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");
        assertThat(first.toString()).doesNotContain("pw1");
    }

    @Test
    void rejectsUnknownSchemesAndEmptyUrlsWithoutShowingSecrets() {
        assertThatThrownBy(() -> KbDatabase.fromUrl("mysql://root:topsecret@h/db", Environment.of(Map.of())))
                .isInstanceOf(DataSourceException.class)
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> KbDatabase.fromUrl(" ", Environment.of(Map.of())))
                .hasMessageContaining("SPOTTER_KB_URL");
        assertThatThrownBy(() -> KbDatabase.fromUrl("postgresql://u:pw@/db", Environment.of(Map.of())))
                .hasMessageContaining("names no host")
                .hasMessageNotContaining(":pw@");
        assertThatThrownBy(() ->
                        new KbReader(KbDatabase.fromUrl("jdbc:sqlite::memory:", Environment.of(Map.of())), "x; drop"))
                .hasMessageContaining("invalid table name");
    }
}
