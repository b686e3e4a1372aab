package dev.spotter.eval;

import java.util.List;
import java.util.Map;

/**
 * One evaluation: what was read, every run's scores, the gates. {@code read == evaluated + rejected}; rejected
 * records (no assistant turn, not JSON, ...) are counted by reason and listed in the details file.
 */
public record EvalReport(
        int formatVersion,
        String createdAt,
        String data,
        String split,
        String endpoint,
        long read,
        long evaluated,
        long rejected,
        Map<String, Long> rejectReasons,
        List<RunResult> runs,
        List<Gate> gates,
        boolean passed,
        String priceTableAsOf) {}
