package dev.spotter.assemble;

/**
 * What one build step produced: a record, stored in the step cache ({@code .state/state.json}) and, for the
 * steps the summary shows, in {@code summary.json} (Jackson databind, in component order).
 */
interface StepStats {
    /** The one line the build log shows after the step's name when it ran. */
    String detail();
}
