package dev.spotter.format;

import java.util.Objects;

/**
 * One message of a training conversation.
 *
 * @param role    who speaks
 * @param content the text, never null (it may be empty only in records that a validator will reject)
 * @param weight  per-message training weight, 0 or 1, or {@code null} when the source did not say
 */
public record ChatMessage(Role role, String content, Integer weight) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (weight != null && weight != 0 && weight != 1) {
            throw new IllegalArgumentException("weight must be 0 or 1, was " + weight);
        }
    }

    public static ChatMessage of(Role role, String content) {
        return new ChatMessage(role, content, null);
    }

    public static ChatMessage system(String content) {
        return of(Role.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return of(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return of(Role.ASSISTANT, content);
    }

    public ChatMessage withWeight(Integer newWeight) {
        return new ChatMessage(role, content, newWeight);
    }
}
