package dev.spotter.llm;

import dev.spotter.ProviderException;

/** Factory for {@link LlmClient}s. */
public final class LlmClients {
    private LlmClients() {}

    /**
     * Creates a client; reads the API key from the configured environment variable now.
     *
     * @throws ProviderException {@link ProviderException.Kind#CONFIGURATION} when the variable is unset or empty (the
     *                      message names the variable, never a value)
     */
    public static LlmClient create(LlmConfig config) throws ProviderException {
        String key = null;
        if (config.apiKeyEnv != null) {
            key = config.env.apply(config.apiKeyEnv);
            if (key == null || key.isBlank()) {
                throw new ProviderException(
                        ProviderException.Kind.CONFIGURATION,
                        "environment variable " + config.apiKeyEnv + " is not set (it must hold the "
                                + config.provider.name().toLowerCase(java.util.Locale.ROOT)
                                + " API key; use --api-key-env none for servers without auth)");
            }
            key = key.strip();
        }
        return new LlmHttp(config, key, new RateLimiter(config.requestsPerMinute, config.tokensPerMinute));
    }
}
