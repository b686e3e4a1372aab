package dev.spotter;

import org.jspecify.annotations.Nullable;

/**
 * Settings Spotter cannot work with: a {@code spotter.yaml} key (the message names the file and the key path, e.g.
 * {@code spotter.yaml: sources[1].targets: ...}), a builder parameter out of range, options that contradict each
 * other, or an environment variable that must be set and is not (named, never its value).
 */
public final class ConfigurationException extends SpotterException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, null, null);
    }

    public ConfigurationException(String message, @Nullable Throwable cause) {
        super(message, null, cause);
    }

    private ConfigurationException(String parameter, String message) {
        super(message, parameter, null);
    }

    /**
     * A builder parameter with an invalid value; the message is "{@code parameter reason}" (e.g. "concurrency must be
     * in [1, 1024], was 0") and
     * {@link #parameter()} is set, so a front end can print its own name for the parameter.
     */
    public static ConfigurationException forParameter(String parameter, String reason) {
        return new ConfigurationException(parameter, parameter + " " + reason);
    }
}
