package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Loads chunks JSONL into a {@code knowledge_base} table: upsert by {@code id}, in ONE transaction (all or
 * nothing), batched. Meant for local copies and tests; the source of truth stays the user's Supabase table.
 *
 * <p>Every line read is accounted for: upserted, or written to the quarantine with a reason (bad JSON, missing
 * id or content, NUL in text, an id that does not fit the id column's type, …). Blank lines are skipped.
 * A database error (constraint, permission) rolls back the whole import and is reported as one line.
 *
 * <pre>{@code
 * KbImporter.Stats s = new KbImporter(db, "knowledge_base").createTable(KbImporter.IdType.AUTO)
 *         .importFile(Path.of("chunks.jsonl"), Path.of("chunks.quarantine.jsonl"));
 * }</pre>
 */
public final class KbImporter {
    /** Type of the id column when the importer creates the table. */
    public enum IdType {
        /** From the first valid record: JSON integer → bigint, canonical UUID → uuid, otherwise text. */
        AUTO,
        UUID,
        BIGINT,
        TEXT
    }

    /** Counts of one import: {@code read == upserted + rejected}. */
    public record Stats(long read, long upserted, long rejected) {}

    static final int BATCH = 200;
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final KbDatabase db;
    private final String table;
    private IdType create; // null: the table must exist

    public KbImporter(KbDatabase db, String table) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = table == null ? "knowledge_base" : table;
        KbTable.quote(this.table);
    }

    /** Creates the table first if it does not exist ({@code CREATE TABLE IF NOT EXISTS}). */
    public KbImporter createTable(IdType idType) {
        this.create = Objects.requireNonNull(idType, "idType");
        return this;
    }

    public Stats importFile(Path file, Path quarantine) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(quarantine, "quarantine");
        dev.spotter.FileException.requireReadableFile(file);
        try (Connection c = db.open(false)) {
            if (create != null) {
                createTable(c, create == IdType.AUTO ? inferIdType(file) : create);
            }
            KbTable t = KbTable.inspect(c, db, table).requireStandard(db);
            Binder binder = new Binder(t, db.dialect());
            long read = 0;
            long ok = 0;
            long batchStart = 0;
            int pending = 0;
            try (BufferedReader in = reader(file);
                    Quarantine q = Quarantine.ofFile(quarantine, file.toString());
                    PreparedStatement ps = c.prepareStatement(binder.sql())) {
                String line;
                long lineNo = 0;
                while ((line = readLine(in, file, lineNo)) != null) {
                    lineNo++;
                    if (lineNo == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    read++;
                    KbChunk chunk;
                    try {
                        chunk = ChunkJsonl.parse(line);
                        binder.bind(ps, chunk);
                    } catch (IllegalArgumentException e) {
                        q.add(lineNo, null, "invalid_chunk", e.getMessage(), Canonical.abbreviate(line, 2000));
                        continue;
                    }
                    if (pending == 0) {
                        batchStart = lineNo;
                    }
                    ps.addBatch();
                    pending++;
                    ok++;
                    if (pending == BATCH) {
                        execute(ps, batchStart, lineNo);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    execute(ps, batchStart, lineNo);
                }
                c.commit();
                return new Stats(read, ok, read - ok);
            } catch (IOException e) {
                KbTable.rollbackQuietly(c);
                throw new DataSourceException("cannot import " + file + ": " + e.getMessage(), e);
            } catch (DataSourceException e) {
                KbTable.rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new DataSourceException(db.redact(
                    "import into " + table + " at " + db.jdbcUrl() + " failed: " + KbDatabase.rootMessage(e)));
        }
    }

    private void execute(PreparedStatement ps, long from, long to) {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException detail =
                    e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
            throw new DataSourceException(
                    db.redact("import into " + table + " failed in lines " + from + "–" + to + ": "
                            + KbDatabase.rootMessage(detail).lines().findFirst().orElse("")
                            + "; nothing was written (rolled back)"));
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        // Strict UTF-8: a bad byte is an error, not a silent U+FFFD that would then be stored.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        } catch (IOException e) {
            throw dev.spotter.FileException.reading(file, e);
        }
    }

    private static String readLine(BufferedReader in, Path file, long lineNo) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw new DataSourceException(file + ": line " + (lineNo + 1) + " is not valid UTF-8");
        }
    }

    private IdType inferIdType(Path file) {
        try (BufferedReader in = reader(file)) {
            String line;
            long lineNo = 0;
            while ((line = readLine(in, file, lineNo)) != null) {
                lineNo++;
                try {
                    KbChunk c = ChunkJsonl.parse(line.startsWith("\uFEFF") ? line.substring(1) : line);
                    if (c.numericId()) {
                        return IdType.BIGINT;
                    }
                    return UUID_SHAPE.matcher(c.id()).matches() ? IdType.UUID : IdType.TEXT;
                } catch (IllegalArgumentException e) {
                    // not a valid record; it will be quarantined by the import pass. Look at the next one.
                }
            }
            return IdType.TEXT;
        } catch (IOException e) {
            throw new DataSourceException("cannot read " + file + ": " + dev.spotter.kernel.IoErrors.reason(e), e);
        }
    }

    private void createTable(Connection c, IdType idType) throws SQLException {
        boolean pg = db.dialect() == KbDatabase.Dialect.POSTGRES;
        String id = switch (idType) {
            case UUID -> pg ? "uuid" : "TEXT";
            case BIGINT -> pg ? "bigint" : "INTEGER";
            default -> "text";
        };
        String sql = "CREATE TABLE IF NOT EXISTS " + KbTable.quote(table) + " (id " + id + " PRIMARY KEY NOT NULL, "
                + "category text, title text, content text NOT NULL, metadata " + (pg ? "jsonb" : "TEXT")
                + ", created_at " + (pg ? "timestamptz DEFAULT now()" : "TEXT") + ")";
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            KbTable.rollbackQuietly(c);
            throw new DataSourceException(db.redact(
                    "cannot create table " + table + " at " + db.jdbcUrl() + ": " + KbDatabase.rootMessage(e)));
        }
    }

    /** Builds the upsert for the table's actual column types and binds one chunk, validating it against them. */
    private static final class Binder {
        private final KbTable t;
        private final boolean pg;
        private final KbTable.Column id;
        private final KbTable.Column meta;
        private final KbTable.Column created;
        private final KbTable.Column updated; // null when the table has no updated_at column

        Binder(KbTable t, KbDatabase.Dialect dialect) {
            this.t = t;
            this.pg = dialect == KbDatabase.Dialect.POSTGRES;
            this.id = t.column("id");
            this.meta = t.column("metadata");
            this.created = t.column("created_at");
            this.updated = t.column("updated_at");
        }

        String sql() {
            String idParam = pg && id.typeName().equals("uuid") ? "CAST(? AS uuid)" : "?";
            String metaParam =
                    pg && (meta.typeName().equals("jsonb") || meta.typeName().equals("json"))
                            ? "CAST(? AS " + meta.typeName() + ")"
                            : "?";
            return "INSERT INTO " + t.quoted + " (id, category, title, content, metadata, created_at"
                    + (updated == null ? "" : ", updated_at") + ") VALUES ("
                    + idParam + ", ?, ?, ?, " + metaParam + ", ?" + (updated == null ? "" : ", ?")
                    + ") ON CONFLICT (id) DO UPDATE SET "
                    + "category = EXCLUDED.category, title = EXCLUDED.title, content = EXCLUDED.content, "
                    + "metadata = EXCLUDED.metadata, created_at = EXCLUDED.created_at"
                    + (updated == null ? "" : ", updated_at = EXCLUDED.updated_at");
        }

        void bind(PreparedStatement ps, KbChunk c) throws SQLException {
            String idType = id.typeName();
            if (pg && idType.equals("uuid")) {
                if (!UUID_SHAPE.matcher(c.id()).matches()) {
                    throw new IllegalArgumentException(
                            "id \"" + Canonical.abbreviate(c.id(), 40) + "\" is not a UUID (column id is uuid)");
                }
                ps.setString(1, c.id().toLowerCase(Locale.ROOT));
            } else if (id.integral()) {
                if (!c.id().matches("-?[0-9]{1,19}")) {
                    throw new IllegalArgumentException("id \"" + Canonical.abbreviate(c.id(), 40)
                            + "\" is not an integer (column id is " + idType + ")");
                }
                try {
                    ps.setLong(1, Long.parseLong(c.id()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("id " + c.id() + " does not fit a bigint");
                }
            } else {
                ps.setString(1, c.id());
            }
            ps.setString(2, c.category());
            ps.setString(3, c.title());
            ps.setString(4, c.content());
            if (c.metadata() == null) {
                ps.setNull(5, Types.VARCHAR);
            } else {
                ps.setString(5, c.metadata());
            }
            bindTime(ps, 6, created, c.createdAt());
            if (updated != null) {
                bindTime(ps, 7, updated, c.updatedAt());
            }
        }

        private void bindTime(PreparedStatement ps, int index, KbTable.Column col, String value) throws SQLException {
            String ts = col.typeName();
            if (value == null) {
                ps.setNull(index, pg && ts.equals("timestamptz") ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
            } else if (pg && ts.equals("timestamptz")) {
                ps.setObject(index, OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC));
            } else if (pg && ts.equals("timestamp")) {
                ps.setObject(
                        index,
                        OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC)
                                .toLocalDateTime());
            } else {
                ps.setString(index, value);
            }
        }
    }
}
