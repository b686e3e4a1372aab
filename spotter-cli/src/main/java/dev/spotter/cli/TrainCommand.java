package dev.spotter.cli;

import dev.spotter.ConfigurationException;
import dev.spotter.train.FineTuneEvent;
import dev.spotter.train.FineTuneJob;
import dev.spotter.train.FineTuneJobs;
import dev.spotter.train.JobParams;
import dev.spotter.train.JobSpec;
import dev.spotter.train.PriceEstimate;
import dev.spotter.train.TogetherClient;
import dev.spotter.train.TrainState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spotter train submit|status|events|cancel|list}: Together fine-tune jobs (logic in dev.spotter.train). */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Submit and follow Together AI fine-tune jobs (key from TOGETHER_API_KEY).",
        subcommands = {
            TrainCommand.Submit.class,
            TrainCommand.Status.class,
            TrainCommand.Events.class,
            TrainCommand.Cancel.class,
            TrainCommand.ListJobs.class
        })
public final class TrainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw SpotterCli.missingCommand(spec);
    }

    /** Options every train subcommand shares. */
    static final class Common {
        @Option(
                names = "--state",
                paramLabel = "DIR",
                defaultValue = ".spotter-state",
                description = "Project state dir (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Option(
                names = "--base-url",
                paramLabel = "URL",
                description = "API base URL (default: $TOGETHER_BASE_URL or https://api.together.xyz/v1).")
        String baseUrl;

        @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
        CommandSpec mixee;

        TogetherClient client() {
            return CliEnv.spotter(mixee).together(baseUrl);
        }

        TrainState state() {
            return TrainState.open(stateDir);
        }

        String jobIdOrLatest(String id) {
            if (id != null) {
                return id;
            }
            return state().latestJob()
                    .map(TrainState.Submission::jobId)
                    .orElseThrow(() -> new ConfigurationException("no JOB_ID given and none recorded in "
                            + stateDir.resolve(TrainState.FILE_NAME) + " (submit a job first, or give its id)"));
        }
    }

    static void printJob(PrintWriter out, FineTuneJob j) {
        out.printf(
                Locale.ROOT,
                "%s  %-16s %-22s %s%n",
                j.id(),
                j.status().wire(),
                j.progress(),
                j.modelOutputName() == null ? "" : j.modelOutputName());
    }

    static FineTuneJob follow(
            PrintWriter out, TogetherClient client, TrainState state, String id, Duration poll, Duration timeout) {
        String[] last = {""};
        FineTuneJob done = client.waitForTerminal(
                id,
                j -> {
                    String line = j.status().wire() + " " + j.progress();
                    if (!line.equals(last[0])) {
                        out.printf(Locale.ROOT, "  %s  %s%n", id, line);
                        out.flush();
                        last[0] = line;
                        state.recordJob(null, j);
                    }
                },
                poll,
                Duration.ofMinutes(5).compareTo(poll) > 0 ? Duration.ofMinutes(5) : poll,
                timeout);
        state.recordJob(null, done);
        return done;
    }

    static int exitFor(FineTuneJob j) {
        return switch (j.status()) {
            case COMPLETED -> ExitCodes.OK;
            case ERROR, USER_ERROR, CANCELLED -> ExitCodes.REJECTS;
            default -> ExitCodes.OK;
        };
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description =
                    "Upload the files (deduplicated by content), show the price estimate, confirm, create the job.")
    static final class Submit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Option(
                names = "--params",
                paramLabel = "FILE",
                description = "Job parameters file written by `spotter export --target together` (job.json).")
        Path params;

        @Option(names = "--train", paramLabel = "FILE", description = "Training JSONL (overrides the params file).")
        Path train;

        @Option(names = "--validation", paramLabel = "FILE", description = "Validation JSONL.")
        Path validation;

        @Option(
                names = "--model",
                paramLabel = "MODEL",
                description = "Base model (default: " + JobSpec.LLAMA33_70B + ").")
        String model;

        @Option(names = "--full", description = "Full fine-tune instead of LoRA.")
        Boolean full;

        @Option(names = "--epochs", paramLabel = "N", description = "Override the job file's epochs.")
        Integer epochs;

        @Option(names = "--learning-rate", paramLabel = "RATE", description = "Override the job file's learning rate.")
        Double learningRate;

        @Option(names = "--batch-size", paramLabel = "N|max", description = "Integer or max.")
        String batchSize;

        @Option(names = "--lora-r", paramLabel = "N", description = "Override the job file's LoRA rank.")
        Integer loraR;

        @Option(names = "--lora-alpha", paramLabel = "N", description = "Override the job file's LoRA alpha.")
        Integer loraAlpha;

        @Option(
                names = "--suffix",
                paramLabel = "TEXT",
                description = "Model name suffix, at most 31 chars of [a-z0-9-].")
        String suffix;

        @Option(names = "--train-on-inputs", paramLabel = "auto|true|false", description = "auto, true or false.")
        String trainOnInputs;

        @Option(
                names = "--n-evals",
                paramLabel = "N",
                description = "Override the job file's evaluations during training.")
        Integer nEvals;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Option(
                names = "--again",
                description = "Submit even if the state records a job for the same files and suffix.")
        boolean again;

        @Option(names = "--wait", description = "Follow the job until it ends.")
        boolean await;

        @Option(
                names = "--poll",
                paramLabel = "DURATION",
                defaultValue = "PT30S",
                description = "Initial poll interval (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration poll;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "PT48H",
                description = "Give up following after (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            JobSpec.Builder b = JobSpec.builder();
            Path t = train;
            Path v = validation;
            if (params != null) {
                JobParams.Loaded l = JobParams.read(params);
                JobSpec p = l.spec();
                b.model(p.model())
                        .lora(p.lora())
                        .loraR(p.loraR())
                        .loraAlpha(p.loraAlpha())
                        .loraDropout(p.loraDropout())
                        .epochs(p.epochs())
                        .learningRate(p.learningRate())
                        .batchSize(p.batchSize())
                        .suffix(p.suffix())
                        .trainOnInputs(p.trainOnInputs())
                        .nEvals(p.nEvals())
                        .nCheckpoints(p.nCheckpoints())
                        .warmupRatio(p.warmupRatio());
                if (t == null) t = l.trainingFile();
                if (v == null) v = l.validationFile();
            }
            if (t == null) {
                throw SpotterCli.usage(spec, "give --train FILE or --params job.json");
            }
            if (model != null) b.model(model);
            if (full != null) b.lora(!full);
            if (epochs != null) b.epochs(epochs);
            if (learningRate != null) b.learningRate(learningRate);
            if (batchSize != null) b.batchSize(batchSize.equals("max") ? null : Integer.valueOf(batchSize));
            if (loraR != null) b.loraR(loraR);
            if (loraAlpha != null) b.loraAlpha(loraAlpha);
            if (suffix != null) b.suffix(suffix);
            if (trainOnInputs != null) b.trainOnInputs(trainOnInputs);
            if (nEvals != null) b.nEvals(nEvals);
            JobSpec js = b.build();
            TogetherClient client = common.client();
            TrainState state = common.state();
            Predicate<PriceEstimate> confirm = est -> {
                if (est != null) {
                    out.printf(
                            Locale.ROOT,
                            "estimated price: $%.2f (%s%s)%n",
                            est.totalUsd(),
                            est.source(),
                            est.trainTokens() >= 0 ? ", " + est.trainTokens() + " tokens billed" : "");
                } else {
                    out.println("estimated price: unknown (the platform gave no estimate)");
                }
                out.printf(
                        Locale.ROOT,
                        "job: %s, %s, %d epochs, lr %s, batch %s, suffix %s%n",
                        js.model(),
                        js.lora() ? "LoRA r=" + js.loraR() : "full",
                        js.epochs(),
                        js.learningRate(),
                        js.batchSize() == null ? "max" : js.batchSize(),
                        js.suffix());
                out.flush();
                if (yes) {
                    return true;
                }
                java.io.Console c = System.console();
                if (c == null) {
                    throw new ConfigurationException(
                            "refusing to submit without confirmation: stdin is not a terminal, pass --yes");
                }
                String answer = c.readLine("submit this job? [y/N] ");
                return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
            };
            FineTuneJobs.Outcome o = new FineTuneJobs(client, state)
                    .submit(
                            t,
                            v,
                            js,
                            confirm,
                            line -> {
                                out.println(line);
                                out.flush();
                            },
                            again);
            if (o instanceof FineTuneJobs.Outcome.Declined) {
                out.println("not submitted");
                return ExitCodes.OK;
            }
            FineTuneJob job = ((FineTuneJobs.Outcome.Submitted) o).job();
            out.println((((FineTuneJobs.Outcome.Submitted) o).recovered() ? "recovered " : "submitted ") + job.id()
                    + " (recorded in " + state.file() + ")");
            if (await) {
                FineTuneJob done = follow(out, client, state, job.id(), poll, timeout);
                printJob(out, done);
                return exitFor(done);
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show a job (default: the latest recorded).")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(
                arity = "0..1",
                paramLabel = "JOB_ID",
                description = "Fine-tuning job id (ft-...); default: the last job submitted with this --state.")
        String id;

        @Option(names = "--wait", description = "Poll with backoff until the job ends.")
        boolean await;

        @Option(
                names = "--poll",
                defaultValue = "PT30S",
                paramLabel = "DURATION",
                description = "Initial poll interval (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration poll;

        @Option(
                names = "--timeout",
                defaultValue = "PT48H",
                paramLabel = "DURATION",
                description = "Give up waiting after (ISO-8601, default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String jobId = common.jobIdOrLatest(id);
            TogetherClient client = common.client();
            TrainState state = common.state();
            FineTuneJob j = await ? follow(out, client, state, jobId, poll, timeout) : client.getJob(jobId);
            state.recordJob(null, j);
            printJob(out, j);
            return exitFor(j);
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true, description = "Show a job's event log.")
    static final class Events implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(
                arity = "0..1",
                paramLabel = "JOB_ID",
                description = "Fine-tuning job id (ft-...); default: the last job submitted with this --state.")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<FineTuneEvent> events = common.client().events(common.jobIdOrLatest(id));
            for (FineTuneEvent e : events) {
                out.printf(
                        Locale.ROOT,
                        "%s  %-7s %-16s %s%n",
                        e.createdAt(),
                        e.level(),
                        e.type() == null ? "" : e.type(),
                        e.message());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job.")
    static final class Cancel implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(
                arity = "0..1",
                paramLabel = "JOB_ID",
                description = "Fine-tuning job id (ft-...); default: the last job submitted with this --state.")
        String id;

        @Override
        public Integer call() {
            FineTuneJob j = common.client().cancel(common.jobIdOrLatest(id));
            common.state().recordJob(null, j);
            printJob(spec.commandLine().getOut(), j);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's jobs.")
    static final class ListJobs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (FineTuneJob j : common.client().listJobs()) {
                printJob(out, j);
            }
            return ExitCodes.OK;
        }
    }
}
