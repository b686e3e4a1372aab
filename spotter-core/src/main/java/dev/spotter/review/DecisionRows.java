package dev.spotter.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The decisions database's schema and the mapping between its rows and {@link Decision}/{@link DecisionStore.Lease}. */
final class DecisionRows {
    /** The decision columns, in the order {@link #decision(ResultSet)} reads them. */
    static final String COLUMNS =
            "id,source,content_hash,record_id,line,batch,action,reason,note,edited,original,reviewer,decided_at,ms_spent,origin";

    private DecisionRows() {}

    /** Creates the tables and indexes if missing (idempotent). */
    static void createSchema(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS decisions(
                  id INTEGER PRIMARY KEY,
                  source TEXT NOT NULL,
                  content_hash TEXT NOT NULL,
                  record_id TEXT NOT NULL,
                  line INTEGER NOT NULL,
                  batch TEXT NOT NULL,
                  action TEXT NOT NULL CHECK(action IN ('accept','reject','edit')),
                  reason TEXT,
                  note TEXT,
                  edited TEXT,
                  original TEXT,
                  reviewer TEXT NOT NULL,
                  decided_at TEXT NOT NULL,
                  ms_spent INTEGER NOT NULL,
                  origin TEXT NOT NULL,
                  ended_at TEXT,
                  ended_by INTEGER,
                  end_kind TEXT CHECK(end_kind IN ('undo','superseded')))""");
        s.execute("CREATE UNIQUE INDEX IF NOT EXISTS one_live_decision ON decisions(source, content_hash)"
                + " WHERE ended_at IS NULL");
        s.execute("CREATE INDEX IF NOT EXISTS by_reviewer ON decisions(reviewer, id)");
        s.execute("CREATE INDEX IF NOT EXISTS by_record ON decisions(source, record_id)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS signoffs(
                  id INTEGER PRIMARY KEY,
                  source TEXT NOT NULL,
                  batch TEXT NOT NULL,
                  members_hash TEXT NOT NULL,
                  reviewer TEXT NOT NULL,
                  signed_at TEXT NOT NULL)""");
        s.execute("CREATE INDEX IF NOT EXISTS signoffs_by_batch ON signoffs(source, batch)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS leases(
                  source TEXT NOT NULL,
                  content_hash TEXT NOT NULL,
                  session TEXT NOT NULL,
                  reviewer TEXT NOT NULL,
                  taken_at TEXT NOT NULL,
                  expires_at TEXT NOT NULL,
                  PRIMARY KEY(source, content_hash))""");
        s.execute("CREATE INDEX IF NOT EXISTS leases_by_session ON leases(session)");
        s.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '1')");
    }

    static void setNullable(PreparedStatement ps, int i, @Nullable String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    static Decision decision(ResultSet rs) throws SQLException {
        Decision.Action action = Decision.Action.parse(rs.getString(7));
        if (action == null) {
            throw new SQLException("decision " + rs.getLong(1) + " has an unknown action " + rs.getString(7));
        }
        return new Decision(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                action,
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                Instant.parse(rs.getString(13)),
                rs.getLong(14),
                rs.getString(15));
    }

    static DecisionStore.Lease lease(ResultSet rs) throws SQLException {
        return new DecisionStore.Lease(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.parse(rs.getString(5)),
                Instant.parse(rs.getString(6)));
    }
}
