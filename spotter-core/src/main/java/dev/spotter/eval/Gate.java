package dev.spotter.eval;

/** A pass/fail rule over a run; only gates on the evaluated model (label "model") decide the exit status. */
public record Gate(String name, String label, boolean passed, String detail) {}
