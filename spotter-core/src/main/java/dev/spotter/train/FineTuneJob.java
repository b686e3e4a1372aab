package dev.spotter.train;

/**
 * A fine-tune job as the platform reports it. Numeric fields are -1 when the platform did not send them.
 */
public record FineTuneJob(
        String id,
        JobStatus status,
        String model,
        String modelOutputName,
        String trainingFile,
        String validationFile,
        String suffix,
        long stepsCompleted,
        long totalSteps,
        long tokenCount,
        double totalPrice,
        String createdAt) {

    /** "37/120 steps (30%)" or "- steps" before the platform knows. */
    public String progress() {
        if (totalSteps <= 0) {
            return "- steps";
        }
        long done = Math.max(0, stepsCompleted);
        return done + "/" + totalSteps + " steps (" + (done * 100 / totalSteps) + "%)";
    }
}
