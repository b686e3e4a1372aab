package dev.spotter.assemble;

import java.util.List;
import java.util.Locale;

/**
 * What the stratified split and the leakage check produced ({@code summary.json} {@code "split"}).
 *
 * @param records                   examples split
 * @param validationRatio           the project's validation fraction per stratum
 * @param leakageMoved              validation examples moved to train because a train example is similar
 * @param leakagePasses             leakage-check passes until nothing moved
 * @param nearDuplicateGroupMembers examples that joined an earlier example's group before the split
 * @param leakageRule               the rule, as the card states it
 * @param strata                    per source + category, in first-seen order
 */
public record SplitStats(
        int records,
        int train,
        int validation,
        double validationRatio,
        long seed,
        double leakageThreshold,
        int leakageMoved,
        int leakagePasses,
        int nearDuplicateGroupMembers,
        String leakageRule,
        List<Stratum> strata)
        implements StepStats {

    /** One source + category stratum: its examples and how many went to validation. */
    public record Stratum(String source, String category, int examples, int validation) {}

    public SplitStats {
        strata = List.copyOf(strata);
    }

    @Override
    public String detail() {
        return String.format(
                Locale.ROOT,
                "%,d train / %,d validation (%d strata), leakage: %,d moved to train",
                train,
                validation,
                strata.size(),
                leakageMoved);
    }
}
