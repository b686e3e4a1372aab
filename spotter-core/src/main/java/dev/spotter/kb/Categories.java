package dev.spotter.kb;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one normalisation of a chunk's category, used by {@code --category} filters and by the {@link QuotaPolicy}
 * alike, so that {@code '  mvq  '}, {@code 'MVQ'}, {@code 'Mvq'} and {@code "mvq\n"} are the same category
 * everywhere.
 *
 * <p>{@link #key}: surrounding white space (including tabs and line ends) removed, lower-cased (locale-neutral),
 * runs of spaces, hyphens and underscores read as one underscore. Nothing else is folded: a full-width
 * {@code 'ＭＶＱ'} stays its own (unknown) category and is reported, never merged silently.
 */
public final class Categories {
    private Categories() {}

    /** The normalised form, or null for a null or blank category. */
    public static String key(String category) {
        if (category == null || Canonical.isBlank(category)) {
            return null;
        }
        return category.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    /**
     * Which chunk categories a {@code --category} value selects: those the policy maps to the same quota category
     * (so an alias such as {@code injury} selects {@code injury_modifications}), else those with the same key.
     */
    public static Predicate<String> matcher(String wanted, QuotaPolicy policy) {
        String k = key(wanted);
        if (k == null) {
            throw dev.spotter.ConfigurationException.forParameter("category", "must not be blank");
        }
        Optional<QuotaPolicy.CategoryQuota> q = policy.forCategory(wanted);
        if (q.isPresent()) {
            return c -> policy.forCategory(c).filter(q.get()::equals).isPresent();
        }
        return c -> k.equals(key(c));
    }
}
