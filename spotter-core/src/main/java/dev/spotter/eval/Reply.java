package dev.spotter.eval;

/** What an endpoint answered, with the tokens it reported (0 when it reported none). */
public record Reply(String text, long inputTokens, long outputTokens) {}
