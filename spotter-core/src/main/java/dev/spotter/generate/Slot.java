package dev.spotter.generate;

import java.util.Map;

/**
 * One position in a category's quota: exactly one accepted example fills it. Attributes are assigned
 * deterministically from the plan seed, so a resumed run asks for the same thing.
 *
 * @param category   category id
 * @param index      0-based slot number within the category
 * @param attributes attribute values for this slot (includes {@code turns}, and {@code source_id} when sourced)
 */
public record Slot(String category, int index, Map<String, String> attributes) {
    public Slot {
        attributes = Map.copyOf(attributes);
    }

    /** Stable request id for attempt {@code attempt}: {@code <category>_<index>_a<attempt>}, ≤ 64 chars [A-Za-z0-9_-]. */
    public String customId(int attempt) {
        return category + "_" + index + "_a" + attempt;
    }
}
