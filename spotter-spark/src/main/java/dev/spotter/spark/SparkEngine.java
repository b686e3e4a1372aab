package dev.spotter.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * Starts (or joins) the Spark session a job runs in.
 *
 * <p>Two ways in. Under {@code spark-submit} the master, resources and Hadoop settings come from the submit
 * command and {@code spark-defaults.conf}: build without {@link Builder#master}, and nothing here overrides them.
 * In-process ({@code local[N]} or {@code local[N,F]}: N worker threads, F attempts per task before the job fails)
 * the builder binds the driver to the loopback address and turns the web UI off, so a test or a laptop run opens
 * no port on a real interface.
 *
 * <pre>{@code
 * try (SparkSession spark = SparkEngine.builder().appName("spotter").master("local[2]").start()) {
 *     ...
 * }
 * }</pre>
 *
 * Spark allows one active context per JVM: {@link Builder#start()} returns the running one if there is one
 * (with its settings, not these), which is Spark's own {@code getOrCreate} rule.
 */
public final class SparkEngine {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");

    private SparkEngine() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; every setter checks its argument at once. */
    public static final class Builder {
        private String appName = "spotter";
        private @Nullable String master;
        private final Map<String, String> conf = new LinkedHashMap<>();

        private Builder() {}

        public Builder appName(String appName) {
            Objects.requireNonNull(appName, "appName");
            if (appName.isBlank()) {
                throw new IllegalArgumentException("appName must not be blank");
            }
            this.appName = appName;
            return this;
        }

        /**
         * The master URL: {@code local[N]}, {@code local[N,F]}, {@code spark://host:7077}, {@code yarn},
         * {@code k8s://https://host:443}. Leave unset under spark-submit.
         */
        public Builder master(String master) {
            Objects.requireNonNull(master, "master");
            if (master.startsWith("local") && !LOCAL.matcher(master).matches()) {
                throw new IllegalArgumentException(
                        "local master must be local, local[N], local[*] or local[N,F] (F = attempts per task), was "
                                + master);
            }
            if (master.isBlank()) {
                throw new IllegalArgumentException("master must not be blank (leave it unset under spark-submit)");
            }
            this.master = master;
            return this;
        }

        /** One Spark setting ({@code spark.*}, or {@code spark.hadoop.*} for the Hadoop connectors). */
        public Builder conf(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!key.startsWith("spark.")) {
                throw new IllegalArgumentException("Spark settings start with \"spark.\", was " + key);
            }
            conf.put(key, value);
            return this;
        }

        public SparkSession start() {
            SparkSession.Builder b = SparkSession.builder().appName(appName);
            if (master != null) {
                b.master(master);
                if (master.startsWith("local")) {
                    b.config("spark.driver.bindAddress", "127.0.0.1");
                    b.config("spark.driver.host", "127.0.0.1");
                    b.config("spark.ui.enabled", "false");
                }
            }
            conf.forEach(b::config);
            return b.getOrCreate();
        }
    }
}
