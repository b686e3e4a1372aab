package dev.spotter.eval;

import java.util.Map;

/**
 * Voice parsing, in the brief's form ("95.57% accuracy on weight parsing"): JSON validity over all voice
 * examples, and per field the share of examples whose gold answer has the field where the model's value equals
 * it (a model answer that is not JSON counts as wrong on every field). {@code exactMatch}: all fields right.
 */
public record VoiceMetrics(Rate jsonValid, Map<String, Rate> fields, Rate exactMatch) {}
