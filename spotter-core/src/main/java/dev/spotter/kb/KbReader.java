package dev.spotter.kb;

import dev.spotter.DataSourceException;
import dev.spotter.kb.KbColumns.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Streams the rows of a knowledge-base table as canonical {@link KbChunk}s.
 *
 * <p>How: one read-only transaction (PostgreSQL {@code BEGIN READ ONLY}, SQLite opened read-only), one
 * {@code SELECT} of the mapped columns only ({@link KbColumns}), in a fixed order ({@code category, id}, byte order
 * so that output is stable across locales), autocommit off and a fetch size so that the PostgreSQL driver uses a
 * cursor and memory stays flat however large the table. Rows that cannot be represented (NULL id or content,
 * blank content, metadata that is not JSON, text with NUL) are handed to {@link Sink#reject} with a reason; every
 * row read ends in exactly one of {@code accept}, {@code reject} or the category filter's skip count. A timestamp
 * that cannot be represented ({@code 'infinity'}, out of range, unreadable text) drops that field, not the chunk,
 * and is counted in {@link Stats#notes}. JSON {@code null} metadata and SQL NULL both export as {@code null}.
 *
 * <p><b>Row-level security.</b> When a PostgreSQL table returns no rows, the reader asks the catalog why before
 * reporting success: if row-level security is on for the table and this role neither owns it nor bypasses RLS,
 * the read fails and the message names the policies that apply to the role (or says there are none) and the
 * {@code CREATE POLICY} that would let it read. An empty export from a protected table is never a silent success.
 *
 * <pre>{@code
 * KbDatabase db = KbDatabase.fromUrl(env.get("SPOTTER_KB_URL").orElseThrow(), env); // env: an Environment
 * KbReader.Stats s = new KbReader(db, "knowledge_base").read(null, sink);
 * }</pre>
 */
public final class KbReader {
    static final int FETCH_SIZE = 256;
    /** The alias of the table in the reader's {@code SELECT}, so that {@code ORDER BY} can name input columns. */
    private static final String ROW = "kb_row";

    /** Receives every row read. */
    public interface Sink {
        void accept(KbChunk chunk) throws IOException;

        /** A row that was read but cannot be exported; {@code id} may be null. */
        void reject(long row, String id, String reason) throws IOException;
    }

    /**
     * Counts of one read: {@code read == accepted + rejected + skipped} ({@code skipped}: rows of other categories
     * than the one asked for). {@code notes} counts fields dropped from kept chunks, by what happened.
     */
    public record Stats(long read, long accepted, long rejected, long skipped, Map<String, Long> notes) {
        public Stats {
            notes = Map.copyOf(notes);
        }

        public Stats(long read, long accepted, long rejected) {
            this(read, accepted, rejected, 0, Map.of());
        }
    }

    private final KbDatabase db;
    private final String table;
    private final KbColumns mapping;

    public KbReader(KbDatabase db, String table) {
        this(db, table, KbColumns.defaults());
    }

    public KbReader(KbDatabase db, String table, KbColumns columns) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = table == null ? "knowledge_base" : table;
        this.mapping = Objects.requireNonNull(columns, "columns");
        KbTable.quote(this.table); // fail fast on a bad name
    }

    /** Where this reader reads from, for messages: {@code table knowledge_base at jdbc:… (user …)}. */
    public String describe() {
        return "table " + table + " at " + db + (mapping.isDefault() ? "" : " (columns " + mapping.describe() + ")");
    }

    /**
     * Reads all rows, or those whose category equals {@code category} by {@link Categories#key} when it is not null.
     *
     * @throws DataSourceException for connection, table, column or row-level-security problems (one line, no
     *     password)
     * @throws UncheckedIOException when the sink fails to write
     */
    public Stats read(String category, Sink sink) {
        String k = category == null ? null : Categories.key(category);
        return readWhere(k == null ? c -> true : c -> k.equals(Categories.key(c)), sink);
    }

    /** Reads the rows whose category {@code wanted} accepts (the others are counted as skipped). */
    public Stats readWhere(Predicate<String> wanted, Sink sink) {
        Objects.requireNonNull(sink, "sink");
        try (Connection c = db.open(true)) {
            KbTable t = KbTable.inspect(c, db, table);
            KbTable.Bound b = t.bind(mapping, db);
            boolean pg = db.dialect() == KbDatabase.Dialect.POSTGRES;
            List<Field> fields = new ArrayList<>(b.select().keySet());
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < fields.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(b.select().get(fields.get(i)));
            }
            String order = orderBy(b, pg);
            sql.append(" FROM ")
                    .append(t.quoted)
                    .append(" AS ")
                    .append(ROW)
                    .append(" ORDER BY ")
                    .append(order);
            long read = 0;
            long ok = 0;
            long skipped = 0;
            Map<String, Long> notes = new TreeMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        Row r = new Row(rs, fields);
                        String id = r.text(Field.ID);
                        if (!wanted.test(r.text(Field.CATEGORY))) {
                            skipped++;
                            continue;
                        }
                        KbChunk chunk;
                        try {
                            chunk = row(r, b, id, pg, notes);
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
            if (read == 0 && pg) {
                RowSecurity.explainEmpty(c, db, table);
            }
            c.rollback(); // read-only: nothing to commit; ends the transaction cleanly
            return new Stats(read, ok, read - ok - skipped, skipped, notes);
        } catch (SQLException e) {
            throw new DataSourceException(
                    db.redact("reading " + table + " from " + db.jdbcUrl() + " failed: " + KbDatabase.rootMessage(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code ORDER BY} of the export: {@code category, id}; text (and JSON-path) values in byte order
     * ({@code COLLATE "C"}, the same in every locale), other ids (bigint, uuid) by their own type's order.
     *
     * <p>The id column is named through the table alias ({@code kb_row."id"}) on purpose: in {@code ORDER BY} a bare
     * name refers to an <em>output</em> column first (SQL-92 rule, PostgreSQL's SELECT reference), and the select
     * list casts the id to text under the column's own name ({@code "id"::text}), so {@code ORDER BY "id"} sorted
     * the text of a bigint (0, 1, 10, 100, 2, …). Expressions ({@code "id"::text COLLATE "C"}) always name input
     * columns.
     */
    static String orderBy(KbTable.Bound b, boolean pg) {
        KbTable.Column idColumn = b.columns().get(Field.ID);
        boolean textId = idColumn.textual() || Boolean.TRUE.equals(b.jsonPath().get(Field.ID));
        String idExpr = b.select().get(Field.ID);
        String idOrder = !pg ? idExpr : textId ? idExpr + " COLLATE \"C\"" : ROW + "." + KbTable.quoteColumn(idColumn);
        String catExpr = b.select().get(Field.CATEGORY);
        return catExpr == null ? idOrder : (pg ? catExpr + " COLLATE \"C\"" : catExpr) + ", " + idOrder;
    }

    /** One result row, by field. */
    private record Row(ResultSet rs, List<Field> fields) {
        int index(Field f) {
            int i = fields.indexOf(f);
            return i < 0 ? -1 : i + 1;
        }

        String text(Field f) throws SQLException {
            int i = index(f);
            return i < 0 ? null : rs.getString(i);
        }
    }

    private static KbChunk row(Row r, KbTable.Bound b, String id, boolean pg, Map<String, Long> notes)
            throws SQLException {
        if (id == null) {
            throw new IllegalArgumentException("id is NULL");
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id is empty");
        }
        Canonical.checkText(id, "id");
        boolean numeric =
                !b.jsonPath().get(Field.ID) && b.columns().get(Field.ID).integral();
        if (numeric && !id.matches("-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("id " + Canonical.abbreviate(id, 40) + " is not an integer");
        }
        String category = r.text(Field.CATEGORY);
        String title = r.text(Field.TITLE);
        String content = r.text(Field.CONTENT);
        Canonical.checkText(category, "category");
        Canonical.checkText(title, "title");
        if (content == null) {
            throw new IllegalArgumentException("content is NULL");
        }
        if (Canonical.isBlank(content)) {
            throw new IllegalArgumentException("content is blank");
        }
        Canonical.checkText(content, "content");
        String meta = r.text(Field.METADATA);
        String metadata = meta == null ? null : Canonical.json(meta);
        if ("null".equals(metadata)) {
            metadata = null; // JSON null and SQL NULL mean the same: no metadata
        }
        return new KbChunk(
                id,
                numeric,
                category,
                title,
                content,
                metadata,
                timestamp(r, b, Field.CREATED_AT, pg, notes),
                timestamp(r, b, Field.UPDATED_AT, pg, notes));
    }

    /** A timestamp field in canonical form; one that cannot be represented is dropped (null) and noted. */
    private static String timestamp(Row r, KbTable.Bound b, Field f, boolean pg, Map<String, Long> notes)
            throws SQLException {
        int i = r.index(f);
        if (i < 0) {
            return null;
        }
        // SQLite accepts any declared type name (the seed says timestamptz) but stores text: read it as text there.
        String type = pg && !b.jsonPath().get(f) ? b.columns().get(f).typeName() : "";
        ResultSet rs = r.rs();
        OffsetDateTime v;
        try {
            switch (type) {
                case "timestamptz" -> v = rs.getObject(i, OffsetDateTime.class);
                case "timestamp" -> {
                    LocalDateTime l = rs.getObject(i, LocalDateTime.class);
                    v = l == null ? null : l.atOffset(ZoneOffset.UTC);
                }
                case "date" -> {
                    LocalDate d = rs.getObject(i, LocalDate.class);
                    v = d == null ? null : d.atStartOfDay().atOffset(ZoneOffset.UTC);
                }
                default -> {
                    return Canonical.keptTimestamp(rs.getString(i), f.key(), notes); // text (SQLite, JSON paths)
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            return Canonical.droppedTimestamp(f.key(), false, notes);
        }
        if (v == null) {
            return null;
        }
        // pgjdbc maps 'infinity' / '-infinity' to OffsetDateTime.MAX / MIN
        if (v.equals(OffsetDateTime.MAX) || v.equals(OffsetDateTime.MIN)) {
            return Canonical.droppedTimestamp(f.key(), true, notes);
        }
        try {
            if (v.getYear() < 1 || v.getYear() > 9999) {
                return Canonical.droppedTimestamp(f.key(), false, notes);
            }
            return Canonical.timestamp(v.toInstant());
        } catch (IllegalArgumentException e) {
            return Canonical.droppedTimestamp(f.key(), false, notes);
        }
    }
}
