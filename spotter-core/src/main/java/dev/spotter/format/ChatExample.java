package dev.spotter.format;

import java.util.List;
import java.util.Optional;

/** One training example: an ordered conversation. Immutable. */
public record ChatExample(List<ChatMessage> messages) {
    public ChatExample {
        messages = List.copyOf(messages);
    }

    public static ChatExample of(ChatMessage... messages) {
        return new ChatExample(List.of(messages));
    }

    /** The first message with the given role, if any. */
    public Optional<ChatMessage> first(Role role) {
        return messages.stream().filter(m -> m.role() == role).findFirst();
    }

    /** The last message with the given role, if any. */
    public Optional<ChatMessage> last(Role role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == role) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean has(Role role) {
        return first(role).isPresent();
    }
}
