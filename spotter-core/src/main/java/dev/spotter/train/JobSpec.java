package dev.spotter.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hyper-parameters of a supervised fine-tune job, validated when built (Caffeine style: a bad value fails at
 * {@link Builder#build()} with the field name and the allowed range, not later as a platform 400).
 *
 * <p>The suffix sent to the platform is {@code <suffix>-<clientToken>}: the token (8 lowercase base-36 chars,
 * chosen per submission and stored in the project state before the POST) is how a retry recognises a job the
 * server created although the client never saw the response. Hence the user's part may use at most 31 of the
 * platform's 40 characters.
 */
public record JobSpec(
        String model,
        boolean lora,
        int loraR,
        int loraAlpha,
        double loraDropout,
        int epochs,
        double learningRate,
        Integer batchSize,
        String suffix,
        String trainOnInputs,
        int nEvals,
        int nCheckpoints,
        double warmupRatio) {

    public static final String LLAMA33_70B = "meta-llama/Llama-3.3-70B-Instruct-Reference";
    /** Together's limit on the whole suffix. */
    public static final int MAX_PLATFORM_SUFFIX = 40;
    /** Length of the client token plus its dash. */
    public static final int TOKEN_PART = 9;

    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public static Builder builder() {
        return new Builder();
    }

    /** The suffix as sent: {@code suffix-token}. */
    public String platformSuffix(String clientToken) {
        return suffix + "-" + clientToken;
    }

    /** Body fields of create (everything except files and suffix): the estimate fields plus the hyper-parameters. */
    ObjectNode toJson() {
        ObjectNode o = estimateJson();
        o.put("n_checkpoints", nCheckpoints);
        if (batchSize == null) {
            o.put("batch_size", "max");
        } else {
            o.put("batch_size", batchSize);
        }
        o.put("learning_rate", learningRate);
        o.put("warmup_ratio", warmupRatio);
        return o;
    }

    /**
     * Body fields of {@code POST /fine-tunes/estimate-price} besides the files: only what its schema has (model,
     * n_epochs, n_evals, training_method, training_type; platforms.md). {@code n_checkpoints}, {@code batch_size},
     * {@code learning_rate} and {@code warmup_ratio} are create-only.
     */
    ObjectNode estimateJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("model", model);
        o.put("n_epochs", epochs);
        o.put("n_evals", nEvals);
        ObjectNode tt = o.putObject("training_type");
        if (lora) {
            tt.put("type", "Lora");
            tt.put("lora_r", loraR);
            tt.put("lora_alpha", loraAlpha);
            tt.put("lora_dropout", loraDropout);
            tt.put("lora_trainable_modules", "all-linear");
        } else {
            tt.put("type", "Full");
        }
        ObjectNode tm = o.putObject("training_method");
        tm.put("method", "sft");
        switch (trainOnInputs) {
            case "true" -> tm.put("train_on_inputs", true);
            case "false" -> tm.put("train_on_inputs", false);
            default -> tm.put("train_on_inputs", "auto");
        }
        return o;
    }

    public static final class Builder {
        private String model = LLAMA33_70B;
        private boolean lora = true;
        private int loraR = 16;
        private int loraAlpha = 32;
        private double loraDropout = 0.05;
        private int epochs = 3;
        private double learningRate = 1e-5;
        private Integer batchSize;
        private String suffix = "spotter";
        private String trainOnInputs = "auto";
        private int nEvals = 0;
        private int nCheckpoints = 1;
        private double warmupRatio = 0.0;

        private Builder() {}

        public Builder model(String v) {
            this.model = v;
            return this;
        }

        public Builder lora(boolean v) {
            this.lora = v;
            return this;
        }

        public Builder loraR(int v) {
            this.loraR = v;
            return this;
        }

        public Builder loraAlpha(int v) {
            this.loraAlpha = v;
            return this;
        }

        public Builder loraDropout(double v) {
            this.loraDropout = v;
            return this;
        }

        public Builder epochs(int v) {
            this.epochs = v;
            return this;
        }

        public Builder learningRate(double v) {
            this.learningRate = v;
            return this;
        }
        /** {@code null} = the platform's maximum ("max"). */
        public Builder batchSize(Integer v) {
            this.batchSize = v;
            return this;
        }

        public Builder suffix(String v) {
            this.suffix = v;
            return this;
        }
        /** "auto", "true" or "false". */
        public Builder trainOnInputs(String v) {
            this.trainOnInputs = v;
            return this;
        }

        public Builder nEvals(int v) {
            this.nEvals = v;
            return this;
        }

        public Builder nCheckpoints(int v) {
            this.nCheckpoints = v;
            return this;
        }

        public Builder warmupRatio(double v) {
            this.warmupRatio = v;
            return this;
        }

        public JobSpec build() {
            Objects.requireNonNull(model, "model");
            if (model.isBlank()) {
                throw ConfigurationException.forParameter("model", "must not be blank");
            }
            if (epochs < 1 || epochs > 20) {
                throw ConfigurationException.forParameter("epochs", "must be 1..20, was " + epochs);
            }
            if (!(learningRate > 0 && learningRate <= 1e-2)) {
                throw new ConfigurationException("learning rate must be in (0, 0.01], was " + learningRate);
            }
            if (batchSize != null && (batchSize < 1 || batchSize > 1024)) {
                throw new ConfigurationException("batch size must be 1..1024 or max, was " + batchSize);
            }
            if (lora) {
                if (loraR < 1 || loraR > 512) {
                    throw new ConfigurationException("lora r must be 1..512, was " + loraR);
                }
                if (loraAlpha < 1) {
                    throw new ConfigurationException("lora alpha must be >= 1, was " + loraAlpha);
                }
                if (loraDropout < 0 || loraDropout >= 1) {
                    throw new ConfigurationException("lora dropout must be in [0, 1), was " + loraDropout);
                }
            }
            String s = suffix == null ? "" : suffix;
            if (!SUFFIX.matcher(s).matches() || s.length() > MAX_PLATFORM_SUFFIX - TOKEN_PART) {
                throw ConfigurationException.forParameter(
                        "suffix",
                        "must be 1.." + (MAX_PLATFORM_SUFFIX - TOKEN_PART)
                                + " chars of [a-z0-9-] starting with a letter or digit (Spotter appends -<8-char client"
                                + " token> to stay within the platform's 40), was \"" + s + "\"");
            }
            String toi = trainOnInputs == null ? "auto" : trainOnInputs.toLowerCase(Locale.ROOT);
            if (!toi.equals("auto") && !toi.equals("true") && !toi.equals("false")) {
                throw new ConfigurationException("train_on_inputs must be auto, true or false, was " + trainOnInputs);
            }
            if (nEvals < 0 || nCheckpoints < 1) {
                throw new ConfigurationException("n_evals must be >= 0 and n_checkpoints >= 1");
            }
            if (warmupRatio < 0 || warmupRatio > 1) {
                throw new ConfigurationException("warmup ratio must be in [0, 1], was " + warmupRatio);
            }
            return new JobSpec(
                    model,
                    lora,
                    loraR,
                    loraAlpha,
                    loraDropout,
                    epochs,
                    learningRate,
                    batchSize,
                    s,
                    toi,
                    nEvals,
                    nCheckpoints,
                    warmupRatio);
        }
    }
}
