package dev.spotter.review;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code review:} settings of one source: how records are cut into batches, which of them a person must see,
 * and when a batch passes. Immutable; make one with {@link #builder()} (every setter checks its argument at once).
 *
 * <p>Gate per batch:
 * <ul>
 *   <li>{@link Mode#ALL}: every record must be decided (accepted, edited or rejected) and the batch signed off.</li>
 *   <li>{@link Mode#SAMPLE}: a seeded sample of {@code samplePercent} % of the batch, at least {@code minSample}
 *       records (all of them in a smaller batch), must be decided. If the sample's reject rate is above
 *       {@code maxRejectRate} the batch fails ({@link OnFail#FAIL}: its undecided records are not used, their slots
 *       re-open for generation) or escalates to full review ({@link OnFail#ESCALATE}). Otherwise, once signed off,
 *       the undecided records are used as they are.</li>
 * </ul>
 *
 * @param mode          which records must be decided
 * @param samplePercent share of a batch in the sample, (0, 100]
 * @param minSample     the sample holds at least this many records (or the whole batch)
 * @param maxRejectRate highest reject rate of a sample that still passes, [0, 1]
 * @param onFail        what a failed sample does to its batch
 * @param seed          seed of the sample (same seed, batch and records give the same sample)
 * @param batchSize     records per batch for files whose provenance has no generation run id
 * @param reasons       reject reason codes, in key order (keys 1..9 pick the first nine)
 */
public record ReviewPolicy(
        Mode mode,
        double samplePercent,
        int minSample,
        double maxRejectRate,
        OnFail onFail,
        long seed,
        int batchSize,
        List<Reason> reasons) {
    /** Which records of a batch a person must decide. */
    public enum Mode {
        ALL,
        SAMPLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a sample above {@code maxRejectRate} does to its batch. */
    public enum OnFail {
        FAIL,
        ESCALATE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A reject reason: a stable code (snake_case, stored with the decision) and the label the page shows. */
    public record Reason(String code, String label) {
        private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(
                        "reject reason code '" + code + "' must be snake_case: [a-z][a-z0-9_]{0,39}");
            }
            if (label.isBlank()) {
                throw new IllegalArgumentException("reject reason '" + code + "' needs a label");
            }
        }
    }

    /** The defaults: factually wrong, unsafe advice, not grounded, off-topic, low quality, duplicate, formatting, other. */
    public static final List<Reason> DEFAULT_REASONS = List.of(
            new Reason("factually_wrong", "Factually wrong"),
            new Reason("unsafe_advice", "Unsafe advice"),
            new Reason("not_grounded", "Not grounded in the source"),
            new Reason("off_topic", "Off-topic"),
            new Reason("low_quality", "Low quality"),
            new Reason("duplicate", "Duplicate"),
            new Reason("formatting", "Formatting"),
            new Reason("other", "Other"));

    public static final int DEFAULT_BATCH_SIZE = 50;

    public ReviewPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(onFail, "onFail");
        reasons = List.copyOf(reasons);
    }

    /** Full review of every record, batches of 50, the default reasons. */
    public static ReviewPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .mode(mode)
                .sample(samplePercent, minSample)
                .maxRejectRate(maxRejectRate)
                .onFail(onFail)
                .seed(seed)
                .batchSize(batchSize)
                .reasons(reasons);
    }

    /** The reason with this code, or null. */
    public @org.jspecify.annotations.Nullable Reason reason(String code) {
        for (Reason r : reasons) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        return null;
    }

    /** How many records of a batch of {@code size} the sample holds ({@code size} in {@link Mode#ALL}). */
    public int sampleSize(int size) {
        if (mode == Mode.ALL) {
            return size;
        }
        int k = (int) Math.ceil(size * samplePercent / 100.0 - 1e-9);
        return Math.min(size, Math.max(minSample, k));
    }

    /**
     * Most rejects a complete sample of {@code sampleSize} may hold and still pass: {@code floor(maxRejectRate ·
     * sampleSize)}. One more and the sample fails, whatever the undecided records turn out to be.
     */
    public int allowedRejects(int sampleSize) {
        return (int) Math.floor(maxRejectRate * sampleSize + 1e-9);
    }

    /** Fail-fast builder: each setter rejects a bad value with a message naming the {@code review:} key. */
    public static final class Builder {
        private Mode mode = Mode.ALL;
        private double samplePercent = 10;
        private int minSample = 20;
        private double maxRejectRate = 0.1;
        private OnFail onFail = OnFail.ESCALATE;
        private long seed = 42;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private List<Reason> reasons = DEFAULT_REASONS;

        private Builder() {}

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "review.mode");
            return this;
        }

        /** {@code review.sample.percent} in (0, 100] and {@code review.sample.min} ≥ 1. */
        public Builder sample(double percent, int min) {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("review.sample.percent must be in (0, 100], was " + percent);
            }
            if (min < 1) {
                throw new IllegalArgumentException("review.sample.min must be >= 1, was " + min);
            }
            this.samplePercent = percent;
            this.minSample = min;
            return this;
        }

        public Builder maxRejectRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("review.maxRejectRate must be in [0, 1], was " + rate);
            }
            this.maxRejectRate = rate;
            return this;
        }

        public Builder onFail(OnFail onFail) {
            this.onFail = Objects.requireNonNull(onFail, "review.onFail");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder batchSize(int size) {
            if (size < 1 || size > 1_000_000) {
                throw new IllegalArgumentException("review.batchSize must be in [1, 1000000], was " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** At least one reason, codes unique; only the first nine get a number key. */
        public Builder reasons(List<Reason> reasons) {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("review.reasons must list at least one reason");
            }
            Set<String> seen = new HashSet<>();
            for (Reason r : reasons) {
                if (!seen.add(r.code())) {
                    throw new IllegalArgumentException("review.reasons lists '" + r.code() + "' twice");
                }
            }
            this.reasons = List.copyOf(reasons);
            return this;
        }

        public ReviewPolicy build() {
            return new ReviewPolicy(mode, samplePercent, minSample, maxRejectRate, onFail, seed, batchSize, reasons);
        }
    }
}
