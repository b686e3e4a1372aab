/**
 * Human review of generated data: which records of a source a person accepted, edited or rejected, which batches
 * passed their sampling gate, and the decisions database those answers live in.
 *
 * <p>Entry points: {@link dev.spotter.review.ReviewGate} (what the build, the inventory and generation ask),
 * {@link dev.spotter.review.DecisionStore} (the SQLite decisions file the review app writes),
 * {@link dev.spotter.review.ReviewPolicy} (the {@code review:} settings), {@link dev.spotter.review.SourceIndex}
 * (a source file and its provenance sidecar cut into batches) and {@link dev.spotter.review.DecisionsJsonl}
 * (export and import). The web app ({@code spotter-review} module) is a client of this package; the build never
 * depends on it.
 */
@NullMarked
package dev.spotter.review;

import org.jspecify.annotations.NullMarked;
