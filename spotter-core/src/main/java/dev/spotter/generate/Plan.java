package dev.spotter.generate;

import dev.spotter.ConfigurationException;
import dev.spotter.checks.InjuryExpectation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generation plan: categories with exact targets, prompts, attributes and checks. Load with {@link Plans}.
 *
 * @param name         plan name (bundled: injury, coach-qa, running)
 * @param description  one line
 * @param systemPrompt the system message of every produced training example (the product's prompt)
 * @param authorPrompt the generator model's system prompt
 * @param seed         seed for attribute assignment (same plan + seed ⇒ same slots)
 * @param categories   in output order
 */
public record Plan(
        String name,
        String description,
        String systemPrompt,
        String authorPrompt,
        long seed,
        List<Category> categories) {
    public Plan {
        categories = List.copyOf(categories);
    }

    public int totalTarget() {
        return categories.stream().mapToInt(Category::target).sum();
    }

    public Category category(String id) {
        return categories.stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException("plan " + name + " has no category '" + id + "'"));
    }

    /**
     * A category by its id or, for hand-written cases, by the unique id it starts ({@code context} names
     * {@code context-dependent}: the part before a hyphen); throws when none or several match.
     */
    public Category categoryByName(String name) {
        List<Category> prefixed =
                categories.stream().filter(c -> c.id().equals(name)).toList();
        if (prefixed.isEmpty()) {
            prefixed = categories.stream()
                    .filter(c -> c.id().startsWith(name + "-"))
                    .toList();
        }
        if (prefixed.size() != 1) {
            throw new ConfigurationException("plan " + name() + " has no category '" + name + "'"
                    + (prefixed.isEmpty() ? "" : " (it starts several)"));
        }
        return prefixed.getFirst();
    }

    /**
     * One category.
     *
     * @param id           [a-z0-9-]{1,40}; appears in custom_ids and provenance
     * @param target       exact number of accepted examples wanted
     * @param template     the user-prompt template text ({{placeholders}})
     * @param templateFile where it came from (for messages)
     * @param output       assistant content kind
     * @param expect       extra injury expectations (red flag, DOMS, ambiguous)
     * @param minTurns     user turns, lower bound (1 = single turn)
     * @param maxTurns     user turns, upper bound
     * @param maxTokens    completion cap per request
     * @param temperature  sampling temperature
     * @param attributes   dimension → values, assigned balanced across the category's slots
     * @param sources      optional per-item source material; empty = none
     * @param promptHash   SHA-256 (hex) over system prompt, author prompt, template and output contract (and the
     *                     facts' rule file when {@code facts} is set)
     * @param definitions  how each attribute is assigned (weights, conditional cases), see {@link AttributeRules}
     * @param exclusions   forbidden attribute combinations that apply to this category
     * @param facts        placeholder provider filled per slot ("clinical" or "" for none)
     */
    public record Category(
            String id,
            String description,
            int target,
            String template,
            String templateFile,
            OutputKind output,
            Set<InjuryExpectation> expect,
            int minTurns,
            int maxTurns,
            int maxTokens,
            double temperature,
            Map<String, List<String>> attributes,
            List<SourceItem> sources,
            String promptHash,
            Map<String, AttributeRules.Definition> definitions,
            List<AttributeRules.Exclusion> exclusions,
            String facts) {
        public Category {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            sources = List.copyOf(sources);
            expect = Set.copyOf(expect);
            definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
            exclusions = List.copyOf(exclusions);
        }

        public boolean multiTurn() {
            return maxTurns > 1;
        }
    }

    /**
     * Source material for a slice of a category's slots (e.g. a knowledge-base chunk): between {@code min} and
     * {@code max} examples are generated from it. Its text fills the {@code {{source}}} placeholder.
     */
    public record SourceItem(String id, String text, int min, int max) {
        public SourceItem {
            if (min < 0 || max < min) {
                throw new ConfigurationException("source '" + id + "': need 0 <= min <= max, was " + min + ".." + max);
            }
        }
    }
}
