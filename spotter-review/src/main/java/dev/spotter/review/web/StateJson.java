package dev.spotter.review.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.review.Decision;
import dev.spotter.review.DecisionStore;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.SourceReview;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of review state the page reads: counts, batch gates, policy, reasons, check verdicts. */
final class StateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {}

    static String status(@Nullable Decision d) {
        return d == null
                ? "pending"
                : d.action() == Decision.Action.ACCEPT
                        ? "accepted"
                        : d.action() == Decision.Action.EDIT ? "edited" : "rejected";
    }

    static ObjectNode counts(SourceReview.Counts c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("records", c.records());
        o.put("reviewed", c.decided());
        o.put("accepted", c.accepted());
        o.put("rejected", c.rejected());
        o.put("edited", c.edited());
        o.put("pending", c.undecided());
        o.put("required", c.required());
        o.put("rejectRate", Math.round(c.rejectRate() * 1000) / 1000.0);
        return o;
    }

    static ObjectNode batch(SourceReview.BatchReview b) {
        ObjectNode o = counts(b.counts());
        o.put("id", b.batch().id());
        o.put("state", b.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("escalated", b.escalated());
        o.put("sampleSize", b.sampleSize());
        o.put("sampleRejected", b.sampleRejected());
        o.put("allowedRejects", b.allowedRejects());
        o.put("explanation", b.explanation());
        DecisionStore.SignOff so = b.signOff();
        if (so != null) {
            o.put("signedBy", so.reviewer());
            o.put("signedAt", so.signedAt().toString());
        }
        return o;
    }

    static ObjectNode policy(ReviewPolicy p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("mode", p.mode().wireName());
        o.put("samplePercent", p.samplePercent());
        o.put("minSample", p.minSample());
        o.put("maxRejectRate", p.maxRejectRate());
        o.put("onFail", p.onFail().wireName());
        o.put("batchSize", p.batchSize());
        return o;
    }

    static ArrayNode reasons(ReviewPolicy p) {
        ArrayNode a = MAPPER.createArrayNode();
        for (ReviewPolicy.Reason r : p.reasons()) {
            a.addObject().put("code", r.code()).put("label", r.label());
        }
        return a;
    }

    static ArrayNode checks(ExampleChecks.Result r) {
        ArrayNode a = MAPPER.createArrayNode();
        for (ExampleChecks.Check c : r.checks()) {
            a.addObject()
                    .put("name", c.name())
                    .put("ok", c.ok())
                    .put("code", c.code())
                    .put("message", c.message());
        }
        return a;
    }

    static ObjectNode flag(String name) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(name, true);
        return o;
    }
}
