package dev.spotter.format;

import java.util.Optional;

/** The roles a training conversation may use. Tool roles are out of scope (see docs/ARCHITECTURE.md). */
public enum Role {
    SYSTEM("system"),
    USER("user"),
    ASSISTANT("assistant");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role as it is spelled in chat JSONL and in the Llama 3.3 header. */
    public String wireName() {
        return wireName;
    }

    /** Exact (case-sensitive) lookup, as platforms match roles. */
    public static Optional<Role> fromWire(String name) {
        for (Role r : values()) {
            if (r.wireName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
