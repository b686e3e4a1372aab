package dev.spotter.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Crash-safe generation state: one SQLite database ({@code state.db}, WAL, {@code synchronous=FULL}, busy timeout)
 * under the state directory, plus an exclusive lock file so two runs cannot share a state.
 *
 * <p>Design for {@code kill -9}: every response is committed in one transaction the moment it arrives, together
 * with its verdict. A partial unique index on {@code (category, filled_slot) WHERE status='accepted'} makes a
 * duplicate acceptance impossible even under a bug. Output files are never appended to; they are rewritten from
 * this database at the end of a run (temp file, fsync, atomic rename), so a kill leaves either the previous output
 * or none, never a torn line. The only loss window is a response received but not yet committed: the time from the
 * last byte read to its group commit (see {@link #record}; measured figure in docs/areas/generate.md).
 * All methods are synchronized: one connection, one writer. Memory is constant: nothing is cached here.
 */
public final class GenerationState implements AutoCloseable {
    /** Status of a stored response. */
    public enum Status {
        ACCEPTED,
        REJECTED,
        SURPLUS,
        ERROR
    }

    /** One response to record. {@code example} is non-null exactly when the checks passed. */
    public record Row(
            String customId,
            String category,
            int slot,
            int attempt,
            String example,
            String reasonCode,
            String reason,
            String attributesJson,
            String promptHash,
            String provider,
            String model,
            String requestId,
            String mode,
            long inputTokens,
            long outputTokens,
            Double costUsd,
            String priceAsOf,
            String raw,
            Double estimatedUsd) {}

    /** An accepted example as stored, with its provenance columns, in output order. */
    public record StoredExample(
            String category,
            int slot,
            String example,
            String attributesJson,
            String promptHash,
            String provider,
            String model,
            String requestId,
            String mode,
            long inputTokens,
            long outputTokens,
            Double costUsd,
            String priceAsOf,
            String createdAt,
            String customId,
            String runId) {}

    /** A rejected or failed response (for the quarantine file). */
    public record Reject(
            String customId,
            String category,
            int slot,
            int attempt,
            String status,
            String reasonCode,
            String reason,
            String raw) {}

    /**
     * Totals over the whole state. {@code costUsd} is everything charged, measured or estimated;
     * {@code estimatedUsd} the part of it that is a worst-case estimate (requests that were sent but never answered,
     * 200s without usage), {@code retries} the HTTP retries by {@link dev.spotter.llm.RetryCause#wireName cause}.
     */
    public record Totals(
            long accepted,
            long rejected,
            long surplus,
            long errors,
            long inputTokens,
            long outputTokens,
            double costUsd,
            double estimatedUsd,
            Map<String, Long> retries) {}

    private static final java.security.SecureRandom RUN_IDS = new java.security.SecureRandom();

    private final Connection db;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String runId;

    private GenerationState(Connection db, FileChannel lockChannel, FileLock lock, String runId) {
        this.db = db;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.runId = runId;
    }

    /**
     * This run's id: one per {@link #open} (a {@code spotter generate} run, or one batch export or import), UTC time
     * plus 4 random hex digits ({@code 20261201T162512Z-3f9a}). Every response recorded and every surplus moved into
     * a slot by this run carries it, and it goes into provenance as {@code run_id}, so review cuts one batch per run.
     * A response received by a killed run and checked by the next one carries the next one's id. Null read-only.
     */
    public String runId() {
        return runId;
    }

    private static String newRunId() {
        String t = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now());
        return t + "-" + String.format(java.util.Locale.ROOT, "%04x", RUN_IDS.nextInt(1 << 16));
    }

    /** Opens (creating if needed) the state under {@code dir}; fails fast if another run holds it. */
    public static GenerationState open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null; // held by this same JVM
        }
        if (l == null) {
            ch.close();
            throw new IOException("state " + dir + " is in use by another spotter generate run");
        }
        try {
            Connection c = DriverManager.getConnection(
                    "jdbc:sqlite:" + dir.resolve("state.db").toAbsolutePath());
            StateSchema.create(c);
            return new GenerationState(c, ch, l, newRunId());
        } catch (SQLException e) {
            l.release();
            ch.close();
            throw new IOException("cannot open state database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing state read-only and without the run lock (for dry runs and reports while a run is going;
     * WAL lets readers see the last committed state). Writing methods fail on this instance.
     */
    public static GenerationState openReadOnly(Path dir) throws IOException {
        Path db = dir.resolve("state.db");
        if (!Files.exists(db)) {
            throw new IOException("no state database at " + db);
        }
        try {
            org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
            cfg.setReadOnly(true);
            cfg.setBusyTimeout(10000);
            return new GenerationState(cfg.createConnection("jdbc:sqlite:" + db.toAbsolutePath()), null, null, null);
        } catch (SQLException e) {
            throw new IOException("cannot open state database " + db + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<String> meta(String key) {
        try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key=?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    public synchronized void putMeta(String key, String value) {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO meta(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /**
     * Records one response. A passing response fills its own slot when that slot is open, else it is kept as
     * {@link Status#SURPLUS} (paid, valid, reusable). Returns the stored status; a custom_id seen before (a
     * re-imported batch line) is ignored and returns empty.
     *
     * <p>Group commit: a caller queues its row, then whichever caller holds the writer lock commits every queued
     * row in one transaction (one fsync), so N workers that received answers at the same moment wait for about one
     * fsync instead of N in a row. A row's status is returned only after the transaction holding it committed.
     */
    public Optional<Status> record(Row r, boolean isError) {
        return commits.submit(() -> insert(r, isError));
    }

    /**
     * Commits a response the moment its last byte was read, before any checking (the kill -9 loss window is then
     * the read-to-commit time only). {@link #record} later stores its verdict and removes it from here; what a
     * killed run left here is checked by the next run ({@link #unchecked}).
     */
    public void received(Row r) {
        commits.submit(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT OR IGNORE INTO received(custom_id,category,slot,attempt,attributes,prompt_hash,provider,model,
                      request_id,mode,input_tokens,output_tokens,cost_usd,price_as_of,raw,estimated_usd,received_at)
                    VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, r.customId());
                ps.setString(2, r.category());
                ps.setInt(3, r.slot());
                ps.setInt(4, r.attempt());
                ps.setString(5, r.attributesJson());
                ps.setString(6, r.promptHash());
                ps.setString(7, r.provider());
                ps.setString(8, r.model());
                ps.setString(9, r.requestId());
                ps.setString(10, r.mode());
                ps.setLong(11, r.inputTokens());
                ps.setLong(12, r.outputTokens());
                ps.setObject(13, r.costUsd());
                ps.setString(14, r.priceAsOf());
                ps.setString(15, r.raw());
                ps.setObject(16, r.estimatedUsd());
                ps.setString(17, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Responses a killed run received and committed but never checked (see {@link #received}), oldest first. */
    public synchronized List<Row> unchecked() {
        List<Row> out = new java.util.ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT custom_id,category,slot,attempt,attributes,prompt_hash,provider,model,request_id,mode,
                          input_tokens,output_tokens,cost_usd,price_as_of,raw,estimated_usd FROM received ORDER BY rowid""")) {
            while (rs.next()) {
                out.add(new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        null,
                        null,
                        null,
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        (Double) rs.getObject(13),
                        rs.getString(14),
                        rs.getString(15),
                        (Double) rs.getObject(16)));
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
        return out;
    }

    private final GroupCommit commits = new GroupCommit(this, this::inTransaction);

    /** Adds one HTTP retry of {@code cause} to the state's retry counts (committed at once). */
    public synchronized void countRetry(String cause) {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO retries(cause,count) VALUES(?,1) ON CONFLICT(cause) DO UPDATE SET count=count+1")) {
            ps.setString(1, cause);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    private Optional<Status> insert(Row r, boolean isError) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM received WHERE custom_id=?")) {
            del.setString(1, r.customId());
            del.executeUpdate();
        }
        {
            if (exists(r.customId())) {
                return Optional.empty();
            }
            Status st;
            String example = r.example();
            String reasonCode = r.reasonCode();
            String reason = r.reason();
            String userHash = example == null ? null : userHash(example);
            String dupOf = userHash == null ? null : duplicateOf(userHash);
            if (isError) {
                st = Status.ERROR;
            } else if (example == null) {
                st = Status.REJECTED;
            } else if (dupOf != null) {
                // the generator repeated itself: an identical first question adds nothing to the dataset
                st = Status.REJECTED;
                example = null;
                userHash = null;
                reasonCode = "duplicate";
                reason = "same first user message as " + dupOf;
            } else {
                st = slotFilled(r.category(), r.slot()) ? Status.SURPLUS : Status.ACCEPTED;
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO responses(custom_id,category,slot,attempt,status,filled_slot,example,reason_code,reason,
                      attributes,prompt_hash,provider,model,request_id,mode,input_tokens,output_tokens,cost_usd,price_as_of,raw,created_at,user_hash,estimated_usd,run_id)
                    VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, r.customId());
                ps.setString(2, r.category());
                ps.setInt(3, r.slot());
                ps.setInt(4, r.attempt());
                ps.setString(5, st.name().toLowerCase(java.util.Locale.ROOT));
                if (st == Status.ACCEPTED) {
                    ps.setInt(6, r.slot());
                } else {
                    ps.setNull(6, java.sql.Types.INTEGER);
                }
                ps.setString(7, example);
                ps.setString(8, reasonCode);
                ps.setString(9, reason);
                ps.setString(10, r.attributesJson());
                ps.setString(11, r.promptHash());
                ps.setString(12, r.provider());
                ps.setString(13, r.model());
                ps.setString(14, r.requestId());
                ps.setString(15, r.mode());
                ps.setLong(16, r.inputTokens());
                ps.setLong(17, r.outputTokens());
                if (r.costUsd() == null) {
                    ps.setNull(18, java.sql.Types.REAL);
                } else {
                    ps.setDouble(18, r.costUsd());
                }
                ps.setString(19, r.priceAsOf());
                ps.setString(20, r.raw());
                ps.setString(21, Instant.now().toString());
                ps.setString(22, userHash);
                if (r.estimatedUsd() == null) {
                    ps.setNull(23, java.sql.Types.REAL);
                } else {
                    ps.setDouble(23, r.estimatedUsd());
                }
                ps.setString(24, runId);
                ps.executeUpdate();
            }
            return Optional.of(st);
        }
    }

    /**
     * Moves a valid surplus response of {@code category} into the open slot {@code slot}. Returns false when there
     * is no surplus left. The example keeps its own attributes/provenance (they describe what was asked); its run id
     * becomes this run's (the run that put it into the output, so it is reviewed with that run's batch).
     */
    public synchronized boolean fillFromSurplus(String category, int slot) {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE responses SET status='accepted', filled_slot=?, run_id=? WHERE id=(SELECT id FROM responses WHERE category=? AND status='surplus' ORDER BY id LIMIT 1)")) {
            ps.setInt(1, slot);
            ps.setString(2, runId);
            ps.setString(3, category);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /**
     * Retires the accepted and surplus responses of {@code category} for which {@code staleReason} (given the
     * stored attributes JSON) returns a reason: each becomes a reject with {@code reasonCode} and that reason, and
     * its slot is open again, so the next run generates it anew (an example whose source changed since it was
     * generated, for instance). One transaction. Returns how many were retired.
     */
    public synchronized int retire(
            String category, java.util.function.Function<String, String> staleReason, String reasonCode) {
        return inTransaction(() -> {
            java.util.List<Object[]> stale = new java.util.ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT id, attributes FROM responses WHERE category=? AND status IN ('accepted','surplus')")) {
                ps.setString(1, category);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String why = staleReason.apply(rs.getString(2));
                        if (why != null) {
                            stale.add(new Object[] {rs.getLong(1), why});
                        }
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "UPDATE responses SET status='rejected', filled_slot=NULL, user_hash=NULL, reason_code=?, reason=?"
                            + " WHERE id=?")) {
                for (Object[] r : stale) {
                    ps.setString(1, reasonCode);
                    ps.setString(2, (String) r[1]);
                    ps.setLong(3, (Long) r[0]);
                    ps.executeUpdate();
                }
            }
            return stale.size();
        });
    }

    /**
     * Re-opens the slot of an accepted example a reviewer rejected: the response becomes {@link Status#REJECTED}
     * with {@code reasonCode} and {@code reason} (kept, with its example, for the record) and its slot is empty
     * again, so the next run fills exactly that slot with a new attempt and rewrites the output without it.
     * Returns false when {@code customId} is not an accepted response here (unknown, or re-opened before).
     */
    public synchronized boolean reopen(String customId, String reasonCode, String reason) {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE responses SET status='rejected', filled_slot=NULL, reason_code=?, reason=? WHERE custom_id=? AND status='accepted'")) {
            ps.setString(1, reasonCode);
            ps.setString(2, reason);
            ps.setString(3, customId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** Slots of a category that hold an accepted example. */
    public synchronized java.util.BitSet filledSlots(String category) {
        java.util.BitSet b = new java.util.BitSet();
        try (PreparedStatement ps =
                db.prepareStatement("SELECT filled_slot FROM responses WHERE category=? AND status='accepted'")) {
            ps.setString(1, category);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.set(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
        return b;
    }

    /** Highest attempt number used for each slot of a category (live, batch-exported or imported). */
    public synchronized Map<Integer, Integer> lastAttempts(String category) {
        Map<Integer, Integer> m = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT slot, MAX(attempt) FROM (SELECT slot, attempt FROM responses WHERE category=?
                  UNION ALL SELECT slot, attempt FROM batch_requests WHERE category=?) GROUP BY slot""")) {
            ps.setString(1, category);
            ps.setString(2, category);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getInt(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
        return m;
    }

    public synchronized long countByStatus(String category, Status st) {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT COUNT(*) FROM responses WHERE category=? AND status=?")) {
            ps.setString(1, category);
            ps.setString(2, st.name().toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    public synchronized Totals totals() {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT SUM(status='accepted'), SUM(status='rejected'), SUM(status='surplus'), SUM(status='error'),
                       COALESCE(SUM(input_tokens),0), COALESCE(SUM(output_tokens),0), COALESCE(SUM(cost_usd),0),
                       COALESCE(SUM(estimated_usd),0) FROM responses""")) {
            rs.next();
            Map<String, Long> retries = new java.util.TreeMap<>();
            try (Statement r = db.createStatement();
                    ResultSet rr = r.executeQuery("SELECT cause, count FROM retries")) {
                while (rr.next()) {
                    retries.put(rr.getString(1), rr.getLong(2));
                }
            } catch (SQLException e) {
                // a read-only state written before retries were counted: none recorded
            }
            return new Totals(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getDouble(7),
                    rs.getDouble(8),
                    retries);
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** Registers exported batch requests (one transaction). */
    public synchronized void recordBatchRequests(List<String[]> rows) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO batch_requests(custom_id,category,slot,attempt,attributes,prompt_hash,provider,model,exported_at) VALUES(?,?,?,?,?,?,?,?,?)")) {
                String now = Instant.now().toString();
                for (String[] r : rows) {
                    ps.setString(1, r[0]);
                    ps.setString(2, r[1]);
                    ps.setInt(3, Integer.parseInt(r[2]));
                    ps.setInt(4, Integer.parseInt(r[3]));
                    ps.setString(5, r[4]);
                    ps.setString(6, r[5]);
                    ps.setString(7, r[6]);
                    ps.setString(8, r[7]);
                    ps.setString(9, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    private <T> T inTransaction(GroupCommit.Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(e);
        }
    }

    /** The exported request behind a custom_id: {category, slot, attempt, attributes, prompt_hash, provider, model}. */
    public synchronized Optional<String[]> batchRequest(String customId) {
        return StateReads.batchRequest(db, customId);
    }

    /** Streams accepted examples of one category in slot order. */
    public synchronized void forEachAccepted(String category, Consumer<StoredExample> sink) {
        StateReads.forEachAccepted(db, category, sink);
    }

    /** Streams rejected and failed responses in arrival order. */
    public synchronized void forEachReject(Consumer<Reject> sink) {
        StateReads.forEachReject(db, sink);
    }

    /** Reject counts by reason code (for the summary). */
    public synchronized Map<String, Long> rejectReasons() {
        return StateReads.rejectReasons(db);
    }

    /** SHA-256 of the first user message, lower-cased with whitespace collapsed. */
    static String userHash(String exampleLine) {
        var ex = dev.spotter.format.ChatJson.parse(exampleLine);
        return ex.first(dev.spotter.format.Role.USER)
                .map(m -> dev.spotter.kernel.Hashing.sha256Hex(m.content()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("\\s+", " ")
                        .strip()))
                .orElse(null);
    }

    private String duplicateOf(String userHash) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT custom_id FROM responses WHERE user_hash=? AND status IN ('accepted','surplus') LIMIT 1")) {
            ps.setString(1, userHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean exists(String customId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM responses WHERE custom_id=?")) {
            ps.setString(1, customId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean slotFilled(String category, int slot) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT 1 FROM responses WHERE category=? AND filled_slot=? AND status='accepted'")) {
            ps.setString(1, category);
            ps.setInt(2, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static UncheckedIOException wrap(SQLException e) {
        return new UncheckedIOException(new IOException("state database: " + e.getMessage(), e));
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing after a failure; nothing useful to add
        }
        try {
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
