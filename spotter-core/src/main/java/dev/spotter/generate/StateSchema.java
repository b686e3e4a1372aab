package dev.spotter.generate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@code state.db} ({@link GenerationState}): {@code responses} (every response with its verdict),
 * {@code received} (responses committed on arrival, before their check), {@code retries} (HTTP retries by cause),
 * {@code batch_requests} and {@code meta}. Creating is idempotent; a state written before a column existed gets it
 * added ({@code ALTER TABLE}).
 */
final class StateSchema {
    private StateSchema() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS responses(
                      id INTEGER PRIMARY KEY,
                      custom_id TEXT NOT NULL UNIQUE,
                      category TEXT NOT NULL,
                      slot INTEGER NOT NULL,
                      attempt INTEGER NOT NULL,
                      status TEXT NOT NULL CHECK (status IN ('accepted','rejected','surplus','error')),
                      filled_slot INTEGER,
                      example TEXT,
                      reason_code TEXT,
                      reason TEXT,
                      attributes TEXT NOT NULL,
                      prompt_hash TEXT NOT NULL,
                      provider TEXT, model TEXT, request_id TEXT, mode TEXT NOT NULL,
                      input_tokens INTEGER NOT NULL DEFAULT 0,
                      output_tokens INTEGER NOT NULL DEFAULT 0,
                      cost_usd REAL,
                      price_as_of TEXT,
                      raw TEXT,
                      created_at TEXT NOT NULL,
                      user_hash TEXT)""");
            if (!hasColumn(c, "responses", "estimated_usd")) { // states written before the column existed
                s.execute("ALTER TABLE responses ADD COLUMN estimated_usd REAL");
            }
            if (!hasColumn(c, "responses", "run_id")) { // the run that put the row in the output (review batches)
                s.execute("ALTER TABLE responses ADD COLUMN run_id TEXT");
            }
            s.execute("""
                    CREATE TABLE IF NOT EXISTS received(
                      custom_id TEXT PRIMARY KEY, category TEXT NOT NULL, slot INTEGER NOT NULL, attempt INTEGER NOT NULL,
                      attributes TEXT NOT NULL, prompt_hash TEXT NOT NULL, provider TEXT, model TEXT, request_id TEXT,
                      mode TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, cost_usd REAL,
                      price_as_of TEXT, raw TEXT, estimated_usd REAL, received_at TEXT NOT NULL)""");
            s.execute("CREATE TABLE IF NOT EXISTS retries(cause TEXT PRIMARY KEY, count INTEGER NOT NULL)");
            s.execute(
                    "CREATE UNIQUE INDEX IF NOT EXISTS one_accept_per_slot ON responses(category, filled_slot) WHERE status='accepted'");
            s.execute("CREATE INDEX IF NOT EXISTS by_slot ON responses(category, slot)");
            s.execute("CREATE INDEX IF NOT EXISTS by_user_hash ON responses(user_hash) WHERE user_hash IS NOT NULL");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS batch_requests(
                      custom_id TEXT PRIMARY KEY, category TEXT NOT NULL, slot INTEGER NOT NULL, attempt INTEGER NOT NULL,
                      attributes TEXT NOT NULL, prompt_hash TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
                      exported_at TEXT NOT NULL)""");
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equalsIgnoreCase(rs.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
