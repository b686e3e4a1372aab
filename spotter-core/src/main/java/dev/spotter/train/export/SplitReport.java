package dev.spotter.train.export;

import java.util.Map;

/**
 * Counts for one split of an export; {@code read == accepted + rejected} always holds.
 *
 * @param reasons          reject code to count
 * @param missingSystem    accepted examples without a system message (cookbook warning)
 * @param missingUser      accepted examples without a user message (cookbook warning)
 * @param overTokenLimit   OpenAI only: accepted examples over the cookbook's 16,385-token cap, counted with the Llama 3
 *                         tokenizer (OpenAI's own count differs; the cookbook only warns); -1 for other targets
 */
public record SplitReport(
        String split,
        String output,
        long read,
        long accepted,
        long rejected,
        Map<String, Long> reasons,
        long missingSystem,
        long missingUser,
        long overTokenLimit) {}
