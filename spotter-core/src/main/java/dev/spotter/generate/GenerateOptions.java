package dev.spotter.generate;

import dev.spotter.ConfigurationException;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.llm.InferencePrices;
import dev.spotter.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Everything a generation run needs. Build with {@link #builder(Plan, Path, Path)}; the builder checks every value
 * when it is set, so a bad option fails before the state is opened or money is spent.
 */
public final class GenerateOptions {
    final Plan plan;
    final Path stateDir;
    final Path output;
    final Provider provider;
    final String model;
    final String baseUrl;
    final String apiKeyEnv;
    final UnaryOperator<String> env;
    final int limit;
    final Double budgetUsd;
    final int concurrency;
    final int rpm;
    final long tpm;
    final int maxAttemptsPerSlot;
    final Duration requestTimeout;
    final int maxRetries;
    final InferencePrices prices;
    final InferencePrices.Price priceOverride;
    final ProgressListener progress;
    final Consumer<String> log;
    final ExampleCheck extraCheck;
    final boolean replaceOutput;

    private GenerateOptions(Builder b) {
        plan = b.plan;
        stateDir = b.stateDir;
        output = b.output;
        provider = b.provider;
        model = b.model;
        baseUrl = b.baseUrl;
        apiKeyEnv = b.apiKeyEnv;
        env = b.env;
        limit = b.limit;
        budgetUsd = b.budgetUsd;
        concurrency = b.concurrency;
        rpm = b.rpm;
        tpm = b.tpm;
        maxAttemptsPerSlot = b.maxAttemptsPerSlot;
        requestTimeout = b.requestTimeout;
        maxRetries = b.maxRetries;
        prices = b.prices;
        priceOverride = b.priceOverride;
        progress = b.progress;
        log = b.log;
        extraCheck = b.extraCheck;
        replaceOutput = b.replaceOutput;
    }

    public static Builder builder(Plan plan, Path stateDir, Path output) {
        return new Builder(plan, stateDir, output);
    }

    public Plan plan() {
        return plan;
    }

    /** Effective target of a category under {@code --limit}. */
    public int target(Plan.Category c) {
        return limit > 0 ? Math.min(limit, c.target()) : c.target();
    }

    /** Builder; see the CLI help of {@code spotter generate} for each option's meaning. */
    public static final class Builder {
        private final Plan plan;
        private final Path stateDir;
        private final Path output;
        private Provider provider = Provider.OPENAI;
        private String model;
        private String baseUrl;
        private String apiKeyEnv;
        private UnaryOperator<String> env = name -> null; // nothing unless the caller passes an environment
        private int limit;
        private Double budgetUsd;
        private int concurrency = 8;
        private int rpm;
        private long tpm;
        private int maxAttemptsPerSlot = 4;
        private Duration requestTimeout = Duration.ofSeconds(180);
        private int maxRetries = 6;
        private InferencePrices prices = InferencePrices.bundled();
        private InferencePrices.Price priceOverride;
        private ProgressListener progress = ProgressListener.NONE;
        private Consumer<String> log = s -> {};
        private ExampleCheck extraCheck = ExampleCheck.NONE;
        private boolean replaceOutput;

        private Builder(Plan plan, Path stateDir, Path output) {
            this.plan = Objects.requireNonNull(plan, "plan");
            this.stateDir = Objects.requireNonNull(stateDir, "state directory");
            this.output = output;
        }

        public Builder provider(Provider p) {
            this.provider = Objects.requireNonNull(p);
            return this;
        }

        /**
         * The model of a run that calls no provider ({@link Generator#dryRun} without a model): the dry run then
         * prints no cost estimate and says that one needs a model.
         */
        public static final String NO_MODEL = "(no model)";

        public Builder model(String m) {
            if (m == null || m.isBlank()) {
                throw ConfigurationException.forParameter("model", "is required");
            }
            this.model = m;
            return this;
        }

        public Builder baseUrl(String u) {
            this.baseUrl = u;
            return this;
        }

        public Builder apiKeyEnv(String name) {
            this.apiKeyEnv = name;
            return this;
        }

        public Builder env(UnaryOperator<String> e) {
            this.env = Objects.requireNonNull(e);
            return this;
        }

        /** Caps every category's target at n (0 = no cap); a later run without it continues to the full targets. */
        public Builder limit(int n) {
            if (n < 0) {
                throw ConfigurationException.forParameter("limit", "must be >= 0, was " + n);
            }
            this.limit = n;
            return this;
        }

        /** Total spend cap over the whole state (all runs), USD. */
        public Builder budgetUsd(Double usd) {
            if (usd != null && !(usd > 0)) {
                throw ConfigurationException.forParameter("budgetUsd", "must be > 0, was " + usd);
            }
            this.budgetUsd = usd;
            return this;
        }

        public Builder concurrency(int n) {
            if (n < 1 || n > 1024) {
                throw ConfigurationException.forParameter("concurrency", "must be in [1, 1024], was " + n);
            }
            this.concurrency = n;
            return this;
        }

        public Builder rpm(int n) {
            if (n < 0) {
                throw ConfigurationException.forParameter("rpm", "must be >= 0, was " + n);
            }
            this.rpm = n;
            return this;
        }

        public Builder tpm(long n) {
            if (n < 0) {
                throw ConfigurationException.forParameter("tpm", "must be >= 0, was " + n);
            }
            this.tpm = n;
            return this;
        }

        /** Attempts per slot in one run before the run gives up on that slot (rerun continues). */
        public Builder maxAttemptsPerSlot(int n) {
            if (n < 1 || n > 50) {
                throw ConfigurationException.forParameter("maxAttemptsPerSlot", "must be in [1, 50], was " + n);
            }
            this.maxAttemptsPerSlot = n;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** HTTP-level retries per request (429/5xx/timeouts), including the first attempt. */
        public Builder maxRetries(int n) {
            if (n < 1) {
                throw new ConfigurationException("max HTTP attempts must be >= 1");
            }
            this.maxRetries = n;
            return this;
        }

        public Builder prices(InferencePrices t) {
            this.prices = Objects.requireNonNull(t);
            return this;
        }

        public Builder priceOverride(InferencePrices.Price p) {
            this.priceOverride = p;
            return this;
        }

        /** Receives the run's progress (accepted/target and a status line; default: none). */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /** Receives one line per HTTP retry of the client (never a key; default: discarded). */
        public Builder log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "log");
            return this;
        }

        /**
         * A check run on every response that passed the built-in checks, live and batch; a failure is a reject
         * (quarantined, slot retried). See {@link ExampleCheck}.
         */
        public Builder extraCheck(ExampleCheck check) {
            this.extraCheck = Objects.requireNonNull(check, "extraCheck");
            return this;
        }

        /**
         * Allows replacing an output file that this state did not write (by default the run refuses before it
         * sends anything, because the output is rewritten from the state and the file's lines would be lost).
         */
        public Builder replaceOutput(boolean replace) {
            this.replaceOutput = replace;
            return this;
        }

        public GenerateOptions build() {
            if (model == null) {
                throw ConfigurationException.forParameter("model", "is required");
            }
            return new GenerateOptions(this);
        }
    }
}
