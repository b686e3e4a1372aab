package dev.spotter.review;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reviewer's decision on one record, as stored. It applies to the record whose line has {@code contentHash} in
 * {@code source}; a changed line has another hash, so the decision no longer applies to it.
 *
 * @param id          row id in the decisions database (0 for a decision not stored yet)
 * @param recordId    the record's generation custom_id or {@code line:N}, for people and for re-opening slots
 * @param line        the physical line when decided
 * @param batch       the batch when decided
 * @param reason      reject reason code ({@link Action#REJECT} only)
 * @param note        the reviewer's note, optional
 * @param edited      the edited example as one chat JSONL line ({@link Action#EDIT} only)
 * @param original    the original line ({@link Action#EDIT} only): kept so the diff survives a later rewrite of the file
 * @param msSpent     time from the record being shown to the decision, in milliseconds
 * @param origin      {@code ui} or {@code import}
 */
public record Decision(
        long id,
        String source,
        String contentHash,
        String recordId,
        long line,
        String batch,
        Action action,
        @Nullable String reason,
        @Nullable String note,
        @Nullable String edited,
        @Nullable String original,
        String reviewer,
        Instant decidedAt,
        long msSpent,
        String origin) {
    /** What the reviewer decided. */
    public enum Action {
        ACCEPT,
        REJECT,
        EDIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code accept|reject|edit}; null for anything else. */
        public static @Nullable Action parse(String s) {
            return switch (s) {
                case "accept" -> ACCEPT;
                case "reject" -> REJECT;
                case "edit" -> EDIT;
                default -> null;
            };
        }
    }

    public Decision {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reviewer, "reviewer");
        if (!Sha256.isHex64(contentHash)) {
            throw new IllegalArgumentException("content hash must be 64 lower-case hex digits, was " + contentHash);
        }
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reviewer name");
        }
        if (action == Action.REJECT && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a reject needs a reason code");
        }
        if (action != Action.REJECT && reason != null) {
            throw new IllegalArgumentException("only a reject has a reason code (" + action.wireName() + " had one)");
        }
        if (action == Action.EDIT && (edited == null || original == null)) {
            throw new IllegalArgumentException("an edit keeps the edited and the original example");
        }
        if (action != Action.EDIT && edited != null) {
            throw new IllegalArgumentException("only an edit carries edited content");
        }
        if (msSpent < 0) {
            throw new IllegalArgumentException("time spent must be >= 0 ms, was " + msSpent);
        }
    }

    /** The same decision with its stored id and time. */
    Decision stored(long newId, Instant at) {
        return new Decision(
                newId,
                source,
                contentHash,
                recordId,
                line,
                batch,
                action,
                reason,
                note,
                edited,
                original,
                reviewer,
                at,
                msSpent,
                origin);
    }
}
