package dev.spotter.assemble;

import java.util.Locale;

/**
 * What synthesizing a {@code synthetic-voice} source produced ({@code .state/synth/<id>.jsonl}).
 *
 * @param preset  the synthesizer preset
 * @param seed    the first batch's seed
 * @param target  examples wanted (the source's targets)
 * @param kept    examples kept (= target unless the batches ran out)
 * @param drawn   examples generated, duplicates included
 * @param batches batches drawn (seed, seed+1, ...)
 * @param rule    the top-up rule, as the report states it
 */
record SynthStats(String preset, long seed, int target, long kept, long drawn, long batches, String rule)
        implements StepStats {

    static final String RULE = "batches of the target with seeds seed, seed+1, ...; an example is kept unless it is an"
            + " exact or near duplicate of one already kept (dedup settings), until the target is kept";

    @Override
    public String detail() {
        return String.format(
                Locale.ROOT,
                "preset %s seed %d: %,d kept of %,d drawn (%,d near/exact duplicates skipped, %d batch%s)%s",
                preset,
                seed,
                kept,
                drawn,
                drawn - kept,
                batches,
                batches == 1 ? "" : "es",
                kept < target ? ", SHORT of target " + target : "");
    }
}
