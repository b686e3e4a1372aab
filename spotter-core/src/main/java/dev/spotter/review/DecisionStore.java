package dev.spotter.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decisions database: one SQLite file ({@code WAL}, {@code synchronous=FULL}, busy timeout) beside the project's
 * state, never in an upload folder. Tables: {@code decisions} (append-only history; a decision ends by undo or by
 * a later decision on the same record, never by an UPDATE of its content), {@code signoffs}, {@code leases}.
 *
 * <p>Crash safety: every write is one transaction committed before the call returns, with the fsync that
 * {@code synchronous=FULL} implies, so {@code kill -9} loses at most the call in flight. A partial unique index on
 * {@code (source, content_hash) WHERE ended_at IS NULL} makes two live decisions on one record impossible, even from
 * two processes sharing the file.
 *
 * <p>Concurrency: reviewers get records through leases ({@link #lease}): a record leased by another session whose
 * lease has not expired cannot be leased or decided. A decision names the live decision it replaces (0 for none);
 * if another reviewer decided meanwhile, it is refused with a {@link Conflict} instead of overwriting.
 *
 * <p>All methods are synchronized on one connection (one writer). Nothing here caches; callers that need fast
 * repeated reads cache and watch {@link #version()}.
 */
public final class DecisionStore implements AutoCloseable {
    /** A refused write: another reviewer holds the record, decided it first, or the request is not possible. */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }
    }

    /** A lease: {@code session} of {@code reviewer} may decide the record until {@code expires}. */
    public record Lease(
            String source, String contentHash, String session, String reviewer, Instant taken, Instant expires) {}

    /** A batch sign-off, bound to the batch's membership hash. */
    public record SignOff(
            long id, String source, String batch, String membersHash, String reviewer, Instant signedAt) {}

    private static final String COLUMNS = DecisionRows.COLUMNS;

    private final Connection db;
    private final Clock clock;
    private final boolean readOnly;
    private long ownWrites;

    private DecisionStore(Connection db, Clock clock, boolean readOnly) {
        this.db = db;
        this.clock = clock;
        this.readOnly = readOnly;
    }

    /** Opens (creating if needed) the database file; its directory is created too. */
    public static DecisionStore open(Path file) throws IOException {
        return open(file, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock used for decision times and lease expiry (tests). */
    public static DecisionStore open(Path file, Clock clock) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA foreign_keys=ON");
                DecisionRows.createSchema(s);
            }
            return new DecisionStore(c, clock, false);
        } catch (SQLException e) {
            throw new IOException("cannot open the review decisions database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing database for reading only (the build's view); a missing file reads as an empty store, so a
     * project nobody has reviewed yet has every record pending.
     */
    public static DecisionStore openReadOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                try (Statement s = c.createStatement()) {
                    DecisionRows.createSchema(s);
                }
                return new DecisionStore(c, Clock.systemUTC(), true);
            } catch (SQLException e) {
                throw new IOException("cannot create an in-memory SQLite database: " + e.getMessage(), e);
            }
        }
        try {
            org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
            cfg.setReadOnly(true);
            cfg.setBusyTimeout(10000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
            return new DecisionStore(c, Clock.systemUTC(), true);
        } catch (SQLException e) {
            throw new IOException("cannot open the review decisions database " + file + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * Changes whenever the database changed, by this store or by another connection (SQLite's
     * {@code data_version} plus this store's own commits). Cheap: use it to invalidate caches.
     */
    public synchronized long version() {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            return rs.getLong(1) * 1_000_000_007L + ownWrites;
        } catch (SQLException e) {
            throw failure("read the data version", e);
        }
    }

    /** Live decisions of a source by content hash. */
    public synchronized Map<String, Decision> live(String source) {
        Map<String, Decision> out = new HashMap<>();
        try (PreparedStatement ps =
                db.prepareStatement("SELECT " + COLUMNS + " FROM decisions WHERE source=? AND ended_at IS NULL")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Decision d = DecisionRows.decision(rs);
                    out.put(d.contentHash(), d);
                }
            }
        } catch (SQLException e) {
            throw failure("read decisions", e);
        }
        return out;
    }

    /** The live decision on one record, if any. */
    public synchronized Optional<Decision> live(String source, String contentHash) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT " + COLUMNS + " FROM decisions WHERE source=? AND content_hash=? AND ended_at IS NULL")) {
            ps.setString(1, source);
            ps.setString(2, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(DecisionRows.decision(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a decision", e);
        }
    }

    /** Every live decision of every source, in the order they were made (for export). */
    public synchronized List<Decision> allLive() {
        List<Decision> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT " + COLUMNS + " FROM decisions WHERE ended_at IS NULL ORDER BY id")) {
            while (rs.next()) {
                out.add(DecisionRows.decision(rs));
            }
        } catch (SQLException e) {
            throw failure("read decisions", e);
        }
        return out;
    }

    /** Sign-offs of a source, oldest first. */
    public synchronized List<SignOff> signOffs(String source) {
        List<SignOff> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT id,source,batch,members_hash,reviewer,signed_at FROM signoffs WHERE source=? ORDER BY id")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SignOff(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            Instant.parse(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw failure("read sign-offs", e);
        }
        return out;
    }

    /** Unexpired leases of a source by content hash. */
    public synchronized Map<String, Lease> leases(String source) {
        Map<String, Lease> out = new HashMap<>();
        try (PreparedStatement ps =
                db.prepareStatement("SELECT source,content_hash,session,reviewer,taken_at,expires_at FROM leases"
                        + " WHERE source=? AND expires_at>?")) {
            ps.setString(1, source);
            ps.setString(2, now().toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Lease l = DecisionRows.lease(rs);
                    out.put(l.contentHash(), l);
                }
            }
        } catch (SQLException e) {
            throw failure("read leases", e);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Leases a record to a session for {@code ttl}, releasing the session's other leases. Returns the lease held
     * after the call: this session's, or the other session's that still holds it (then nothing changed).
     */
    public synchronized Lease lease(String source, String contentHash, String session, String reviewer, Duration ttl) {
        requireWritable();
        return inTransaction(() -> {
            Lease held = heldLease(source, contentHash);
            if (held != null && !held.session().equals(session)) {
                return held;
            }
            try (PreparedStatement del =
                    db.prepareStatement("DELETE FROM leases WHERE session=? AND NOT (source=? AND content_hash=?)")) {
                del.setString(1, session);
                del.setString(2, source);
                del.setString(3, contentHash);
                del.executeUpdate();
            }
            Instant now = now();
            Instant taken = held != null ? held.taken() : now;
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT OR REPLACE INTO leases(source,content_hash,session,reviewer,taken_at,expires_at)"
                            + " VALUES(?,?,?,?,?,?)")) {
                ins.setString(1, source);
                ins.setString(2, contentHash);
                ins.setString(3, session);
                ins.setString(4, reviewer);
                ins.setString(5, taken.toString());
                ins.setString(6, now.plus(ttl).toString());
                ins.executeUpdate();
            }
            return new Lease(source, contentHash, session, reviewer, taken, now.plus(ttl));
        });
    }

    /** Drops every lease of a session (the reviewer left or skipped). */
    public synchronized void release(String session) {
        requireWritable();
        inTransaction(() -> {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM leases WHERE session=?")) {
                del.setString(1, session);
                return del.executeUpdate();
            }
        });
    }

    /**
     * Records a decision made in {@code session}.
     *
     * @param replaces id of the live decision the reviewer saw on this record, 0 if none; a different live decision
     *                 means someone else decided first
     * @return the stored decision (with its id and time)
     * @throws Conflict if another session holds an unexpired lease on the record, or the live decision is not
     *                  {@code replaces}
     */
    public synchronized Decision decide(Decision d, long replaces, @Nullable String session) {
        requireWritable();
        return inTransaction(() -> {
            Lease held = heldLease(d.source(), d.contentHash());
            if (held != null && !held.session().equals(session)) {
                throw new Conflict("record " + d.recordId() + " is being reviewed by " + held.reviewer()
                        + " (lease until " + held.expires() + ")");
            }
            Decision current = liveLocked(d.source(), d.contentHash());
            long currentId = current == null ? 0 : current.id();
            if (currentId != replaces) {
                throw new Conflict(
                        current == null
                                ? "record " + d.recordId() + " has no decision any more (it was undone); reload it"
                                : "record " + d.recordId() + " was decided meanwhile: "
                                        + current.action().wireName() + " by " + current.reviewer() + " at "
                                        + current.decidedAt());
            }
            if (current != null) { // end it first: the unique index allows one live decision per record
                end(current.id(), null, "superseded");
            }
            Decision stored = insert(d, now());
            if (current != null) {
                try (PreparedStatement ps = db.prepareStatement("UPDATE decisions SET ended_by=? WHERE id=?")) {
                    ps.setLong(1, stored.id());
                    ps.setLong(2, current.id());
                    ps.executeUpdate();
                }
            }
            if (session != null) {
                try (PreparedStatement del =
                        db.prepareStatement("DELETE FROM leases WHERE source=? AND content_hash=?")) {
                    del.setString(1, d.source());
                    del.setString(2, d.contentHash());
                    del.executeUpdate();
                }
            }
            return stored;
        });
    }

    /**
     * Undoes the reviewer's latest live decision made in the review app: it ends, and the decision it had replaced
     * (if any) is live again. Returns the undone decision, or empty when the reviewer has none left to undo.
     */
    public synchronized Optional<Decision> undoLast(String reviewer) {
        requireWritable();
        return inTransaction(() -> {
            Decision last = null;
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT " + COLUMNS
                            + " FROM decisions WHERE reviewer=? AND origin='ui' AND ended_at IS NULL ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, reviewer);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        last = DecisionRows.decision(rs);
                    }
                }
            }
            if (last == null) {
                return Optional.<Decision>empty();
            }
            end(last.id(), null, "undo");
            try (PreparedStatement ps = db.prepareStatement(
                    "UPDATE decisions SET ended_at=NULL, ended_by=NULL, end_kind=NULL WHERE ended_by=? AND end_kind='superseded'")) {
                ps.setLong(1, last.id());
                ps.executeUpdate();
            }
            return Optional.of(last);
        });
    }

    /** Stores a sign-off of a batch (the caller checked that the batch may be signed off). */
    public synchronized SignOff signOff(String source, String batch, String membersHash, String reviewer) {
        requireWritable();
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("a sign-off needs a reviewer name");
        }
        return inTransaction(() -> {
            Instant at = now();
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO signoffs(source,batch,members_hash,reviewer,signed_at) VALUES(?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, source);
                ps.setString(2, batch);
                ps.setString(3, membersHash);
                ps.setString(4, reviewer);
                ps.setString(5, at.toString());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return new SignOff(k.getLong(1), source, batch, membersHash, reviewer, at);
                }
            }
        });
    }

    /**
     * Stores imported decisions in one transaction: all or none. Each must be new (no live decision on its record)
     * or identical to the live one (then skipped). Returns how many were stored.
     *
     * @throws Conflict naming the first decision that clashes with a live one
     */
    public synchronized int importAll(List<Decision> decisions) {
        requireWritable();
        return inTransaction(() -> {
            int n = 0;
            for (Decision d : decisions) {
                Decision current = liveLocked(d.source(), d.contentHash());
                if (current != null) {
                    if (sameDecision(current, d)) {
                        continue;
                    }
                    throw new Conflict("record " + d.recordId() + " of " + d.source() + " already has a decision ("
                            + current.action().wireName() + " by " + current.reviewer() + " at "
                            + current.decidedAt() + ")");
                }
                insert(d, d.decidedAt());
                n++;
            }
            return n;
        });
    }

    static boolean sameDecision(Decision a, Decision b) {
        return a.action() == b.action()
                && java.util.Objects.equals(a.reason(), b.reason())
                && java.util.Objects.equals(a.note(), b.note())
                && java.util.Objects.equals(a.edited(), b.edited())
                && a.reviewer().equals(b.reviewer())
                && a.decidedAt().equals(b.decidedAt());
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Instant now() {
        return clock.instant();
    }

    private void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("the decisions database was opened read-only");
        }
    }

    private @Nullable Lease heldLease(String source, String hash) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT source,content_hash,session,reviewer,taken_at,expires_at FROM leases"
                        + " WHERE source=? AND content_hash=? AND expires_at>?")) {
            ps.setString(1, source);
            ps.setString(2, hash);
            ps.setString(3, now().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DecisionRows.lease(rs) : null;
            }
        }
    }

    private @Nullable Decision liveLocked(String source, String hash) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT " + COLUMNS + " FROM decisions WHERE source=? AND content_hash=? AND ended_at IS NULL")) {
            ps.setString(1, source);
            ps.setString(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DecisionRows.decision(rs) : null;
            }
        }
    }

    private Decision insert(Decision d, Instant at) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO decisions(source,content_hash,record_id,line,batch,action,reason,note,edited,original,"
                        + "reviewer,decided_at,ms_spent,origin) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.source());
            ps.setString(2, d.contentHash());
            ps.setString(3, d.recordId());
            ps.setLong(4, d.line());
            ps.setString(5, d.batch());
            ps.setString(6, d.action().wireName());
            DecisionRows.setNullable(ps, 7, d.reason());
            DecisionRows.setNullable(ps, 8, d.note());
            DecisionRows.setNullable(ps, 9, d.edited());
            DecisionRows.setNullable(ps, 10, d.original());
            ps.setString(11, d.reviewer());
            ps.setString(12, at.toString());
            ps.setLong(13, d.msSpent());
            ps.setString(14, d.origin());
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return d.stored(k.getLong(1), at);
            }
        }
    }

    private void end(long id, @Nullable Long by, String kind) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("UPDATE decisions SET ended_at=?, ended_by=?, end_kind=? WHERE id=?")) {
            ps.setString(1, now().toString());
            if (by == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setLong(2, by);
            }
            ps.setString(3, kind);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** BEGIN IMMEDIATE … COMMIT (one writer; a second process waits up to the busy timeout), rollback on any failure. */
    private <T> T inTransaction(Work<T> work) {
        try {
            try (Statement s = db.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            try {
                T result = work.run();
                try (Statement s = db.createStatement()) {
                    s.execute("COMMIT");
                }
                ownWrites++;
                return result;
            } catch (SQLException | RuntimeException e) {
                try (Statement s = db.createStatement()) {
                    s.execute("ROLLBACK");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("review decisions database: cannot " + what + ": " + e.getMessage(), e);
    }
}
