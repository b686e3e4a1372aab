package dev.spotter.generate;

import dev.spotter.checks.CheckResult;
import dev.spotter.format.ChatExample;

/**
 * An extra, caller-supplied check that runs inside the engine's acceptance path, after the built-in checks passed
 * (set with {@link GenerateOptions.Builder#extraCheck}). A failing result makes the response a reject exactly like a
 * schema failure: it is quarantined with the first violation's code and the summary as reason, the slot stays open
 * and is retried (live) or left for the next run (batch import). Example: the knowledge-base area's grounding
 * check, which needs the slot's source chunk.
 *
 * <p>Called from several worker threads at once: implementations must be thread-safe. An exception thrown here
 * stops the run as an internal error (it is a bug, not a verdict).
 */
@FunctionalInterface
public interface ExampleCheck {
    /** Accepts everything (the default). */
    ExampleCheck NONE = (category, source, example) -> CheckResult.OK;

    /**
     * @param category the slot's category
     * @param source   the slot's source item, or null when the category has no sources
     * @param example  the parsed example: system prompt + conversation, as it would be written
     * @return {@link CheckResult#OK} to accept, else the violations (first code = reject reason code)
     */
    CheckResult check(Plan.Category category, Plan.SourceItem source, ChatExample example);
}
