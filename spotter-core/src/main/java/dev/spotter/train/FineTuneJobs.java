package dev.spotter.train;

import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.PlatformException;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.kernel.Hashing;
import dev.spotter.report.TrainingPrices;
import dev.spotter.train.export.Exporter;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The submit workflow over a {@link TogetherClient} and a {@link TrainState}: upload (deduplicated), estimate,
 * confirm, create (never twice), record.
 */
public final class FineTuneJobs {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final TogetherClient client;
    private final TrainState state;

    public FineTuneJobs(TogetherClient client, TrainState state) {
        this.client = client;
        this.state = state;
    }

    /** 8 random lowercase base-36 characters (41 bits): collisions between one account's jobs are negligible. */
    public static String newClientToken() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * The fallback estimate from the dated price table ({@code report/prices.yaml}, default provider): billed
     * tokens = epochs × training tokens + n_evals × validation tokens, counted exactly with the Llama 3 tokenizer
     * over the rendered Llama 3.3 conversations (Together's formula, platforms.md).
     */
    public static PriceEstimate tablePrice(Path train, Path validation, JobSpec spec) {
        long trainTokens = tokens(train);
        long valTokens = validation == null ? 0 : tokens(validation);
        TrainingPrices.Price price = TrainingPrices.bundled().defaultPrice();
        long billed = trainTokens * spec.epochs() + valTokens * spec.nEvals();
        return new PriceEstimate(
                price.price().cost(billed).toUsdDouble(),
                billed,
                true,
                "price table dated " + price.asOf() + " (" + price.provider() + ", "
                        + price.price().describePerThousand() + "; a planning figure)");
    }

    private static String sha(Path file) {
        try {
            return Hashing.sha256Hex(file);
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
    }

    private static long tokens(Path file) {
        long[] sum = {0};
        try {
            ChatValidator.builder()
                    .tokenCounter(Exporter.LLAMA3)
                    .noTokenLimit()
                    .build()
                    .validate(file, a -> sum[0] += a.tokens(), QuarantineWriter.discarding());
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
        return sum[0];
    }

    /** What happened to a submit request. */
    public sealed interface Outcome {
        record Submitted(FineTuneJob job, PriceEstimate estimate, boolean recovered) implements Outcome {}

        record Declined(PriceEstimate estimate) implements Outcome {}
    }

    /**
     * @param validation may be null
     * @param confirm    sees the estimate (null when the platform gave none) and says whether to go on
     * @param log        progress lines ("uploaded train.jsonl as file-123")
     */
    public Outcome submit(
            Path train, Path validation, JobSpec spec, Predicate<PriceEstimate> confirm, Consumer<String> log) {
        return submit(train, validation, spec, confirm, log, false);
    }

    /**
     * @param again submit even when the state already records a live or completed job for the same files, suffix
     *              and model (without it such a repeat is refused: re-running a command must not buy a second job)
     */
    public Outcome submit(
            Path train,
            Path validation,
            JobSpec spec,
            Predicate<PriceEstimate> confirm,
            Consumer<String> log,
            boolean again) {
        String trainSha = sha(train);
        RemoteFile tf = client.upload(train, trainSha);
        state.recordFile(train, trainSha, tf);
        log.accept("training file " + train.getFileName() + " -> " + tf.id() + " (" + tf.bytes() + " bytes)");
        RemoteFile vf = null;
        if (validation != null) {
            String valSha = sha(validation);
            vf = client.upload(validation, valSha);
            state.recordFile(validation, valSha, vf);
            log.accept(
                    "validation file " + validation.getFileName() + " -> " + vf.id() + " (" + vf.bytes() + " bytes)");
        }
        String vid = vf == null ? null : vf.id();
        if (!again) {
            for (TrainState.Submission s : state.submissions()) {
                JobStatus st = JobStatus.parse(s.status());
                boolean failed = st == JobStatus.ERROR || st == JobStatus.USER_ERROR || st == JobStatus.CANCELLED;
                if (s.jobId() != null
                        && !failed
                        && s.trainingFileId().equals(tf.id())
                        && java.util.Objects.equals(s.validationFileId(), vid)
                        && s.suffix().equals(spec.suffix())
                        && s.model().equals(spec.model())) {
                    throw new ConfigurationException(
                            "job " + s.jobId() + " (" + s.status() + ") already trains these files" + " with suffix "
                                    + spec.suffix() + "; pass --again to submit another");
                }
            }
        }
        PriceEstimate estimate = null;
        try {
            estimate = client.estimatePrice(spec, tf.id(), vid).orElse(null);
            if (estimate == null) {
                log.accept("the platform gave no price estimate (estimation_available: false); using the dated"
                        + " price table");
                estimate = tablePrice(train, validation, spec);
            }
        } catch (PlatformException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            log.accept("platform price estimate unavailable: " + e.getMessage());
            estimate = tablePrice(train, validation, spec);
        }
        if (estimate != null && !estimate.allowedToProceed()) {
            throw new PlatformException(
                    String.format(
                            java.util.Locale.ROOT,
                            "Together: estimate-price says the account may not run this job (estimated $%.2f)",
                            estimate.totalUsd()),
                    0,
                    false);
        }
        if (!confirm.test(estimate)) {
            return new Outcome.Declined(estimate);
        }
        Optional<TrainState.Submission> pending = state.unfinished(tf.id(), vid, spec.suffix(), spec.model());
        String token = pending.map(TrainState.Submission::clientToken).orElseGet(FineTuneJobs::newClientToken);
        if (pending.isPresent()) {
            Optional<FineTuneJob> found = client.findJob(tf.id(), token);
            if (found.isPresent()) {
                state.recordJob(token, found.get());
                log.accept(
                        "found job " + found.get().id() + " from an earlier interrupted submit (token " + token + ")");
                return new Outcome.Submitted(found.get(), estimate, true);
            }
        }
        state.begin(token, spec.suffix(), spec.model(), tf.id(), vid);
        FineTuneJob job = client.createJob(spec, tf.id(), vid, token);
        state.recordJob(token, job);
        return new Outcome.Submitted(job, estimate, false);
    }
}
