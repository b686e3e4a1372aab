package dev.spotter.llm;

import dev.spotter.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Immutable client configuration; build with {@link #builder(Provider)}. The API key itself is never part of the
 * configuration: only the <em>name</em> of the environment variable that holds it, read when the client is created.
 */
public final class LlmConfig {
    final Provider provider;
    final URI baseUrl;
    final String apiKeyEnv;
    final UnaryOperator<String> env;
    final Duration requestTimeout;
    final Duration connectTimeout;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration maxRetryAfter;
    final int requestsPerMinute;
    final long tokensPerMinute;
    final Consumer<String> log;
    final Provider.Dialect dialect;

    private LlmConfig(Builder b) {
        this.provider = b.provider;
        this.baseUrl = b.baseUrl;
        this.apiKeyEnv = b.apiKeyEnv;
        this.env = b.env;
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.requestsPerMinute = b.requestsPerMinute;
        this.tokensPerMinute = b.tokensPerMinute;
        this.log = b.log;
        this.dialect = b.dialect;
    }

    public static Builder builder(Provider provider) {
        return new Builder(provider);
    }

    public Provider provider() {
        return provider;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Name of the environment variable holding the key, or {@code null} for keyless local servers. */
    public String apiKeyEnv() {
        return apiKeyEnv;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public long tokensPerMinute() {
        return tokensPerMinute;
    }

    /** Fluent builder; every setter validates its argument immediately. */
    public static final class Builder {
        private final Provider provider;
        private URI baseUrl;
        private String apiKeyEnv;
        private UnaryOperator<String> env = name -> null; // nothing unless the caller passes an environment
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxAttempts = 6;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration maxRetryAfter = Duration.ofSeconds(300);
        private int requestsPerMinute;
        private long tokensPerMinute;
        private Consumer<String> log = s -> {};
        private Provider.Dialect dialect; // null = by base URL (Provider.Dialect.forBaseUrl)

        private Builder(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.baseUrl = URI.create(provider.defaultBaseUrl());
            this.apiKeyEnv = provider.defaultKeyEnv();
        }

        /** e.g. {@code https://api.together.xyz/v1}, {@code http://127.0.0.1:11434/v1} (Ollama). */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "baseUrl");
            URI u = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (u.getScheme() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new ConfigurationException("base URL must be an absolute http(s) URL, was '" + url + "'");
            }
            this.baseUrl = u;
            return this;
        }

        /** Environment variable holding the key; {@code null} or "none" for servers without auth (Ollama, llama.cpp). */
        public Builder apiKeyEnv(String name) {
            if (name == null || name.isBlank() || name.equalsIgnoreCase("none")) {
                this.apiKeyEnv = null;
            } else if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigurationException("apiKeyEnv must be an environment variable name, was '" + name + "'");
            } else {
                this.apiKeyEnv = name;
            }
            return this;
        }

        /**
         * Where environment variables (the API key) are looked up, e.g. {@code Environment.system().lookup()}; default:
         * no variables at all (the library never reads the process environment by itself).
         */
        public Builder env(UnaryOperator<String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "requestTimeout");
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** Total attempts including the first (1 = no retries). */
        public Builder maxAttempts(int n) {
            if (n < 1 || n > 100) {
                throw ConfigurationException.forParameter("maxAttempts", "must be in [1, 100], was " + n);
            }
            this.maxAttempts = n;
            return this;
        }

        /** Exponential backoff: attempt k waits a random time in [0, min(max, initial·2^k)] ("full jitter"). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initialBackoff");
            this.maxBackoff = positive(max, "maxBackoff");
            if (max.compareTo(initial) < 0) {
                throw ConfigurationException.forParameter("maxBackoff", "must be >= initialBackoff");
            }
            return this;
        }

        /** Longest {@code Retry-After} honoured; a longer one fails the call as transient instead of hanging. */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = positive(d, "maxRetryAfter");
            return this;
        }

        /** Client-side requests/minute limit, 0 = none. */
        public Builder requestsPerMinute(int rpm) {
            if (rpm < 0) {
                throw ConfigurationException.forParameter("requestsPerMinute", "must be >= 0, was " + rpm);
            }
            this.requestsPerMinute = rpm;
            return this;
        }

        /** Client-side tokens/minute limit (prompt estimate + max_tokens, corrected by usage), 0 = none. */
        public Builder tokensPerMinute(long tpm) {
            if (tpm < 0) {
                throw ConfigurationException.forParameter("tokensPerMinute", "must be >= 0, was " + tpm);
            }
            this.tokensPerMinute = tpm;
            return this;
        }

        /** Receives one line per retry/backoff event. Lines never contain keys or request headers. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Which request dialect to send; by default OpenAI's own API ({@code api.openai.com}) gets
         * {@code max_completion_tokens} and every other OpenAI-compatible server {@code max_tokens}.
         */
        public Builder dialect(Provider.Dialect d) {
            this.dialect = Objects.requireNonNull(d, "dialect");
            return this;
        }

        public LlmConfig build() {
            return new LlmConfig(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new ConfigurationException(what + " must be > 0, was " + d);
            }
            return d;
        }
    }
}
