package dev.spotter.eval;

/**
 * Pace/distance: {@code correct} = the model's result matches the gold result within the calculator's
 * tolerance (times and paces ±max(1.5 s, 0.3%), other values ±max(0.05, 0.5%)); {@code jsonValid} counts
 * answers in the structured calculation form when the gold answer has it.
 */
record PaceMetrics(Rate correct, Rate jsonValid) {}
