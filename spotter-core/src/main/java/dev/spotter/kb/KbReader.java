package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Streams the rows of a {@code knowledge_base} table as canonical {@link KbChunk}s.
 *
 * <p>How: one read-only transaction (PostgreSQL {@code BEGIN READ ONLY}, SQLite opened read-only), one
 * parameterized {@code SELECT} of the six columns in a fixed order ({@code category, id}, byte order so that
 * output is stable across locales), autocommit off and a fetch size so that the PostgreSQL driver uses a cursor
 * and memory stays flat however large the table. Rows that cannot be represented (NULL id or content, metadata
 * that is not JSON, text with NUL) are handed to {@link Sink#reject} with a reason; every row read ends in exactly
 * one of {@code accept} or {@code reject}.
 *
 * <pre>{@code
 * KbDatabase db = KbDatabase.fromUrl(env.get("SPOTTER_KB_URL").orElseThrow(), env); // env: an Environment
 * KbReader.Stats s = new KbReader(db, "knowledge_base").read(null, sink);
 * }</pre>
 */
public final class KbReader {
    static final int FETCH_SIZE = 256;

    /** Receives every row read. */
    public interface Sink {
        void accept(KbChunk chunk) throws IOException;

        /** A row that was read but cannot be exported; {@code id} may be null. */
        void reject(long row, String id, String reason) throws IOException;
    }

    /** Counts of one read: {@code read == accepted + rejected}. */
    public record Stats(long read, long accepted, long rejected) {}

    private final KbDatabase db;
    private final String table;

    public KbReader(KbDatabase db, String table) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = table == null ? "knowledge_base" : table;
        KbTable.quote(this.table); // fail fast on a bad name
    }

    /**
     * Reads all rows, or those whose category equals {@code category} (exact match) when it is not null.
     *
     * @throws DataSourceException for connection, table or column problems (one line, no password)
     * @throws UncheckedIOException when the sink fails to write
     */
    public Stats read(String category, Sink sink) {
        Objects.requireNonNull(sink, "sink");
        try (Connection c = db.open(true)) {
            KbTable t = KbTable.inspect(c, db, table);
            boolean pg = db.dialect() == KbDatabase.Dialect.POSTGRES;
            KbTable.Column idCol = t.column("id");
            KbTable.Column catCol = t.column("category");
            String catExpr = pg ? "category::text" : "category";
            String order =
                    pg ? catExpr + " COLLATE \"C\", " + (idCol.textual() ? "id COLLATE \"C\"" : "id") : "category, id";
            String sql = "SELECT id, " + catExpr + " AS category, title, content, metadata, created_at FROM " + t.quoted
                    + (category == null ? "" : " WHERE " + catExpr + " = ?") + " ORDER BY " + order;
            long read = 0;
            long ok = 0;
            try (PreparedStatement ps =
                    c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                if (category != null) {
                    ps.setString(1, category);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        String id = rs.getString(1);
                        KbChunk chunk;
                        try {
                            chunk = row(rs, t, id, pg);
                        } catch (IllegalArgumentException e) {
                            sink.reject(read, id, e.getMessage());
                            continue;
                        }
                        sink.accept(chunk);
                        ok++;
                    }
                }
            } catch (SQLException e) {
                throw new DataSourceException(db.redact(
                        "reading " + table + " from " + db.jdbcUrl() + " failed: " + KbDatabase.rootMessage(e)));
            }
            c.rollback(); // read-only: nothing to commit; ends the transaction cleanly
            return new Stats(read, ok, read - ok);
        } catch (SQLException e) {
            throw new DataSourceException(
                    db.redact("reading " + table + " from " + db.jdbcUrl() + " failed: " + KbDatabase.rootMessage(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KbChunk row(ResultSet rs, KbTable t, String id, boolean pg) throws SQLException {
        if (id == null) {
            throw new IllegalArgumentException("id is NULL");
        }
        Canonical.checkText(id, "id");
        boolean numeric = t.column("id").integral();
        if (numeric && !id.matches("-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("id " + Canonical.abbreviate(id, 40) + " is not an integer");
        }
        String category = rs.getString(2);
        String title = rs.getString(3);
        String content = rs.getString(4);
        Canonical.checkText(category, "category");
        Canonical.checkText(title, "title");
        if (content == null) {
            throw new IllegalArgumentException("content is NULL");
        }
        if (content.isBlank()) {
            throw new IllegalArgumentException("content is blank");
        }
        Canonical.checkText(content, "content");
        String meta = rs.getString(5);
        String metadata = meta == null ? null : Canonical.json(meta);
        return new KbChunk(id, numeric, category, title, content, metadata, createdAt(rs, t.column("created_at"), pg));
    }

    private static String createdAt(ResultSet rs, KbTable.Column col, boolean pg) throws SQLException {
        // SQLite accepts any declared type name (the seed says timestamptz) but stores text: read it as text there.
        String type = pg ? col.typeName() : "";
        if (type.equals("timestamptz")) {
            OffsetDateTime v = rs.getObject(6, OffsetDateTime.class);
            return v == null ? null : instant(v);
        }
        if (type.equals("timestamp")) {
            LocalDateTime v = rs.getObject(6, LocalDateTime.class);
            return v == null ? null : instant(v.atOffset(ZoneOffset.UTC));
        }
        String s = rs.getString(6);
        return s == null ? null : Canonical.timestamp(s);
    }

    private static String instant(OffsetDateTime v) {
        if (v.equals(OffsetDateTime.MAX) || v.equals(OffsetDateTime.MIN) || v.getYear() < 1 || v.getYear() > 9999) {
            throw new IllegalArgumentException("created_at is out of range (" + v.getYear() + "), e.g. 'infinity'");
        }
        return Canonical.timestamp(v.toInstant());
    }
}
