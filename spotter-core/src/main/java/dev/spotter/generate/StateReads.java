package dev.spotter.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read-only queries of {@link GenerationState} (outputs, rejects, batch requests), kept apart from the writing
 * side whose group commit and crash-safety rules the state's design note explains. Callers hold the state's lock:
 * every method here runs inside one of its synchronized methods, on its connection.
 */
final class StateReads {
    private StateReads() {}

    /** The exported request behind a custom_id: {category, slot, attempt, attributes, prompt_hash, provider, model}. */
    static Optional<String[]> batchRequest(Connection db, String customId) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT category,slot,attempt,attributes,prompt_hash,provider,model FROM batch_requests WHERE custom_id=?")) {
            ps.setString(1, customId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] out = new String[7];
                for (int i = 0; i < 7; i++) {
                    out[i] = rs.getString(i + 1);
                }
                return Optional.of(out);
            }
        } catch (SQLException e) {
            throw GenerationState.wrap(e);
        }
    }

    /** Streams accepted examples of one category in slot order. */
    static void forEachAccepted(Connection db, String category, Consumer<GenerationState.StoredExample> sink) {
        try (PreparedStatement ps = db.prepareStatement("""
                SELECT category, filled_slot, example, attributes, prompt_hash, provider, model, request_id, mode,
                       input_tokens, output_tokens, cost_usd, price_as_of, created_at, custom_id, run_id
                FROM responses WHERE category=? AND status='accepted' ORDER BY filled_slot""")) {
            ps.setString(1, category);
            ps.setFetchSize(256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double cost = rs.getDouble(12);
                    Double c = rs.wasNull() ? null : cost;
                    sink.accept(new GenerationState.StoredExample(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getLong(10),
                            rs.getLong(11),
                            c,
                            rs.getString(13),
                            rs.getString(14),
                            rs.getString(15),
                            rs.getString(16)));
                }
            }
        } catch (SQLException e) {
            throw GenerationState.wrap(e);
        }
    }

    /** Streams rejected and failed responses in arrival order. */
    static void forEachReject(Connection db, Consumer<GenerationState.Reject> sink) {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT custom_id, category, slot, attempt, status, reason_code, reason, raw FROM responses WHERE status IN ('rejected','error') ORDER BY id")) {
            while (rs.next()) {
                sink.accept(new GenerationState.Reject(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
            }
        } catch (SQLException e) {
            throw GenerationState.wrap(e);
        }
    }

    /** Reject counts by reason code (for the summary). */
    static Map<String, Long> rejectReasons(Connection db) {
        Map<String, Long> m = new java.util.TreeMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT reason_code, COUNT(*) FROM responses WHERE status IN ('rejected','error') GROUP BY reason_code")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw GenerationState.wrap(e);
        }
        return m;
    }
}
