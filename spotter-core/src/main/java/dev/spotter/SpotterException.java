package dev.spotter;

import org.jspecify.annotations.Nullable;

/**
 * The one root of every failure Spotter reports to its caller. The message is one line in the library's own terms,
 * safe to show as it is: it names the file, line, key path, parameter or service involved and the reason in words,
 * and never contains a secret (API keys and database passwords are redacted before a message is built).
 *
 * <p>The kinds are closed, so a caller (the CLI, or a Java backend) can decide what to do with a switch:
 *
 * <pre>{@code
 * try {
 *     spotter.build(project);
 * } catch (SpotterException e) {
 *     int exit = switch (e) {
 *         case ConfigurationException c -> 2; // fix spotter.yaml, an option or an environment variable
 *         case FileException f -> 2;          // a path that cannot be read or written
 *         case InputDataException d -> 2;     // input content Spotter cannot use at all
 *         case DataSourceException s -> 2;    // the knowledge-base database or REST API refused
 *         case ProviderException p -> 2;      // the LLM provider refused or failed for good
 *         case PlatformException p -> 2;      // the fine-tuning platform refused or failed
 *     };
 * }
 * }</pre>
 *
 * <p>Anything else that escapes the library (a {@link NullPointerException}, an {@link IllegalStateException}) is a
 * bug in Spotter, not a problem with the caller's input; builders reject invalid settings with a
 * {@link ConfigurationException} that names the {@link #parameter() parameter}, which a front end can translate
 * to its own spelling (the CLI prints {@code --concurrency} for the parameter {@code concurrency}).
 */
public abstract sealed class SpotterException extends RuntimeException
        permits ConfigurationException,
                FileException,
                InputDataException,
                DataSourceException,
                ProviderException,
                PlatformException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String parameter;

    SpotterException(String message, @Nullable String parameter, @Nullable Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
    }

    /**
     * The library parameter the failure is about, in the library's spelling (e.g. {@code concurrency},
     * {@code budgetUsd}), or {@code null} when it is not about one parameter.
     */
    public @Nullable String parameter() {
        return parameter;
    }
}
