package dev.spotter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.RejectReason;
import dev.spotter.format.ValidationSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text and JSON rendering of a {@link ValidationSummary}, shared by validate, convert, stats, cost and audit-voice
 * (the last three analyse only the lines validate accepts and say with {@link #leftOut} what they left out).
 */
final class SummaryPrinter {
    static final ObjectMapper JSON = new ObjectMapper();

    /** How many reject reasons {@link #leftOut} names (one line stays readable; --json has them all). */
    private static final int LISTED_REASONS = 3;

    private SummaryPrinter() {}

    static void text(PrintWriter out, ValidationSummary s) {
        out.printf("read %,d, accepted %,d, rejected %,d%n", s.read(), s.accepted(), s.rejected());
        if (!s.reasons().isEmpty()) {
            out.println("rejects by reason:");
            for (Map.Entry<RejectReason, Long> e : s.reasons().entrySet()) {
                out.printf(
                        "  %-34s %,9d  %s%n",
                        e.getKey().code(), e.getValue(), e.getKey().explanation());
            }
        }
        if (!s.firstErrors().isEmpty()) {
            out.println(
                    s.firstErrors().size() < s.rejected()
                            ? "first " + s.firstErrors().size() + " errors:"
                            : "errors:");
            for (String e : s.firstErrors()) {
                out.println("  " + e);
            }
        }
    }

    /**
     * What a command that analyses only valid examples left out, in one phrase: {@code 26 invalid lines left out
     * (invalid_json 12, consecutive_same_role 3, bom 1 and 4 more reasons): run spotter validate for details}, the
     * most frequent reasons first; empty when nothing was left out.
     */
    static String leftOut(ValidationSummary s) {
        if (s.rejected() == 0) {
            return "";
        }
        List<Map.Entry<RejectReason, Long>> byCount =
                new ArrayList<>(s.reasons().entrySet());
        byCount.sort(Map.Entry.<RejectReason, Long>comparingByValue().reversed()); // stable: ties in enum order
        StringBuilder reasons = new StringBuilder();
        for (Map.Entry<RejectReason, Long> e : byCount.subList(0, Math.min(LISTED_REASONS, byCount.size()))) {
            reasons.append(reasons.isEmpty() ? "" : ", ")
                    .append(e.getKey().code())
                    .append(' ')
                    .append(e.getValue());
        }
        if (byCount.size() > LISTED_REASONS) {
            reasons.append(" and ").append(byCount.size() - LISTED_REASONS).append(" more reasons");
        }
        return String.format(
                "%,d invalid line%s left out (%s): run spotter validate for details",
                s.rejected(), s.rejected() == 1 ? "" : "s", reasons);
    }

    /** {@code read}, {@code accepted}, {@code rejected}, {@code reasons} (code → count), {@code errors}. */
    static ObjectNode json(ValidationSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("read", s.read());
        o.put("accepted", s.accepted());
        o.put("rejected", s.rejected());
        ObjectNode r = o.putObject("reasons");
        s.reasons().forEach((k, v) -> r.put(k.code(), v));
        ArrayNode errs = o.putArray("errors");
        s.firstErrors().forEach(errs::add);
        return o;
    }
}
