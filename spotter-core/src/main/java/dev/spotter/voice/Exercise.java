package dev.spotter.voice;

import java.util.List;
import java.util.Objects;

/**
 * One catalog exercise.
 *
 * @param id         stable kebab-case id used in labels ({@code barbell-bench-press})
 * @param name       canonical display name ({@code Barbell Bench Press})
 * @param equipment  barbell, dumbbell, kettlebell, cable, machine, smith, bodyweight, trap-bar, landmine, band, other
 * @param pattern    movement pattern (squat, hinge, horizontal-push, …)
 * @param bodyweight true when a bare number is reps and any weight is added load ("pull ups plus 45")
 * @param aliases    what people say, as written in the catalog (not normalised)
 */
public record Exercise(
        String id, String name, String equipment, String pattern, boolean bodyweight, List<String> aliases) {
    public Exercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }
}
