package dev.spotter.train.export;

/** Why a record was not exported: a stable code (counted in the report) and a human detail. */
public record Reject(String code, String detail) {}
