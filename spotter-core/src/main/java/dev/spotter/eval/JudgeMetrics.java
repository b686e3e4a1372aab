package dev.spotter.eval;

/** LLM-as-judge rubric scores (1–5) for free-text tasks; {@code n} judged, {@code failed} judge calls unusable. */
record JudgeMetrics(long n, long failed, double meanScore, double costUsd) {}
