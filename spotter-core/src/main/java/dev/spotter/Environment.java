package dev.spotter;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where Spotter looks up environment variables: API keys ({@code ANTHROPIC_API_KEY}, ...), the knowledge-base URL
 * and password, base-URL overrides. The library never reads the process environment by itself; callers pass an
 * {@code Environment} (the CLI passes {@link #system()}, tests and backends pass {@link #of(Map)}), so a test can
 * set a variable without starting a child JVM, and a backend can serve several tenants from one process.
 *
 * <p>Values are secrets: implementations must not log them, and Spotter never puts a value into a message, a log,
 * a state file or an output — only the variable's name.
 */
@FunctionalInterface
public interface Environment {
    /** The value of {@code name}, or empty when it is not set. A blank value counts as set (callers decide). */
    Optional<String> get(String name);

    /** True when {@code name} is set to something other than blanks. */
    default boolean isSet(String name) {
        return get(name).filter(v -> !v.isBlank()).isPresent();
    }

    /** This environment as a plain lookup (null when unset), for builders that take one. */
    default java.util.function.UnaryOperator<@Nullable String> lookup() {
        return name -> name == null ? null : get(name).orElse(null);
    }

    /** The process environment. This is the one place in Spotter that reads {@link System#getenv(String)}. */
    static Environment system() {
        return name -> Optional.ofNullable(System.getenv(Objects.requireNonNull(name, "name")));
    }

    /** A fixed environment (a copy of {@code vars}). */
    static Environment of(Map<String, String> vars) {
        Map<String, String> copy = Map.copyOf(vars);
        return name -> Optional.ofNullable(copy.get(Objects.requireNonNull(name, "name")));
    }

    /** An environment with no variables. */
    static Environment empty() {
        return name -> Optional.empty();
    }
}
