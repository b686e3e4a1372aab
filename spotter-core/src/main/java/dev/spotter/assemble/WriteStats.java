package dev.spotter.assemble;

import java.util.List;
import java.util.Locale;

/**
 * What writing the upload files produced ({@code summary.json} {@code "output"}).
 *
 * @param train      lines in each format's {@code train.jsonl}
 * @param validation lines in each format's {@code validation.jsonl}
 * @param formats    the formats written (directory names), in the order given
 * @param tokens     tokens per example, per split and overall
 * @param strata     per source + category, in the order the examples were written
 */
public record WriteStats(long train, long validation, List<String> formats, Tokens tokens, List<Stratum> strata)
        implements StepStats {

    /** Token statistics of the train split, the validation split and both. */
    public record Tokens(TokenStats train, TokenStats validation, TokenStats all) {}

    /** One source + category: examples per split and their tokens. */
    public record Stratum(String source, String category, long train, long validation, long tokens) {}

    public WriteStats {
        formats = List.copyOf(formats);
        strata = List.copyOf(strata);
    }

    @Override
    public String detail() {
        return String.format(
                Locale.ROOT,
                "%,d train + %,d validation lines x %d format(s), provenance sidecars",
                train,
                validation,
                formats.size());
    }
}
