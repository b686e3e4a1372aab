package dev.spotter.train;

/** One entry of a job's event log. */
public record FineTuneEvent(String createdAt, String level, String type, String message) {}
