package dev.spotter.eval;

import java.util.Map;

/**
 * The scores of one model (or the deterministic parser) over the split.
 *
 * @param label       "model", "baseline-model" or "parser-baseline"
 * @param examples    examples sent, per task id
 * @param callErrors  calls that failed after the client's retries (scored as empty answers)
 * @param firstError  the message of one failed call (null when none failed)
 * @param costUsd     from reported token usage and the dated price table; null when the model is not priced
 * @param coach       LLM-as-judge scores, null unless judging was enabled
 */
public record RunResult(
        String label,
        String model,
        Map<String, Long> examples,
        long callErrors,
        String firstError,
        long inputTokens,
        long outputTokens,
        Double costUsd,
        VoiceMetrics voice,
        PaceMetrics pace,
        InjuryMetrics injury,
        JudgeMetrics coach,
        JudgeMetrics kb) {}
