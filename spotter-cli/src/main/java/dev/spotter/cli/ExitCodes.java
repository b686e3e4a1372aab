package dev.spotter.cli;

/** Process exit codes, documented in README.md ("Exit codes"). */
public final class ExitCodes {
    /** Done; nothing was rejected. */
    public static final int OK = 0;
    /** Done, but some input records were rejected (see the quarantine file) or a check failed. */
    public static final int REJECTS = 1;
    /** Usage error, unreadable input, unwritable output, or an external service refused. */
    public static final int USAGE_OR_IO = 2;
    /** An unexpected failure: a bug in Spotter (the message says so; SPOTTER_DEBUG=1 prints the stack trace). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}
